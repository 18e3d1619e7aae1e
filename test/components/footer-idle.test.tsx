// The footer offers a pane's keys only when they have something to act on: no client, no
// half-close or reset; no error, no dismiss. Real sockets on 127.0.0.1, the whole App.
import { afterEach, expect, it } from 'vitest';
import { KEY, press, renderApp, runCleanups, testLab, waitForFrame } from '../helpers/ink.js';

afterEach(runCleanups);

const footer = (f: string) => f.trimEnd().split('\n').at(-1) ?? '';

it('an empty client pane offers t and c, not keys for a client it does not have', async () => {
  const t = testLab();
  await t.listenAndWait();
  const ink = renderApp(t);
  await waitForFrame(ink, (f) => /▶ #1 /.test(f), 'the listener');
  for (let i = 0; i < 3; i++) await press(ink, KEY.tab, () => true, 'tab');
  const f = await waitForFrame(ink, (x) => x.includes('▸ Client'), 'client pane focused');
  const row = footer(f);
  expect(row).toContain('t connect to host:port');
  for (const idle of ['half-close', 'reset (RST)', 'Nagle', 'pause/resume']) {
    expect(row, idle).not.toContain(idle);
  }
  // Once there is a client, they are offered.
  const withClient = await press(ink, 'c', (x) => /▶ #1 local port \d+ open/.test(x), 'a client');
  expect(footer(withClient)).toContain('f half-close (FIN)');
});

it('the errors pane offers no dismiss while there is nothing to dismiss', async () => {
  const t = testLab();
  await t.listenAndWait();
  const ink = renderApp(t);
  await waitForFrame(ink, (f) => /▶ #1 /.test(f), 'the listener');
  // Listeners → connections → reads → client → errors.
  for (let i = 0; i < 3; i++) await press(ink, KEY.tab, () => true, 'tab');
  await waitForFrame(ink, (x) => x.includes('▸ Client'), 'client pane focused');
  const f = await press(ink, KEY.tab, (x) => x.includes('▸ Errors'), 'errors pane focused');
  expect(footer(f)).toContain('Tab next pane');
  expect(footer(f)).not.toContain('dismiss');
});
