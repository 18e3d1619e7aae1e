// Sequential mode (the lab's blocking accept loop): a second client is accepted by the kernel
// but waits, `queued #1`, until the first closes; then it is served and its bytes are read.
import { afterEach, expect, it } from 'vitest';
import { connectionRow, PythonProcs, startDashboard } from './dashboard.js';
import type { App } from './pty.js';

let app: App | undefined;
const py = new PythonProcs();
afterEach(async () => {
  await py.killAll();
  await app?.dispose();
  app = undefined;
});

it('--sequential: the second held client is queued #1 until the first closes, then served', async () => {
  const started = await startDashboard(['--sequential'], { cols: 120, rows: 40 });
  app = started.app;
  const target = ['127.0.0.1', String(started.port), '--hold'];
  expect(app.lines()[0]).toContain('SEQUENTIAL (one at a time)');

  const first = py.client(target);
  const p1 = Number((await first.waitForLine(/^PORT (\d+)$/))[1]);
  await first.waitForLine(/^SENT 28$/);
  await app.waitFor((s) => /open .* in 28 B in 1 r/.test(connectionRow(s, p1) ?? ''));

  const second = py.client(target);
  const p2 = Number((await second.waitForLine(/^PORT (\d+)$/))[1]);
  await second.waitForLine(/^SENT 28$/); // the kernel took the bytes; socklab has not read them
  let screen = await app.waitFor((s) => /queued #1/.test(connectionRow(s, p2) ?? ''));
  expect(connectionRow(screen, p2)).toMatch(/queued #1 .* in 0 B in 0 r/);
  expect(screen).toMatch(/listening {2}1 open · 1 queued · 2 total/);

  first.writeLine(); // release: cliente.py closes the first connection
  await first.waitForLine(/^CLOSED$/);
  expect(await first.exited).toBe(0);
  screen = await app.waitFor(
    (s) =>
      /closed/.test(connectionRow(s, p1) ?? '') &&
      /open .* in 28 B in 1 r/.test(connectionRow(s, p2) ?? ''),
  );
  expect(connectionRow(screen, p2)).not.toContain('queued');
  expect(screen).toMatch(/listening {2}1 open · 0 queued · 2 total/);

  second.writeLine();
  expect(await second.exited).toBe(0);
  await app.waitFor((s) => /closed/.test(connectionRow(s, p2) ?? ''));
});
