// Journey 2: `n`, Enter binds the selected listener's address again → EADDRINUSE, explained;
// the first listener keeps accepting.
import { afterEach, expect, it } from 'vitest';
import { connectionRow, cut, PythonProcs, paneRows, startDashboard } from './dashboard.js';
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
  // At 120 columns the errors pane is 48 wide: the head row is cut in the syscall.
  const head = cut(`▶ EADDRINUSE listener #2 127.0.0.1:${port} (listen)`, 46);
  const screen = await app.waitFor((s) => paneRows(s, 'errors')[1] === head);
  const errors = paneRows(screen, 'errors');
  expect(errors[0]).toBe('  Errors & notes 1 · x dismiss');
  // The explanation, wrapped at words, two columns in, under the head row.
  const wrapped = errors.slice(2).filter((r) => r !== '');
  expect(wrapped.every((r) => r.startsWith('  ') && r.length <= 46)).toBe(true);
  expect(wrapped.map((r) => r.slice(2)).join(' ')).toMatch(
    new RegExp(
      // The kernel's view names the holder.
      `^127\\.0\\.0\\.1:${port} is held by this socklab, listener #1, LISTEN — close it or choose another port\\.$`,
    ),
  );
  // The listeners pane shows the second listener as failed; the first still listening.
  expect(paneRows(screen, 'listeners')).toEqual([
    '▸ Listeners 2',
    `▶ #1 127.0.0.1:${port} listening 0 open · 0 queued · 0 total · 0 B in`,
    `  #2 127.0.0.1:${port} failed EADDRINUSE (r retries)`,
    '',
    '',
    '',
    '',
  ]);

  // The first listener keeps accepting.
  const cli = py.client(['127.0.0.1', String(port)]);
  expect(await cli.exited).toBe(0);
  const [, peer] = (await cli.waitForLine(/^PORT (\d+)$/)) as RegExpMatchArray;
  await app.waitFor(
    (s) =>
      paneRows(s, 'listeners')[1] ===
      `▶ #1 127.0.0.1:${port} listening 0 open · 0 queued · 1 total · 28 B in`,
  );
  // Listener #1 stays selected (the failed #2 does not take the selection): its new connection.
  expect(app.screen()).toContain('Connections on #1');
  await app.waitFor((s) => connectionRow(s, Number(peer)) !== undefined);
});
