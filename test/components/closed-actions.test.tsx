// Keys on things that are closed, failed, half-closed or already listening say what is true,
// through the whole dashboard over real sockets.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defer,
  type Ink,
  KEY,
  lineWith,
  press,
  raw,
  region,
  renderApp,
  resize,
  runCleanups,
  testLab,
  waitForFrame,
} from '../helpers/ink.js';
import type { TestEngine } from '../helpers/lab.js';

afterEach(runCleanups);

const COLS = 120;
const ROWS = 30;

async function dashboard(): Promise<{ t: TestEngine; ink: Ink; port: number }> {
  const t = testLab();
  const port = await t.listenAndWait();
  const ink = renderApp(t);
  resize(ink, COLS, ROWS);
  await waitForFrame(ink, (f) => f.includes('▸ Listeners'), 'the dashboard');
  return { t, ink, port };
}

/** Tab until the pane titled `title` has the focus (at most once round the panes). */
async function focus(ink: Ink, title: string): Promise<void> {
  for (let i = 0; i < 8; i++) {
    if ((ink.lastFrame() ?? '').includes(`▸ ${title}`)) return;
    ink.stdin.write(KEY.tab);
    await waitForFrame(ink, () => true, 'a frame');
  }
  await waitForFrame(ink, (f) => f.includes(`▸ ${title}`), `focus on ${title}`);
}

/** A peer server that keeps its connections open and never closes first. */
async function quietServer(): Promise<number> {
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    s.on('error', () => {});
    s.resume();
    defer(() => s.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  defer(() => new Promise((r) => server.close(r)));
  return (server.address() as net.AddressInfo).port;
}

/**
 * A port whose SYNs the kernel drops (a Python listener with backlog 0 that never accepts,
 * its queue filled): a connect there stays "connecting". Null without python3 or when this
 * kernel accepts past the backlog.
 */
async function synDroppingPort(): Promise<number | null> {
  const py = spawn('python3', [
    '-c',
    "import socket,sys\ns=socket.socket()\ns.bind(('127.0.0.1',0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\nsys.stdin.read()",
  ]);
  defer(() => py.exitCode === null && py.signalCode === null && py.kill('SIGKILL'));
  py.on('error', () => {});
  const line = await new Promise<string>((resolve) => {
    let out = '';
    const timer = setTimeout(() => resolve(''), 5000);
    py.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    py.on('exit', () => resolve(out));
  });
  if (!/^\d+\n/.test(line)) return null;
  const port = Number(line.trim());
  const dial = () => {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => {});
    defer(() => s.destroy());
    return s;
  };
  for (let i = 0; i < 4; i++) dial();
  await new Promise((r) => setTimeout(r, 200));
  const probe = dial();
  const connected = await Promise.race([
    new Promise<boolean>((r) => probe.once('connect', () => r(true))),
    new Promise<boolean>((r) => setTimeout(() => r(false), 400)),
  ]);
  return connected ? null : port;
}

const typesOf = (t: TestEngine, id: number) =>
  t.events.filter((e) => 'connection' in e && e.connection === id).map((e) => e.type);

describe('keys on a closed connection', () => {
  it('r, f, s and x on a connection the peer closed: each says it is closed, nothing goes out', async () => {
    const { t, ink, port } = await dashboard();
    const peer = await raw(port);
    await t.until((s) => s.connections.find((c) => c.state === 'open'));
    peer.end();
    await waitForFrame(
      ink,
      (f) => region(f, 'connections', COLS, ROWS).includes('closed by peer (FIN)'),
      'the row closed',
    );
    await focus(ink, 'Connections');
    const before = typesOf(t, 1);
    await press(ink, 'r', (f) => f.includes('#1 is already closed: nothing sent'), 'r');
    await press(ink, 'x', (f) => f.includes('#1 is already closed: nothing to close'), 'x');
    await press(ink, 'f', (f) => f.includes('#1 is already closed: nothing sent'), 'f');
    const f = await press(
      ink,
      's',
      (x) => x.includes('#1 is already closed: nothing can be sent'),
      's',
    );
    expect(lineWith(f, 'server sends ›')).toBe('');
    expect(f).not.toContain('sent RST');
    expect(f).not.toContain('sent FIN');
    expect(typesOf(t, 1)).toEqual(before);
  });

  it('Enter and d on a closed client: nothing can be sent, Nagle unchanged', async () => {
    const { t, ink } = await dashboard();
    await press(ink, 'c', (f) => / open → /.test(region(f, 'client', COLS, ROWS)), 'connected');
    await press(ink, 'x', (f) => f.includes('#1: sent FIN, closing'), 'x closes it');
    await waitForFrame(
      ink,
      (f) => region(f, 'client', COLS, ROWS).includes('closed by socklab'),
      'closed by socklab',
    );
    await press(
      ink,
      KEY.enter,
      (f) => f.includes('#1 is already closed: nothing can be sent'),
      '⏎',
    );
    expect(lineWith(ink.lastFrame() ?? '', 'message ›')).toBe('');
    await press(ink, 'd', (f) => f.includes('#1 is already closed: Nagle unchanged'), 'd');
    expect(t.conn(1).noDelay).toBe(false);
    await press(ink, 'r', (f) => f.includes('#1 is already closed: nothing sent'), 'r');
  });

  it('f twice on a client whose peer stays open: the second says FIN is already out', async () => {
    const { t, ink } = await dashboard();
    const port = await quietServer();
    const id = t.engine.connect('127.0.0.1', port);
    await t.until((s) => s.connections.find((c) => c.id === id && c.state === 'open'));
    await focus(ink, 'Client');
    await press(ink, 'f', (f) => f.includes(`#${id}: sent FIN, still reading`), 'first f');
    await press(
      ink,
      'f',
      (f) => f.includes(`#${id}: FIN already sent (half-closed): nothing sent`),
      'second f',
    );
    await press(
      ink,
      KEY.enter,
      (f) => f.includes(`#${id} is half-closed (FIN sent): nothing more can be sent`),
      'Enter after FIN',
    );
    await press(ink, 'd', (f) => f.includes(`client #${id}: Nagle off (nodelay)`), 'd');
    expect(typesOf(t, id).filter((e) => e === 'half-closed')).toHaveLength(1);
  });
});

describe('keys on a client still connecting', () => {
  it('Enter and f send nothing; r abandons the connect instead of claiming an RST', async (ctx) => {
    const port = await synDroppingPort();
    if (port === null) {
      console.log('skipped: python3 missing or the kernel accepted past the backlog');
      return ctx.skip();
    }
    const { t, ink } = await dashboard();
    const id = t.engine.connect('127.0.0.1', port);
    await waitForFrame(
      ink,
      (f) => region(f, 'client', COLS, ROWS).includes(`#${id} local port — connecting`),
      'connecting',
    );
    await focus(ink, 'Client');
    await press(
      ink,
      KEY.enter,
      (f) => f.includes(`#${id} is still connecting: nothing can be sent yet`),
      'Enter',
    );
    expect(lineWith(ink.lastFrame() ?? '', 'message ›')).toBe('');
    await press(ink, 'f', (f) => f.includes(`#${id} is still connecting: nothing sent`), 'f');
    await press(
      ink,
      'r',
      (f) => f.includes(`#${id} was still connecting: connect abandoned, nothing sent`),
      'r',
    );
    await waitForFrame(
      ink,
      (f) => region(f, 'client', COLS, ROWS).includes(`#${id} local port — closed by socklab`),
      'closed by socklab',
    );
    expect(typesOf(t, id)).toEqual(['client-connecting', 'closed']);
  });
});

describe('keys on listeners', () => {
  it('r on a listening one, x twice, e on a closed one', async () => {
    const { ink, port } = await dashboard();
    await press(
      ink,
      'r',
      (f) => f.includes(`listener #1 is already listening on 127.0.0.1:${port}: nothing to retry`),
      'r',
    );
    await press(ink, 'x', (f) => f.includes(`listener #1 on 127.0.0.1:${port} closed`), 'x');
    await press(
      ink,
      'x',
      (f) => f.includes('listener #1 is already closed: nothing to close'),
      'x',
    );
    await press(
      ink,
      'e',
      (f) => f.includes('listener #1 is not listening: echo on once r starts it again'),
      'e',
    );
    await press(
      ink,
      'o',
      (f) => f.includes('listener #1 is not listening: half-open on once r starts it again'),
      'o',
    );
    // Asked for port 0, so it binds whichever port the OS gives it now.
    await press(ink, 'r', (f) => /listener #1 listening on 127\.0\.0\.1:\d+/.test(f), 'retry');
  });
});
