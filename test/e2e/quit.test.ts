// `q` quits cleanly: exit 0, the alternate screen is left, the cursor is shown again and every
// socket is closed (the port can be listened on right away).
import { createServer } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { PythonProcs, startDashboard } from './dashboard.js';
import type { App } from './pty.js';

let app: App | undefined;
const py = new PythonProcs();
afterEach(async () => {
  await py.killAll();
  await app?.dispose();
  app = undefined;
});

function listenOn(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen({ host: '127.0.0.1', port, exclusive: true }, () => srv.close(() => resolve()));
  });
}

it('q → exit 0, cursor shown, alternate screen left, port free at once', async () => {
  const started = await startDashboard([], { cols: 120, rows: 40 });
  app = started.app;
  expect(app.raw()).toContain('\u001b[?1049h');
  expect(app.cursorHidden()).toBe(true);
  // An open connection too, so quitting has a socket to close besides the listener.
  const held = py.client(['127.0.0.1', String(started.port), '--hold']);
  await held.waitForLine(/^SENT 28$/);
  await app.waitFor(
    `▶ #1 127.0.0.1:${started.port} listening 1 open · 0 queued · 1 total · 28 B in`,
  );

  app.write('q');
  expect(await app.exited).toMatchObject({ exitCode: 0 });
  await app.flush();
  expect(app.cursorHidden()).toBe(false);
  // Leaving the alternate screen and showing the cursor are the last bytes written: nothing
  // lands on the user's normal screen afterwards. (Ink's own exit hook repeats ESC[?25h once
  // more after ours; harmless, so one or more.)
  expect(app.raw()).toMatch(/\u001b\[\?1049l(\u001b\[\?25h)+$/);
  expect(app.buffer().type).toBe('normal');
  await listenOn(started.port); // throws EADDRINUSE if socklab left the listener open
  // The held client saw its connection closed by socklab.
  held.writeLine();
  await held.exited;
});
