// Sequential mode (the lab's blocking accept loop): a second client is accepted by the kernel
// but waits, `queued #1`, until the first closes; then it is served and its bytes are read.
import { afterEach, expect, it } from 'vitest';
import { KERNEL_COL, PythonProcs, paneRows, startDashboard } from './dashboard.js';
import type { App } from './pty.js';

let app: App | undefined;
const py = new PythonProcs();
afterEach(async () => {
  await py.killAll();
  await app?.dispose();
  app = undefined;
});

it('--sequential: the second held client is queued #1 until the first closes, then served', async () => {
  const started = await startDashboard(['--sequential'], { cols: 160, rows: 40 });
  // 160 columns: the connections pane (60%) shows a queued row whole.
  app = started.app;
  const target = ['127.0.0.1', String(started.port), '--hold'];
  expect(app.lines()[0]).toContain('SEQUENTIAL (one at a time)');

  const first = py.client(target);
  const p1 = Number((await first.waitForLine(/^PORT (\d+)$/))[1]);
  await first.waitForLine(/^SENT 28$/);
  const row = (id: number, peer: number, state: string, bytes: number, reads: string) =>
    new RegExp(
      `^. #${id} 127\\.0\\.0\\.1:${peer} → :${started.port} ${state}${KERNEL_COL} \\d+(\\.\\d)?s · in ${bytes} B/${reads} · out 0 B$`,
    );
  const conn = (s: string, peer: number) =>
    paneRows(s, 'connections', 160).find((r) => r.includes(`127.0.0.1:${peer} →`)) ?? '';
  await app.waitFor((s) => row(1, p1, 'open', 28, '1 read').test(conn(s, p1)));

  const second = py.client(target);
  const p2 = Number((await second.waitForLine(/^PORT (\d+)$/))[1]);
  await second.waitForLine(/^SENT 28$/); // the kernel took the bytes; socklab has not read them
  let screen = await app.waitFor((s) => /queued #1/.test(conn(s, p2)));
  expect(conn(screen, p2)).toMatch(row(2, p2, 'queued #1', 0, '0 reads'));
  expect(paneRows(screen, 'listeners', 160)[1]).toBe(
    `▶ #1 127.0.0.1:${started.port} listening 1 open · 1 queued · 2 total · 28 B in`,
  );

  first.writeLine(); // release: cliente.py closes the first connection
  await first.waitForLine(/^CLOSED$/);
  expect(await first.exited).toBe(0);
  screen = await app.waitFor(
    (s) =>
      row(1, p1, 'closed by peer \\(FIN\\)', 28, '1 read').test(conn(s, p1)) &&
      row(2, p2, 'open', 28, '1 read').test(conn(s, p2)),
  );
  expect(paneRows(screen, 'listeners', 160)[1]).toBe(
    `▶ #1 127.0.0.1:${started.port} listening 1 open · 0 queued · 2 total · 56 B in`,
  );

  second.writeLine();
  expect(await second.exited).toBe(0);
  await app.waitFor((s) => row(2, p2, 'closed by peer \\(FIN\\)', 28, '1 read').test(conn(s, p2)));
});
