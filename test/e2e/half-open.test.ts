// Half-open: an HTTP/1.0-style Python client sends, shuts its sending side (FIN) and waits for
// the answer. By default the server side closes at the FIN, as the lab's loop does; a
// listener in half-open mode (--half-open, or `o` on it) keeps the connection writable, the
// row says peer-half-closed, `s` answers and `x` closes, and then the client reads EOF.
import { afterEach, expect, it } from 'vitest';
import { type PythonProc, spawnPython } from '../helpers/python.js';
import { paneRows, startDashboard, typeSlowly } from './dashboard.js';
import type { App } from './pty.js';

const COLS = 160;
const ROWS = 40;

let app: App | undefined;
const clients: PythonProc[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.kill('SIGKILL');
  await app?.dispose();
  app = undefined;
});

function halfClose(port: number, message = 'ping'): PythonProc {
  const p = spawnPython('halfclose.py', ['127.0.0.1', String(port), '--message', message]);
  clients.push(p);
  return p;
}

const listenerRow = (s: string) => paneRows(s, 'listeners', COLS, ROWS)[1] ?? '';
const connRow = (s: string, peer: number) =>
  paneRows(s, 'connections', COLS, ROWS).find((r) => r.includes(`127.0.0.1:${peer} →`)) ?? '';

it('--half-open: the row says peer-half-closed; s answers, the client reads it; x closes, the client reads EOF', async () => {
  const started = await startDashboard(['--half-open'], { cols: COLS, rows: ROWS });
  app = started.app;
  const { port } = started;
  expect(listenerRow(started.screen)).toMatch(
    new RegExp(`^▶ #1 127\\.0\\.0\\.1:${port} listening \\[half-open\\] 0 open`),
  );

  const py = halfClose(port);
  const peer = Number((await py.waitForLine(/^PORT (\d+)$/))[1]);
  await py.waitForLine(/^SHUT_WR$/);
  let screen = await app.waitFor((s) => connRow(s, peer).includes('peer-half-closed'));
  expect(connRow(screen, peer)).toMatch(
    new RegExp(
      `#\\d+ 127\\.0\\.0\\.1:${peer} → :${port} peer-half-closed .* in 4 B/1 read · out 0 B$`,
    ),
  );

  app.key('tab'); // listeners → connections
  await app.waitFor((s) => /^▸ Connections/.test(paneRows(s, 'connections', COLS, ROWS)[0]));
  app.write('s');
  await app.waitFor('server sends ›');
  await typeSlowly(app, 'pong', 'server sends ›');
  app.key('enter');
  expect((await py.waitForLine(/^RECV .*$/))[0]).toBe("RECV b'pong'");
  expect(py.lines).not.toContain('EOF');
  screen = await app.waitFor((s) => connRow(s, peer).endsWith('out 4 B'));
  expect(connRow(screen, peer)).toContain('peer-half-closed');
  app.key('esc');
  await app.waitFor((s) => !s.includes('server sends ›'));

  app.write('x');
  expect(await py.exited).toBe(0);
  expect(py.lines.slice(-2)).toEqual(['EOF', 'CLOSED']);
  await app.waitFor((s) => / closed .* in 4 B\/1 read · out 4 B$/.test(connRow(s, peer)));
});

it('default: the client gets EOF at its FIN; o on the listener turns half-open on and off', async () => {
  const started = await startDashboard([], { cols: COLS, rows: ROWS });
  app = started.app;
  const { port } = started;
  expect(listenerRow(started.screen)).toMatch(
    new RegExp(`^▶ #1 127\\.0\\.0\\.1:${port} listening 0 open`),
  );

  // Unchanged: recv() returned b'', the loop breaks, the socket closes; no answer possible.
  const first = halfClose(port);
  const p1 = Number((await first.waitForLine(/^PORT (\d+)$/))[1]);
  expect(await first.exited).toBe(0);
  expect(first.lines.slice(-3)).toEqual(['SHUT_WR', 'EOF', 'CLOSED']);
  await app.waitFor((s) => / closed .* in 4 B\/1 read · out 0 B$/.test(connRow(s, p1)));

  app.write('o');
  const on = "listener #1: half-open on: after the peer's FIN a connection stays";
  let screen = await app.waitFor((s) => listenerRow(s).includes('[half-open]') && s.includes(on));
  const second = halfClose(port);
  const p2 = Number((await second.waitForLine(/^PORT (\d+)$/))[1]);
  await second.waitForLine(/^SHUT_WR$/);
  await app.waitFor((s) => connRow(s, p2).includes('peer-half-closed'));

  app.write('o');
  const off = "listener #1: half-open off: a connection closes at the peer's FIN";
  screen = await app.waitFor((s) => !listenerRow(s).includes('[half-open]') && s.includes(off));
  // What waited stays until the user closes it.
  expect(connRow(screen, p2)).toContain('peer-half-closed');
  expect(second.lines).not.toContain('EOF');

  app.write('?');
  screen = await app.waitFor('half-open on/off');
  expect(screen).toMatch(/o +half-open on\/off/);
});
