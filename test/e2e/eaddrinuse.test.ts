// Journey 2: `n`, Enter binds the selected listener's address again → EADDRINUSE, explained;
// the first listener keeps accepting.
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

it('n, Enter → EADDRINUSE with its explanation, and listener #1 still accepts', async () => {
  const started = await startDashboard([], { cols: 120, rows: 40 });
  app = started.app;
  const { port } = started;

  app.write('n');
  await app.waitFor(`new listener [HOST:]PORT › 127.0.0.1:${port}`);
  app.key('enter');
  // (The empty errors pane already says "try n, Enter for EADDRINUSE": wait for the entry.)
  await app.waitFor(new RegExp(`EADDRINUSE \\((listen|bind)\\) 127\\.0\\.0\\.1:${port}`));
  await app.waitFor('Another socket already listens');
  // The listeners pane shows the second listener as failed; the first still listening.
  await app.waitFor(
    new RegExp(`#2 127\\.0\\.0\\.1:${port} .*failed|#2 127\\.0\\.0\\.1:${port} .*EADDRINUSE`),
  );
  expect(app.screen()).toMatch(new RegExp(`#1 127\\.0\\.0\\.1:${port} listening .*· 0 total`));

  // The first listener keeps accepting.
  const cli = py.client(['127.0.0.1', String(port)]);
  expect(await cli.exited).toBe(0);
  const [, peer] = (await cli.waitForLine(/^PORT (\d+)$/)) as RegExpMatchArray;
  await app.waitFor(new RegExp(`#1 127\\.0\\.0\\.1:${port} listening .*· 1 total`));
  // Listener #1 stays selected (the failed #2 does not take the selection): its new connection.
  expect(app.screen()).toContain('Connections on #1');
  await app.waitFor((s) => connectionRow(s, Number(peer)) !== undefined);
});
