// Every command on a socket answers with what it did, in every state: open, connecting,
// half-closed, peer-half-closed, closed, gone; listening, starting, closed, failed.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, type TestEngine } from '../../helpers/lab.js';

const labs: TestEngine[] = [];
const servers: net.Server[] = [];
const peers: net.Socket[] = [];

afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  for (const lab of labs.splice(0)) await lab.close();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function fresh(): TestEngine {
  const lab = makeEngine();
  labs.push(lab);
  return lab;
}

/** A peer server that keeps every connection open, reads nothing back, and never closes first. */
async function quietServer(): Promise<{ port: number; next: () => Promise<net.Socket> }> {
  const waiting: ((s: net.Socket) => void)[] = [];
  const got: net.Socket[] = [];
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    peers.push(s);
    s.on('error', () => {});
    s.resume();
    const w = waiting.shift();
    if (w) w(s);
    else got.push(s);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const next = () =>
    new Promise<net.Socket>((r) => {
      const s = got.shift();
      if (s) r(s);
      else waiting.push(r);
    });
  return { port, next };
}

/** A socklab client connected to a quiet peer: its id and the peer's socket. */
async function openClient(lab: TestEngine) {
  const q = await quietServer();
  const id = lab.engine.connect('127.0.0.1', q.port);
  const peer = await q.next();
  await lab.until((s) => s.connections.find((c) => c.id === id && c.state === 'open'));
  return { id, peer, port: q.port };
}

const ended = (lab: TestEngine, id: number) =>
  lab.until((s) => s.connections.find((c) => c.id === id && c.closedAt !== null));

const eventsOf = (lab: TestEngine, id: number) =>
  lab.events.filter((e) => 'connection' in e && e.connection === id).map((e) => e.type);

const BYTES = Buffer.from('hi');

describe('connection commands say what they did', () => {
  it('on an open connection: sent, FIN sent, then FIN already sent, then closed', async () => {
    const lab = fresh();
    const { id } = await openClient(lab);
    expect(lab.engine.setNoDelay(id, true)).toBe('set');
    expect(lab.engine.send(id, BYTES)).toBe('sent');
    expect(lab.engine.halfClose(id)).toBe('fin-sent');
    expect(lab.engine.halfClose(id)).toBe('already-half-closed');
    expect(lab.engine.send(id, BYTES)).toBe('already-half-closed');
    // x after f: the FIN is out already; the socket is released now.
    expect(lab.engine.close(id)).toBe('fin-was-sent');
    await ended(lab, id);
    expect(eventsOf(lab, id).filter((e) => e === 'half-closed')).toHaveLength(1);
  });

  it('on a closed one: nothing sent, nothing closed, Nagle unchanged; no RST, no second FIN', async () => {
    const lab = fresh();
    const { id } = await openClient(lab);
    expect(lab.engine.close(id)).toBe('fin-sent');
    await ended(lab, id);
    const before = eventsOf(lab, id);
    expect(lab.engine.reset(id)).toBe('already-closed');
    expect(lab.engine.halfClose(id)).toBe('already-closed');
    expect(lab.engine.close(id)).toBe('already-closed');
    expect(lab.engine.send(id, BYTES)).toBe('already-closed');
    expect(lab.engine.setNoDelay(id, true)).toBe('already-closed');
    expect(lab.conn(id).noDelay).toBe(false);
    expect(eventsOf(lab, id)).toEqual(before);
    expect(lab.engine.send(9999, BYTES)).toBe('not-found');
    expect(lab.engine.reset(9999)).toBe('not-found');
  });

  it('peer-half-closed: f sends the last FIN and says the connection is closing', async () => {
    const lab = fresh();
    const { id, peer } = await openClient(lab);
    peer.end();
    await lab.until((s) =>
      s.connections.find((c) => c.id === id && c.state === 'peer-half-closed'),
    );
    // The peer's FIN came; socklab can still send before its own.
    expect(lab.engine.send(id, BYTES)).toBe('sent');
    expect(lab.engine.halfClose(id)).toBe('closing');
    const c = await ended(lab, id);
    expect(c.closeReason).toBe('peer-fin');
  });

  it('while connecting: nothing sent, no FIN; x and r abandon the connect (no RST event)', async () => {
    const lab = fresh();
    const { port } = await quietServer();
    for (const cmd of ['close', 'reset'] as const) {
      const id = lab.engine.connect('127.0.0.1', port);
      // connect() has not completed: this thread has not run its 'connect' yet.
      expect(lab.conn(id).state).toBe('connecting');
      expect(lab.engine.send(id, BYTES)).toBe('connecting');
      expect(lab.engine.halfClose(id)).toBe('connecting');
      expect(lab.engine[cmd](id)).toBe('aborted');
      const c = await ended(lab, id);
      expect(c.closeReason).toBe('local-close');
      expect(c.bytesOut).toBe(0);
      expect(eventsOf(lab, id)).toEqual(['client-connecting', 'closed']);
    }
  });

  it('a queued connection can be reset and half-closed, and f survives its turn to be served', async () => {
    const lab = fresh();
    const port = await lab.listenAndWait();
    lab.engine.setMode('sequential');
    const first = lab.engine.connect('127.0.0.1', port);
    await lab.until((s) => s.connections.find((c) => c.id === first && c.state === 'open'));
    lab.engine.connect('127.0.0.1', port);
    const q = await lab.until((s) => s.connections.find((c) => c.state === 'queued'));
    expect(lab.engine.halfClose(q.id)).toBe('fin-sent');
    lab.engine.close(first);
    // Served now: still half-closed (its FIN went out while it waited), not "open".
    await lab.until((s) => s.connections.find((c) => c.id === q.id && c.queuePosition === null));
    expect(lab.conn(q.id).state).toBe('half-closed');
  });
});

describe('listener commands say what they did', () => {
  it('retry: already listening, started, already starting; close: closed, already closed', async () => {
    const lab = fresh();
    await lab.listenAndWait();
    expect(lab.engine.retryListener(1)).toBe('already-listening');
    expect(lab.engine.closeListener(1)).toBe('closed');
    expect(lab.engine.closeListener(1)).toBe('already-closed');
    expect(lab.engine.setEcho(1, true)).toBe('set');
    expect(lab.engine.retryListener(1)).toBe('started');
    expect(lab.engine.retryListener(1)).toBe('already-starting');
    await lab.until((s) => s.listeners[0].state === 'listening');
    expect(lab.snap().listeners[0].echo).toBe(true);
    expect(lab.engine.retryListener(7)).toBe('not-found');
    expect(lab.engine.closeListener(7)).toBe('not-found');
    expect(lab.engine.setEcho(7, true)).toBe('not-found');
  });

  it('close on a failed listener: it never listened', async () => {
    const lab = fresh();
    const port = await lab.listenAndWait();
    const id = lab.engine.listen('127.0.0.1', port);
    await lab.until((s) => s.listeners.find((l) => l.id === id && l.state === 'failed'));
    expect(lab.engine.closeListener(id)).toBe('not-listening');
    expect(lab.snap().listeners.find((l) => l.id === id)?.state).toBe('failed');
  });
});
