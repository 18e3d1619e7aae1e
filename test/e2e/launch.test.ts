// Journey start: `socklab` with no arguments opens the dashboard listening on 127.0.0.1:9999.
import { afterEach, expect, it } from 'vitest';
import { canListen } from './dashboard.js';
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
  app = startApp(args, { cols: 120, rows: 40 });
  const screen = await app.waitFor(`#1 127.0.0.1:${port} listening`);
  const rows = app.lines();
  expect(rows[0]).toMatch(/^socklab \d+\.\d+\.\d+ +listeners 1 · open 0 /);
  expect(rows[1]).toContain('1,024 B per read');
  expect(screen).toMatch(/▶ #1 127\.0\.0\.1:\d+ listening {2}0 open · 0 queued · 0 total/);
  expect(screen).toContain('Errors & notes');
  expect(screen).toContain('Connections on #1');
  expect(screen).toContain('Client');
  expect(screen).toContain('Reads');
  expect(rows[38]).toMatch(/Tab next pane/); // footer on rows-2, last row kept blank
  expect(rows[39]).toBe('');
  // The port really is taken by socklab now.
  expect(await canListen(port)).toBe(false);
});
