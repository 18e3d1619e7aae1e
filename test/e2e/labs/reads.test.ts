// Guided labs 3, 3a, 3b and 3c end to end: `socklab --lab ID --listen 127.0.0.1:0` in a pty,
// `g` runs the lab's steps on the live dashboard; the reads and connections show the result.
import { describe, expect, it } from 'vitest';
import {
  CLOCK,
  clientRows,
  connectionRows,
  disposeAfterEach,
  LAB_MESSAGE,
  LAB_TIMEOUT,
  labParagraph,
  labSteps,
  listenerRows,
  oneSpace,
  startLab,
} from './labApp.js';

const track = disposeAfterEach();

const header = (s: string) => s.split('\n')[0];
const slider = (s: string) => s.split('\n')[1];

describe('lab 3 · each read and its byte count', () => {
  it(
    'g sets the buffer to 1,024 and a client sends 28 B: 28 B in 1 read',
    async () => {
      // Start at 5 B per read: g moves the slider to 1,024 itself.
      const r = track(
        await startLab('3', '3 · Each read and its byte count', { extra: ['--buffer', '5'] }),
      );
      const { port } = r;
      expect(slider(r.app.screen())).toContain('  5 B per read');
      expect(labSteps(r.pane('lab'))).toEqual([
        oneSpace('1. data = conn.recv(1024)  Read up to 1,024 bytes at a time (g sets the slider)'),
        oneSpace(
          "2. c.sendall(b'Estou enviando uma mensagem!')  The client sends “Estou enviando uma mensagem!” (28 bytes)",
        ),
        oneSpace('3. if not data: break  Stop when recv() returns b"" (the peer closed)'),
      ]);
      let screen = await r.press('g', (s) =>
        r.pane('labReads', s).some((x) => x.endsWith('28 B in 1 read')),
      );
      expect(r.status(screen)).toBe(
        'ran lab 3: buffer set to 1,024 B (for every listener); client #1 sent 28 B, read as 28 B in 1 read',
      );
      // On the lab's own listener, #2, selected.
      const labPort = listenerRows(r.pane('listeners', screen))[1].port;
      expect(slider(screen)).toContain('  1,024 B per read  recv(1024)');
      const reads = r.pane('labReads', screen);
      expect(reads[0]).toMatch(/^ {2}Reads — conn #2 · following(?: · last 30 s .*?)? text · /);
      // The timeline: accepted, then the read.
      expect(reads[1]).toMatch(new RegExp(`^${CLOCK} #2 {2}accepted$`));
      expect(reads[2]).toMatch(new RegExp(`^${CLOCK} #2 {2}28 B in 1 read$`));
      expect(reads[3]).toBe(`  ←    28 B  "${LAB_MESSAGE}"`);
      expect(reads[4]).toBe('');
      // The server side of the lab's client: 28 B in, one read.
      // The kernel's sample may still hold the 28 B socklab has just read (Recv-Q 28, for up
      // to one sample): wait for the row to say what the kernel says now.
      screen = await r.app.waitFor((s) => connectionRows(r.pane('connections', s)).length === 1);
      const conn = connectionRows(r.pane('connections', screen), true);
      const client = clientRows(r.pane('client', screen));
      expect(client).toHaveLength(1);
      expect(conn).toHaveLength(1);
      expect(conn[0]).toMatchObject({
        id: 2,
        peer: client[0].local,
        local: labPort,
        state: 'open',
        client: 1,
        lab: '3',
        bytesIn: 28,
        reads: '1 read',
        bytesOut: 0,
      });
      expect(r.pane('client', screen)[2]).toBe('  #1: out 28 B · in 0 B');
      expect(r.pane('listeners', screen).slice(1, 3)).toEqual([
        `  #1 127.0.0.1:${port} listening 0 open · 0 queued · 0 total · 0 B in`,
        `▶ #2 127.0.0.1:${labPort} lab 3 listening 1 open · 0 queued · 1 total · 28 B in`,
      ]);
    },
    LAB_TIMEOUT,
  );
});

describe('labs 3a and 3b · two clients, one-at-a-time server; the first closes', () => {
  it(
    '3a, g: SEQUENTIAL and queued #1; l, ↓ to 3b, Enter, g: the queued one is served',
    async () => {
      // Wide enough for a closed row whole: "closed by peer (FIN) ◆ lab 3a client #1 … out 0 B".
      const r = track(
        await startLab('3a', '3a · Two clients, one-at-a-time server', { cols: 176 }),
      );
      const { port } = r;
      expect(header(r.app.screen())).toMatch(/ {2}concurrent$/);

      // 3a: sequential mode, a client served, a second one queued with its 28 B unread.
      let screen = await r.press('g', (s) =>
        connectionRows(r.pane('connections', s)).some((c) => c.state === 'queued #1'),
      );
      expect(header(screen)).toMatch(/ {2}SEQUENTIAL \(one at a time\)$/);
      const labPort = listenerRows(r.pane('listeners', screen))[1].port;
      // The first client's message is read before the second client connects.
      screen = await r.app.waitFor((s) =>
        connectionRows(r.pane('connections', s)).some(
          (c) => c.state === 'open' && c.bytesIn === 28,
        ),
      );
      const clients = clientRows(r.pane('client', screen));
      expect(clients.map((c) => [c.state, c.lab])).toEqual([
        ['open', '3a'],
        ['open', '3a'],
      ]);
      const [first, second] = clients;
      expect(r.status(screen)).toBe(
        `ran lab 3a: sequential mode on (for every listener); lab 3a client #${first.id} served, client #${second.id} queued #1`,
      );
      expect(first.id).toBeLessThan(second.id);
      let conns = connectionRows(r.pane('connections', screen), true);
      expect(conns).toHaveLength(2);
      const served = conns.find((c) => c.client === first.id);
      const queued = conns.find((c) => c.client === second.id);
      expect(served).toMatchObject({
        peer: first.local,
        state: 'open',
        bytesIn: 28,
        reads: '1 read',
      });
      expect(queued).toMatchObject({
        peer: second.local,
        state: 'queued #1',
        bytesIn: 0,
        reads: '0 reads',
      });
      expect(r.pane('listeners', screen).slice(1, 3)).toEqual([
        `  #1 127.0.0.1:${port} listening 0 open · 0 queued · 0 total · 0 B in`,
        `▶ #2 127.0.0.1:${labPort} lab 3a listening 1 open · 1 queued · 2 total · 28 B in`,
      ]);

      // l lists the labs with the open one (3a) selected; ↓ once to 3b.
      const list = (s: string) => r.pane('overlay', s);
      screen = await r.press('l', (s) =>
        list(s).includes('▶ 3a · Two clients, one-at-a-time server'),
      );
      for (const title of ['3b · The first client closes']) {
        screen = await r.press('\u001b[B', (s) => list(s).includes(`▶ ${title}`));
      }
      screen = await r.press('\r', (s) =>
        (r.pane('lab', s)[0] ?? '').startsWith('3b · The first client closes'),
      );
      expect(labSteps(r.pane('lab', screen))).toEqual([
        oneSpace('1. c1.close()  The first client closes (g closes lab 3a’s served client)'),
        oneSpace(
          "2. data = conn.recv(1024)  # b'' → break; conn.close()  The server sees EOF and closes its side",
        ),
        oneSpace(
          '3. conn, addr = s.accept()  # the queued client  The next queued connection is read (Python: accept() returns it first)',
        ),
      ]);
      // The sockets did not change while the list was open.
      expect(r.pane('listeners', screen)[2]).toBe(
        `▶ #2 127.0.0.1:${labPort} lab 3a listening 1 open · 1 queued · 2 total · 28 B in`,
      );

      // 3b: g closes the served client; the server reads EOF, closes, and accepts the queued
      // connection, whose 28 B waiting in the kernel are read at once.
      screen = await r.press('g', (s) => {
        const cs = connectionRows(r.pane('connections', s));
        return cs.some((c) => c.id === queued?.id && c.state === 'open' && c.bytesIn === 28);
      });
      expect(r.status(screen)).toBe(
        `ran lab 3b: closed lab 3a client #${first.id}; client #${second.id} is served: 28 B read`,
      );
      // Whole rows: the served one's rate (the second after its read) makes its row longer.
      screen = await r.app.waitFor(
        (s) =>
          connectionRows(r.pane('connections', s)).find((c) => c.id === served?.id)?.state ===
            'closed' && !r.pane('connections', s).some((x) => x.endsWith('…')),
      );
      conns = connectionRows(r.pane('connections', screen), true);
      expect(conns.find((c) => c.id === served?.id)).toMatchObject({
        state: 'closed',
        bytesIn: 28,
        reads: '1 read',
      });
      expect(conns.find((c) => c.id === queued?.id)).toMatchObject({
        peer: second.local,
        state: 'open',
        bytesIn: 28,
        reads: '1 read',
      });
      expect(r.pane('listeners', screen)[2]).toBe(
        `▶ #2 127.0.0.1:${labPort} lab 3a listening 1 open · 0 queued · 2 total · 56 B in`,
      );
      expect(clientRows(r.pane('client', screen)).map((c) => [c.id, c.state])).toEqual([
        [first.id, 'closed'],
        [second.id, 'open'],
      ]);
      const reads = r.pane('labReads', screen);
      expect(reads[0]).toMatch(
        new RegExp(`^ {2}Reads — conn #${queued?.id} · following(?: · last 30 s .*?)? text · `),
      );
      // The timeline: accepted, queued, served after its wait, then the read.
      expect(reads.slice(1, 4)).toEqual([
        expect.stringMatching(new RegExp(`^${CLOCK} #${queued?.id} {2}accepted$`)),
        expect.stringMatching(new RegExp(`^${CLOCK} #${queued?.id} {2}queued: `)),
        expect.stringMatching(
          new RegExp(`^${CLOCK} #${queued?.id} {2}served after waiting [\\d.]+s in the queue$`),
        ),
      ]);
      expect(reads[4]).toMatch(new RegExp(`^${CLOCK} #${queued?.id} {2}28 B in 1 read$`));
      expect(reads[5]).toBe(`  ←    28 B  "${LAB_MESSAGE}"`);
      expect(header(screen)).toMatch(/ {2}SEQUENTIAL \(one at a time\)$/);
    },
    LAB_TIMEOUT,
  );
});

describe('lab 3c · a 5-byte buffer', () => {
  it(
    'g sets 5 B per read: 28 B in 6 reads: 5 5 5 5 5 3; a shows the answer',
    async () => {
      const r = track(await startLab('3c', '3c · A 5-byte buffer'));
      let lab = r.pane('lab');
      expect(lab[0]).toBe('3c · A 5-byte buffer g run it · a answer · Esc close · l list');
      // The steps show the Python call they stand for.
      expect(labSteps(lab)).toEqual([
        oneSpace('1. data = conn.recv(5)  Read at most 5 bytes at a time (g moves the slider)'),
        oneSpace(
          "2. c.sendall(b'Estou enviando uma mensagem!')  The client sends the 28-byte message",
        ),
      ]);
      expect(labParagraph(lab, 'Question:', ['press a'])).toBe(
        'Question: How is the content received with a small buffer (e.g. 5)?',
      );
      expect(lab).toContain('press a to show the answer');
      expect(slider(r.app.screen())).toContain('  1,024 B per read');

      let screen = await r.press('g', (s) =>
        r.pane('labReads', s).some((x) => x.endsWith('28 B in 6 reads: 5 5 5 5 5 3')),
      );
      expect(r.status(screen)).toBe(
        'ran lab 3c: buffer set to 5 B (for every listener); client #1 sent 28 B, read as 28 B in 6 reads: 5 5 5 5 5 3',
      );
      const labPort = listenerRows(r.pane('listeners', screen))[1].port;
      expect(slider(screen)).toContain('  5 B per read  recv(5)');
      const reads = r.pane('labReads', screen);
      expect(reads[0]).toMatch(/^ {2}Reads — conn #2 · following(?: · last 30 s .*?)? text · /);
      expect(reads.slice(1, 10)).toEqual([
        expect.stringMatching(new RegExp(`^${CLOCK} #2 {2}accepted$`)),
        expect.stringMatching(new RegExp(`^${CLOCK} #2 {2}28 B in 6 reads: 5 5 5 5 5 3$`)),
        '  ←     5 B  "Estou"',
        '  ←     5 B  " envi"',
        '  ←     5 B  "ando "',
        '  ←     5 B  "uma m"',
        '  ←     5 B  "ensag"',
        '  ←     3 B  "em!"',
        '',
      ]);
      // The kernel's sample may still hold the 28 B socklab has just read (Recv-Q 28, for up
      // to one sample): wait for the row to say what the kernel says now.
      screen = await r.app.waitFor((s) => connectionRows(r.pane('connections', s)).length === 1);
      const conn = connectionRows(r.pane('connections', screen), true);
      const client = clientRows(r.pane('client', screen));
      expect(conn).toEqual([
        {
          id: 2,
          peer: client[0].local,
          local: labPort,
          state: 'open',
          client: 1,
          lab: '3c',
          bytesIn: 28,
          reads: '6 reads',
          bytesOut: 0,
        },
      ]);

      screen = await r.press('a', (s) => r.pane('lab', s).some((x) => x.startsWith('Answer:')));
      lab = r.pane('lab', screen);
      expect(labParagraph(lab, 'Answer:', ['Where the common'])).toBe(
        'Answer: All 28 bytes arrive, in 6 reads: 5 5 5 5 5 3. Each recv(5) returns at most 5 bytes; the loop keeps reading until the data runs out.',
      );
      expect(labParagraph(lab, 'Where the common', [])).toBe(
        'Where the common answer goes wrong: “It receives only 5 bytes” — it receives all 28, in several reads.',
      );

      // Esc closes the panel; the reads pane spans the whole width, the burst still listed.
      screen = await r.press('\u001b', (s) => (r.pane('reads', s)[0] ?? '').startsWith('  Reads'));
      expect(r.pane('reads', screen)[2]).toMatch(/ #2 {2}28 B in 6 reads: 5 5 5 5 5 3$/);
      expect(screen).not.toContain('3c · A 5-byte buffer');
    },
    LAB_TIMEOUT,
  );
});
