// Proxy mode on screen: the lab's servidor.py behind `--proxy` at -b 5 --pace 30. The proxy's
// row shows its target and faults, the pair is one row with both ephemeral ports, the pair's
// timeline shows both directions with read sizes; F changes a fault live; a refused target
// shows on the pair's row and is explained in the errors pane.
import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { closedPort } from '../helpers/proxy.js';
import { type PythonProc, spawnPython } from '../helpers/python.js';
import { paneRows, startDashboard, typeSlowly } from './dashboard.js';
import type { App } from './pty.js';

const COLS = 140;
const ROWS = 64;
const MESSAGE = 'Estou enviando uma mensagem!';

let app: App | undefined;
const sockets: net.Socket[] = [];
const children: PythonProc[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const c of children.splice(0)) c.kill();
  await app?.dispose();
  app = undefined;
});

const pane = (s: string, p: 'listeners' | 'connections' | 'reads' | 'errors') =>
  paneRows(s, p, COLS, ROWS);

function connectTo(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    sockets.push(s);
    s.on('data', () => {});
    s.once('error', reject);
  });
}

it('servidor.py behind --proxy -b 5 --pace 30: one row per pair, both directions on the timeline, F sets a fault live', async () => {
  const srv = spawnPython('servidor.py', ['127.0.0.1', '0', '--echo', '--once']);
  children.push(srv);
  const tport = Number((await srv.waitForLine(/^LISTENING (\d+)$/))[1]);
  const started = await startDashboard(
    ['--proxy', `127.0.0.1:0=127.0.0.1:${tport}`, '-b', '5', '--pace', '30'],
    { cols: COLS, rows: ROWS },
  );
  app = started.app;
  const proxyRow = new RegExp(
    // The target early, the faults after the state: the counts stay in a narrow pane.
    `#2 127\\.0\\.0\\.1:(\\d+) ⇄ 127\\.0\\.0\\.1:${tport} listening · → pace 30 ms · ← pace 30 ms`,
  );
  let screen = await app.waitFor((s) => pane(s, 'listeners').some((r) => proxyRow.test(r)));
  const pport = Number(pane(screen, 'listeners').join('\n').match(proxyRow)?.[1]);
  app.key('down');
  await app.waitFor((s) => /Connections on #2/.test(pane(s, 'connections')[0]));
  const client = await connectTo(pport);
  client.write(MESSAGE);
  const reads = await srv.waitForLines(/^READ (\d+) /, 6);
  expect(reads.map((m) => Number(m[1]))).toEqual([5, 5, 5, 5, 5, 3]);
  const upPort = Number(srv.lines.find((l) => l.startsWith('ACCEPTED '))?.split(' ')[1]);
  // The pair's row: the client's ephemeral port → the proxy, ⇄ the proxy's own port → the target.
  const pairRow = new RegExp(
    `#1 127\\.0\\.0\\.1:${client.localPort} → :${pport} open ⇄ :${upPort} → 127\\.0\\.0\\.1:${tport}`,
  );
  screen = await app.waitFor((s) => pane(s, 'connections').some((r) => pairRow.test(r)));
  // The timeline: → the client's 28 B in six reads, ← the echo coming back through the proxy.
  screen = await app.waitFor((s) => {
    const rows = pane(s, 'reads');
    return (
      rows.some((r) => /#1 {2}→ 28 B in 6 reads: 5 5 5 5 5 3/.test(r)) &&
      rows.some((r) => /#2 {2}← /.test(r)) &&
      rows.some((r) => /^ {2}← +5 B {2}"Estou"/.test(r))
    );
  });
  const timeline = pane(screen, 'reads');
  const firstUp = timeline.findIndex((r) => /→ +5 B {2}"Estou"/.test(r));
  const firstDown = timeline.findIndex((r) => /← +5 B {2}"Estou"/.test(r));
  expect(firstUp).toBeGreaterThan(0);
  expect(firstDown).toBeGreaterThan(firstUp);
  console.log(`the proxy on screen:\n${screen}`);

  // F on the proxy: a fault for one direction, shown on its row at once.
  app.key('tab');
  app.key('shift-tab');
  await app.waitFor((s) => /^▸ Listeners/.test(pane(s, 'listeners')[0]));
  app.write('F');
  await app.waitFor((s) => s.includes('fault (NAME [up:|down:]VALUE, or off) ›'));
  await typeSlowly(app, 'latency down:200', 'fault (NAME [up:|down:]VALUE, or off) ›');
  app.key('enter');
  // The row is cut at the pane's edge; the status row says it whole.
  screen = await app.waitFor(
    (s) =>
      pane(s, 'listeners').some((r) => /→ pace 30 ms · ← pace 30 ms · /.test(r)) &&
      s.includes('proxy #2 ← now: pace 30 ms · latency 200 ms'),
  );
  console.log(`after F, latency down:200:\n${screen.split('\n').slice(0, 8).join('\n')}`);
});

it('n with PORT=HOST:PORT makes a proxy; its refused target resets the client, the pair row and the errors pane say ECONNREFUSED', async () => {
  const dead = await closedPort();
  const started = await startDashboard([], { cols: COLS, rows: ROWS });
  app = started.app;
  app.write('n');
  const label = 'new listener [HOST:]PORT ›';
  await app.waitFor((s) => s.includes(label));
  app.write('\x15'); // Ctrl+U: clear the prefilled address
  await typeSlowly(app, `127.0.0.1:0=127.0.0.1:${dead}`, label);
  app.key('enter');
  const row = new RegExp(`#2 127\\.0\\.0\\.1:(\\d+) ⇄ 127\\.0\\.0\\.1:${dead}`);
  let screen = await app.waitFor((s) => pane(s, 'listeners').some((r) => row.test(r)));
  const pport = Number(pane(screen, 'listeners').join('\n').match(row)?.[1]);
  app.key('down');
  const client = await connectTo(pport);
  const err = await new Promise<NodeJS.ErrnoException>((r) => client.once('error', r));
  expect(err.code).toBe('ECONNRESET');
  screen = await app.waitFor(
    (s) =>
      pane(s, 'connections').some((r) =>
        new RegExp(`⇄ 127\\.0\\.0\\.1:${dead} ECONNREFUSED`).test(r),
      ) && pane(s, 'errors').some((r) => /ECONNREFUSED/.test(r)),
  );
  console.log(`refused target on screen:\n${screen}`);
});
