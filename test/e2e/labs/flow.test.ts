// Lab 4, flow control, in the real CLI: `g` pauses reading on the lab's accepted connection
// and sends 10 MiB; the screen shows the paused row, the client blocked with what socklab
// holds, and the kernel (read from /proc/net/tcp, as `ss` shows it) agrees: Recv-Q on the
// paused end, Send-Q on the sender. `p` on the connection resumes: all 10 MiB are read.
import { describe, expect, it } from 'vitest';
import { procTcp } from '../../helpers/procTcp.js';
import { disposeAfterEach, LAB_TIMEOUT, startLab } from './labApp.js';

const track = disposeAfterEach();
const TITLE = '4 · A server that stops reading';

describe('lab 4: a server that stops reading', () => {
  it(
    'g: paused, the kernel queues full, the client blocked; p: every byte read',
    async () => {
      const r = track(await startLab('4', TITLE));
      // Node's read-ahead is looked at 4 times a second: wait for it too.
      const aheadShown = (s: string) =>
        r
          .pane('connections', s)
          .some((l) => /Recv-Q \d+ · reading paused · [1-9][\d.]* KiB read ahead/.test(l));
      let screen = await r.press(
        'g',
        (s) => /^ran lab 4: .*blocked at/.test(r.status(s)) && aheadShown(s),
      );
      const status = r.status(screen);
      expect(status).toMatch(
        /^ran lab 4: buffer set to 65,536 B \(for every listener\); conn #(\d+) paused; client #(\d+) blocked at [\d.]+ MiB of 10\.0 MiB, [\d.]+ [KM]iB held · p on #\1 resumes$/,
      );
      const conn = Number(/conn #(\d+)/.exec(status)?.[1]);
      const client = Number(/client #(\d+)/.exec(status)?.[1]);
      const row = r.pane('connections', screen).find((l) => l.includes(`#${conn} 127`)) ?? '';
      expect(row).toMatch(/ open · Recv-Q \d+ · reading paused · [\d.]+ KiB read ahead/);
      const peerPort = Number(/127\.0\.0\.1:(\d+) → :(\d+)/.exec(row)?.[1]);
      const lport = Number(/127\.0\.0\.1:(\d+) → :(\d+)/.exec(row)?.[2]);
      const clientPane = r.pane('client', screen).join('\n');
      expect(clientPane).toMatch(new RegExp(`#${client} .*open, blocked`));
      expect(clientPane).toMatch(/[\d.]+ [KM]iB held · peer's window shut: write\(\) blocks/);
      // The kernel's queues on screen are what `ss -tn` shows (/proc/net/tcp), once both are
      // full and stay put: Recv-Q on the paused end, Send-Q on the sender.
      const shown = (s: string) => ({
        recvQ: Number(
          / Recv-Q (\d+) · reading paused/.exec(r.pane('connections', s).join('\n'))?.[1],
        ),
        sendQ: Number(/ Send-Q (\d+)/.exec(r.pane('client', s).join('\n'))?.[1]),
      });
      screen = await r.app.waitFor((s) => {
        const q = shown(s);
        return (
          q.recvQ > 0 &&
          q.sendQ > 0 &&
          q.recvQ === procTcp(lport, peerPort)?.rxQueue &&
          q.sendQ === procTcp(peerPort, lport)?.txQueue
        );
      });

      // Focus the connections pane (Tab from listeners), select the paused one, p.
      screen = await r.press('\t', (s) => /^▸ Connections/.test(r.pane('connections', s)[0] ?? ''));
      expect(r.pane('connections', screen).some((l) => l.startsWith(`▶ #${conn} `))).toBe(true);
      screen = await r.press(
        'p',
        (s) =>
          r.status(s).startsWith(`#${conn}: reading again`) &&
          r
            .pane('connections', s)
            .some((l) => l.includes(`#${conn} 127`) && l.includes('in 10.0 MiB/')),
        30_000,
      );
      const done = r.pane('connections', screen).find((l) => l.includes(`#${conn} 127`)) ?? '';
      expect(done).not.toContain('reading paused');
      expect(done).toMatch(/in 10\.0 MiB\//);
    },
    LAB_TIMEOUT,
  );
});
