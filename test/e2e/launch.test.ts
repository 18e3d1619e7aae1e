// Journey start: `socklab` with no arguments opens the dashboard listening on 127.0.0.1:9999.
import { afterEach, expect, it } from 'vitest';
import { canListen, EN_ENV, paneRows } from './dashboard.js';
import { type App, freePort, startApp } from './pty.js';

let app: App | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

it('with no arguments listens on 127.0.0.1:9999 and draws the dashboard at 120×40', async () => {
  let args: string[] = [];
  let port = 9999;
  if (!(await canListen(9999))) {
    port = await freePort();
    args = ['--listen', `127.0.0.1:${port}`];
    console.log(`127.0.0.1:9999 is taken on this machine: testing with --listen 127.0.0.1:${port}`);
  }
  app = startApp(args, { cols: 120, rows: 40, env: EN_ENV });
  // The whole frame, footer included: a frame is parsed in pieces as the pty delivers it.
  const screen = await app.waitFor(
    (s) => s.includes(`#1 127.0.0.1:${port} listening`) && s.includes('Tab next pane'),
  );
  const rows = app.lines();
  expect(rows[0]).toMatch(
    /^socklab \d+\.\d+\.\d+ {2}listening 1 · open 0 · in 0 B · out 0 B · reads 0 {2}concurrent$/,
  );
  expect(rows[1]).toContain('1,024 B per read');
  expect(paneRows(screen, 'listeners').slice(0, 2)).toEqual([
    '▸ Listeners 1',
    `▶ #1 127.0.0.1:${port} listening 0 open · 0 queued · 0 total · 0 B in`,
  ]);
  expect(screen).toContain('Errors & notes');
  expect(screen).toContain('Connections on #1');
  expect(screen).toContain('Client');
  expect(screen).toContain('Reads');
  expect(rows[38]).toMatch(/Tab next pane/); // footer on rows-2, last row kept blank
  expect(rows[39]).toBe('');
  // The port really is taken by socklab now.
  expect(await canListen(port)).toBe(false);
});
