import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collect,
  LAB_MESSAGE,
  makeEngine,
  rawClient,
  type TestEngine,
  waitFor,
} from '../../helpers/lab.js';

let t: TestEngine | null = null;
const raws: net.Socket[] = [];
const servers: net.Server[] = [];

afterEach(async () => {
  for (const s of raws.splice(0)) s.destroy();
  await t?.close();
  t = null;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A plain server that captures its accepted sockets. */
async function rawServer(onConn: (s: net.Socket) => void = () => {}): Promise<number> {
  const srv = net.createServer({ allowHalfOpen: true }, (s) => {
    raws.push(s);
    onConn(s);
  });
  servers.push(srv);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return (srv.address() as net.AddressInfo).port;
}

describe('socklab clients', () => {
  it('connects to its own listener: ports match and both ends are linked', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    const cid = lab.engine.connect('127.0.0.1', port);
    const client = await lab.until((s) =>
      s.connections.find((c) => c.id === cid && c.state === 'open' && c.linkedId !== null),
    );
    const acc = lab.conn(client.linkedId as number);
    expect(client).toMatchObject({ kind: 'client', target: `127.0.0.1:${port}`, family: 'IPv4' });
    expect(client.peer).toEqual({ address: '127.0.0.1', port });
    expect(acc.kind).toBe('accepted');
    expect(acc.peer.port).toBe(client.local.port);
    expect(acc.local.port).toBe(port);
    expect(acc.linkedId).toBe(cid);
    expect(lab.snap().totals).toMatchObject({
      clients: 1,
      accepted: 1,
      openConnections: 1,
      bothEndsHere: 1,
    });
  });

  it('send with repeat 3 and intervalMs 20: the server reads 3 times', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    const cid = lab.engine.connect('127.0.0.1', port);
    const aid = await lab.until(
      (s) => s.connections.find((c) => c.id === cid && c.linkedId)?.linkedId,
    );
    expect(lab.engine.send(cid, Buffer.from(LAB_MESSAGE), { repeat: 3, intervalMs: 20 })).toBe(
      'sent',
    );
    const acc = await lab.until((s) => s.connections.find((c) => c.id === aid && c.bytesIn === 84));
    expect(acc.reads).toBe(3);
    expect(acc.recentReads.map((r) => r.size)).toEqual([28, 28, 28]);
    expect(acc.bursts).toHaveLength(3);
    await lab.until((s) => s.connections.find((c) => c.id === cid && c.bytesOut === 84));
    const sent = lab.events.filter((e) => e.type === 'sent' && e.connection === cid);
    expect(sent.map((e) => (e.type === 'sent' ? e.bytes : 0))).toEqual([28, 28, 28]);
    expect(lab.snap().totals.bytesOut).toBe(84);
  });

  it('echo mode: the raw client gets its bytes back and bytesOut is counted', async () => {
    t = makeEngine({ bufferSize: 5 });
    const lab = t;
    const port = await lab.listenAndWait();
    lab.engine.setEcho(1, true);
    expect(lab.snap().listeners[0].echo).toBe(true);
    const raw = await rawClient(port);
    raws.push(raw);
    const rx = collect(raw);
    raw.write(LAB_MESSAGE);
    await waitFor(() => rx.text.length >= 28);
    expect(rx.text).toBe(LAB_MESSAGE);
    const s = await lab.until((x) => x.connections[0]?.bytesOut === 28 && x);
    expect(s.connections[0]).toMatchObject({ bytesIn: 28, bytesOut: 28, reads: 6 });
    expect(s.listeners[0]).toMatchObject({ bytesIn: 28, bytesOut: 28 });
    expect(s.totals.bytesOut).toBe(28);
  });

  it('server-side send reaches the raw client', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    const raw = await rawClient(port);
    raws.push(raw);
    const rx = collect(raw);
    const acc = await lab.until((s) => s.connections[0]);
    const bytes = Uint8Array.from([0, 1, 2, 255, 10, 13]);
    expect(lab.engine.send(acc.id, bytes)).toBe('sent');
    await waitFor(() => rx.bytes.length === 6);
    expect([...rx.bytes]).toEqual([0, 1, 2, 255, 10, 13]);
    await lab.until((s) => s.connections[0].bytesOut === 6);
    expect(lab.engine.send(9999, bytes)).toBe('not-found');
  });

  it('bytes a client receives are recorded as reads on the client connection', async () => {
    const port = await rawServer((s) => s.write(LAB_MESSAGE));
    t = makeEngine({ bufferSize: 5 });
    const lab = t;
    const cid = lab.engine.connect('127.0.0.1', port);
    const c = await lab.until((s) => s.connections.find((x) => x.id === cid && x.bytesIn === 28));
    expect(c.kind).toBe('client');
    expect(c.listenerId).toBeNull();
    expect(c.linkedId).toBeNull();
    expect(c.recentReads.map((r) => r.size)).toEqual([5, 5, 5, 5, 5, 3]);
    expect(c.recentReads.every((r) => r.conn === cid)).toBe(true);
    expect(lab.snap().totals).toMatchObject({ bytesIn: 28, reads: 6 });
  });
});
