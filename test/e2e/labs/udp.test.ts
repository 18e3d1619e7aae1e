// Lab 3d end to end: `socklab --lab 3d` in a real terminal; g sends the lab's message to a TCP
// listener and to a UDP socket of the lab's own, both read 5 bytes at a time, and the lab
// panel shows them side by side: 6 reads of 28 B against 1 datagram, 5 B kept, 23 B lost.
import { describe, expect, it } from 'vitest';
import { disposeAfterEach, LAB_TIMEOUT, labSteps, oneSpace, startLab } from './labApp.js';

const track = disposeAfterEach();

/** The lab panel's rows with runs of spaces squashed (its columns are padded). */
const squashed = (rows: string[]) => rows.map(oneSpace);

describe('lab 3d · TCP vs UDP at a 5-byte buffer', () => {
  it(
    'g: TCP reads 28 B as 5 5 5 5 5 3; UDP gets 1 datagram of 28 B, recvfrom(5) keeps 5 B, 23 B lost',
    async () => {
      const r = track(await startLab('3d', '3d · TCP vs UDP at a 5-byte buffer'));
      expect(labSteps(r.pane('lab'))).toEqual([
        oneSpace(
          "1. u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', port)) A UDP socket beside the TCP listener (g opens both, of the lab’s own)",
        ),
        oneSpace(
          "2. c.sendto(b'Estou enviando uma mensagem!', ('127.0.0.1', port)) The client sends the message once to each",
        ),
        oneSpace(
          '3. data, addr = u.recvfrom(5) # TCP side: conn.recv(5) Each side reads with a 5-byte buffer (g moves the slider)',
        ),
      ]);
      const screen = await r.press(
        'g',
        (s) =>
          r.status(s).startsWith('ran lab 3d') &&
          r.pane('lab', s).some((x) => x.includes('lost 23 B')) &&
          // The TCP reads come with the lab connection's read ring, a frame after its counters.
          r.pane('lab', s).some((x) => x.startsWith('3 B "em!"')),
        LAB_TIMEOUT,
      );
      expect(r.status(screen)).toBe(
        'ran lab 3d: buffer set to 5 B (for every listener); TCP: 28 B in 6 reads · UDP: 1 datagram of 28 B, 5 B kept, 23 B lost',
      );
      const lab = r.pane('lab', screen);
      const top = squashed(lab.slice(1, 11));
      expect(top).toEqual([
        expect.stringMatching(/^TCP listener #2 · recv\(5\) │ UDP udp #1 · recvfrom\(5\)$/),
        '28 B in 6 reads: 5 5 5 5 5 3 │ 1 datagram of 28 B',
        '5 B "Estou" │ kept 5 B "Estou"',
        '5 B " envi" │ lost 23 B (discarded)',
        '5 B "ando " │',
        '5 B "uma m" │',
        '5 B "ensag" │',
        '3 B "em!" │',
        expect.stringMatching(/^UDP side: what recvfrom\(5\) returns, computed from the whole/),
        expect.any(String),
      ]);
      // The two columns line up: the bar is in the same column on every row.
      const bars = lab.slice(1, 9).map((x) => x.indexOf('│'));
      expect(new Set(bars).size).toBe(1);
      console.log(`lab 3d on screen (${r.cols}×${r.rows}):\n${screen}`);
    },
    LAB_TIMEOUT,
  );
});
