import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { entryText } from '../../../src/i18n/entryText.js';
import { explainError } from '../../../src/i18n/explainError.js';
import type { EngineEvent, ErrorInfo } from '../../../src/state/types.js';
import {
  LAB_MESSAGE,
  makeEngine,
  rawClient,
  sleep,
  type TestEngine,
  waitFor,
} from '../../helpers/lab.js';

/** What a person is shown for the error, in the current language. */
const explained = (e?: ErrorInfo | null) => (e ? explainError(e) : '');

let t: TestEngine | null = null;
const raws: net.Socket[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const s of raws.splice(0)) s.destroy();
  await t?.close();
  t = null;
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
});

const clientError = (t: TestEngine, id: number) =>
  t.events.find((e) => e.type === 'client-error' && e.connection === id) as
    | Extract<EngineEvent, { type: 'client-error' }>
    | undefined;

/** A port nothing listens on: bind it, note it, close it. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe('socklab client errors', () => {
  it('ECONNREFUSED: client-error with code and explanation', async () => {
    t = makeEngine();
    const port = await closedPort();
    const cid = t.engine.connect('127.0.0.1', port);
    const lab = t;
    const c = await lab.until((s) => s.connections.find((x) => x.id === cid && x.closedAt));
    const ev = clientError(lab, cid);
    expect(ev).toMatchObject({
      code: 'ECONNREFUSED',
      syscall: 'connect',
      port,
      target: `127.0.0.1:${port}`,
    });
    expect(explained(ev)).toContain(`127.0.0.1:${port}`);
    expect(explained(ev)).toMatch(/Nothing listens/);
    expect(c.state).toBe('error');
    expect(c.error?.code).toBe('ECONNREFUSED');
    // One event for the failure, not a client-error plus a connection-error.
    const types = lab.events.filter((e) => 'connection' in e && e.connection === cid);
    expect(types.map((e) => e.type)).toEqual(['client-connecting', 'client-error', 'closed']);
    expect(lab.snap().errors[0]).toMatchObject({ kind: 'client', error: { code: 'ECONNREFUSED' } });
  });

  it('localhost to a closed port: ECONNREFUSED, with every address listed when several were tried', async () => {
    t = makeEngine();
    const port = await closedPort();
    const cid = t.engine.connect('localhost', port);
    const lab = t;
    await lab.until((s) => s.connections.find((x) => x.id === cid && x.closedAt));
    const ev = clientError(lab, cid);
    expect(ev?.code).toBe('ECONNREFUSED');
    const { lookup } = await import('node:dns/promises');
    const addrs = await lookup('localhost', { all: true });
    if (addrs.length > 1) {
      expect(explained(ev)).toMatch(/resolved to \d+ addresses/);
      for (const a of addrs) expect(explained(ev)).toContain(a.address);
    } else {
      console.log(`localhost resolves to ${addrs[0].address} only: single-address case`);
      expect(explained(ev)).toContain(`:${port}`);
      expect(explained(ev)).toMatch(/Nothing listens/);
    }
  });

  it('connect timeout against a full backlog: ETIMEDOUT client-error', async (ctx) => {
    const py = spawn('python3', [
      '-c',
      "import socket,sys\ns=socket.socket()\ns.bind(('127.0.0.1',0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\nsys.stdin.read()",
    ]);
    children.push(py);
    let out = '';
    py.stdout.on('data', (d) => (out += d));
    const spawned = await Promise.race([
      waitFor(() => /^\d+\n/.test(out), 5000).then(() => true),
      new Promise<boolean>((r) => py.once('error', () => r(false))),
    ]).catch(() => false);
    if (!spawned) {
      console.log('skipping ETIMEDOUT test: python3 unavailable');
      ctx.skip();
    }
    const port = Number(out.trim());
    // Fill the accept queue (never accepted); later SYNs are dropped by the kernel.
    for (let i = 0; i < 4; i++) {
      const s = net.connect(port, '127.0.0.1');
      s.on('error', () => {});
      raws.push(s);
    }
    await sleep(200);
    const probe = net.connect(port, '127.0.0.1');
    probe.on('error', () => {});
    raws.push(probe);
    const probeConnected = await Promise.race([
      new Promise<boolean>((r) => probe.once('connect', () => r(true))),
      sleep(400).then(() => false),
    ]);
    if (probeConnected) {
      console.log(
        'skipping ETIMEDOUT test: the kernel completed a handshake past the full backlog',
      );
      ctx.skip();
    }
    t = makeEngine({ connectTimeoutMs: 500 });
    const lab = t;
    const started = Date.now();
    const cid = lab.engine.connect('127.0.0.1', port);
    const c = await lab.until((s) => s.connections.find((x) => x.id === cid && x.closedAt));
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(480);
    expect(took).toBeLessThan(3000);
    const ev = clientError(lab, cid);
    expect(ev).toMatchObject({ code: 'ETIMEDOUT', syscall: 'connect', port });
    expect(explained(ev)).toMatch(/backlog/);
    expect(c.state).toBe('error');
  });

  it('a write after the peer reset is recorded as an error entry, not a crash', async () => {
    t = makeEngine();
    const lab = t;
    lab.engine.setMode('sequential');
    const port = await lab.listenAndWait();
    const first = await rawClient(port);
    const second = await rawClient(port);
    raws.push(first, second);
    const q = await lab.until((s) => s.connections.find((c) => c.state === 'queued'));
    // The queued socket is not read, so it learns of the RST only when it writes.
    second.resetAndDestroy();
    await sleep(50);
    expect(lab.conn(q.id).state).toBe('queued');
    lab.engine.send(q.id, Buffer.from(LAB_MESSAGE));
    await sleep(20);
    lab.engine.send(q.id, Buffer.from(LAB_MESSAGE));
    const c = await lab.until((s) => s.connections.find((x) => x.id === q.id && x.closedAt));
    expect(['EPIPE', 'ECONNRESET']).toContain(c.error?.code);
    expect(c.state).toBe(c.error?.code === 'ECONNRESET' ? 'reset' : 'error');
    const entry = lab.snap().errors.find((e) => e.kind === 'connection');
    expect(entry?.error?.code).toBe(c.error?.code);
    expect(entry && entryText(entry)).toMatch(/EPIPE|reset/);
    expect(lab.snap().listeners[0].queued).toBe(0);
  });
});
