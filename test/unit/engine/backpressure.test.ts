// Repeated sends (`s` with repeat / interval) to a peer that does not read: socklab holds at
// most WRITE_BOUND (plus one message) for the socket and the rest waits for 'drain'; once the
// peer reads, every repeat arrives and is counted. Client side and server side.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WRITE_BOUND } from '../../../src/core/writeBound.js';
import { makeEngine, rawClient, sleep, type TestEngine, waitFor } from '../../helpers/lab.js';

const MESSAGE = Buffer.alloc(64 * 1024, 0x61);
const LIMIT = WRITE_BOUND + MESSAGE.length;

let t: TestEngine | null = null;
const sockets: net.Socket[] = [];
const servers: net.Server[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await t?.close();
  t = null;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server whose accepted sockets are never read (paused from the start). */
async function silentServer(): Promise<{ port: number; accepted: Promise<net.Socket> }> {
  let got: (s: net.Socket) => void = () => {};
  const accepted = new Promise<net.Socket>((r) => (got = r));
  const srv = net.createServer({ pauseOnConnect: true }, (s) => {
    sockets.push(s);
    got(s);
  });
  servers.push(srv);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return { port: (srv.address() as net.AddressInfo).port, accepted };
}

/** Reads everything from now on; resolves with the total once `want` bytes came. */
function readAll(s: net.Socket, want: number): Promise<number> {
  let got = 0;
  return new Promise((resolve) => {
    s.on('data', (d: Buffer) => {
      got += d.length;
      if (got >= want) resolve(got);
    });
    s.resume();
  });
}

/** The largest heldBytes seen, polled every ms for `ms` (bounded). */
async function maxHeld(lab: TestEngine, id: number, ms: number): Promise<number> {
  let max = lab.engine.heldBytes(id) ?? 0;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await sleep(1);
    max = Math.max(max, lab.engine.heldBytes(id) ?? 0);
  }
  return max;
}

/** Write as fast as the socket takes it, never reading, `total` bytes in all. */
function flood(s: net.Socket, total: number): { sent(): number } {
  let sent = 0;
  const go = () => {
    while (sent < total) {
      sent += MESSAGE.length;
      if (!s.write(MESSAGE)) return;
    }
  };
  s.on('drain', go);
  go();
  return { sent: () => sent };
}

describe('echo to a peer that sends and never reads', () => {
  it('stops reading at the bound; echo off reads the rest though the peer still does not read', async () => {
    t = makeEngine({ echo: true, bufferSize: 65_536 });
    const lab = t;
    const { peer, aid } = await nonReadingPeer(lab);
    const total = 512 * MESSAGE.length; // 32 MiB: far more than loopback's kernel buffers
    const sender = flood(peer, total);
    await lab.until((s) => s.connections.find((c) => c.id === aid)?.writeWaiting);
    expect(await maxHeld(lab, aid, 300)).toBeLessThanOrEqual(LIMIT);
    // TCP holds the peer: the flood could not hand everything to its kernel.
    expect(peer.writableLength).toBeGreaterThan(0);
    expect(lab.conn(aid).bytesIn).toBeLessThan(total);

    lab.engine.setEcho(1, false);
    const all = await lab.until((s) =>
      s.connections.find((c) => c.id === aid && c.bytesIn === total),
    );
    expect(sender.sent()).toBe(total);
    // What was echoed before still waits for the peer's window.
    expect(all.writeWaiting).not.toBeNull();
    expect(all.bytesOut).toBeLessThan(total);
  });
});

describe('repeated sends to a peer that does not read', () => {
  it('client: 500 × 64 KiB at once holds at most the bound; all arrive once the peer reads', async () => {
    t = makeEngine();
    const lab = t;
    const { port, accepted } = await silentServer();
    const cid = lab.engine.connect('127.0.0.1', port);
    await lab.until((s) => s.connections.find((c) => c.id === cid && c.state === 'open'));
    const peer = await accepted;
    const total = 500 * MESSAGE.length;

    expect(lab.engine.send(cid, MESSAGE, { repeat: 500 })).toBe('sent');
    const held = Math.max(lab.engine.heldBytes(cid) ?? 0, await maxHeld(lab, cid, 300));
    expect(held).toBeLessThanOrEqual(LIMIT);
    const blocked = await lab.until((s) => s.connections.find((c) => c.id === cid)?.writeWaiting);
    expect(blocked).toBeGreaterThanOrEqual(WRITE_BOUND);
    expect(lab.events).toContainEqual(
      expect.objectContaining({ type: 'write-blocked', connection: cid }),
    );

    expect(await readAll(peer, total)).toBe(total);
    const done = await lab.until((s) =>
      s.connections.find((c) => c.id === cid && c.bytesOut === total),
    );
    expect(done.writeWaiting).toBeNull();
    expect(lab.events).toContainEqual(
      expect.objectContaining({ type: 'write-unblocked', connection: cid }),
    );
    const sent = lab.events.filter((e) => e.type === 'sent' && e.connection === cid);
    expect(sent.reduce((n, e) => n + (e.type === 'sent' ? e.bytes : 0), 0)).toBe(total);
  });

  it('server side: 300 × 64 KiB every 1 ms holds at most the bound; all arrive', async () => {
    t = makeEngine();
    const lab = t;
    const { peer, aid } = await nonReadingPeer(lab);
    const total = 300 * MESSAGE.length;

    expect(lab.engine.send(aid, MESSAGE, { repeat: 300, intervalMs: 1 })).toBe('sent');
    // 300 ticks of 1 ms have come and gone in this time (setInterval waits ≥ 1 ms each).
    const held = await maxHeld(lab, aid, 800);
    expect(held).toBeLessThanOrEqual(LIMIT);
    await waitFor(() => lab.conn(aid).writeWaiting);

    expect(await readAll(peer, total)).toBe(total);
    await lab.until((s) => s.connections.find((c) => c.id === aid && c.bytesOut === total));
    expect(lab.conn(aid).writeWaiting).toBeNull();
  });
});

/** A raw client of the lab's listener that reads nothing, and the id of its accepted side. */
async function nonReadingPeer(lab: TestEngine) {
  const port = await lab.listenAndWait();
  const peer = await rawClient(port);
  sockets.push(peer);
  peer.pause();
  const aid = await lab.until(
    (s) => s.connections.find((c) => c.kind === 'accepted' && c.state === 'open')?.id,
  );
  return { peer, aid };
}
