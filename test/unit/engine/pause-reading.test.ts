// Flow control, live: pausing reads on an accepted connection is a server that stops calling
// recv(). The kernel's receive queue fills, the window closes, the sending client's own kernel
// queue fills and socklab stops handing it bytes (write() would block); resuming drains all of
// it with exact counts. The kernel side is read from /proc/net/tcp, as `ss` shows it.
import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, sleep, type TestEngine } from '../../helpers/lab.js';
import { procTcp } from '../../helpers/procTcp.js';

const CHUNK = Buffer.alloc(64 * 1024, 0x62);
const REPEAT = 160; // 10 MiB: far more than loopback's buffers hold
const TOTAL = CHUNK.length * REPEAT;

let t: TestEngine | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A socklab client connected to a socklab listener: [client id, accepted id, listener port]. */
async function pair(lab: TestEngine): Promise<[number, number, number]> {
  const port = await lab.listenAndWait();
  const cid = lab.engine.connect('127.0.0.1', port);
  const accepted = await lab.until((s) =>
    s.connections.find((c) => c.kind === 'accepted' && c.linkedId === cid),
  );
  await lab.until((s) => s.connections.find((c) => c.id === cid && c.state === 'open'));
  return [cid, accepted.id, port];
}

/** Waits until `fn` gives the same value twice `ms` apart (bounded by `tries`). */
async function steady(fn: () => number, ms = 300, tries = 30): Promise<number> {
  let last = fn();
  for (let i = 0; i < tries; i++) {
    await sleep(ms);
    const now = fn();
    if (now === last) return now;
    last = now;
  }
  throw new Error(`never steady: ${last}`);
}

describe('pausing reads on a connection (a server that stops calling recv)', () => {
  it('fills the kernel queues and blocks the sender; resuming delivers every byte', async () => {
    t = makeEngine({ bufferSize: 65_536 });
    const lab = t;
    const [cid, aid, port] = await pair(lab);
    expect(lab.engine.pauseReading(aid, true)).toBe('paused');
    expect(lab.conn(aid).readPaused).toBe(true);
    expect(lab.engine.send(cid, CHUNK, { repeat: REPEAT })).toBe('sent');

    await lab.until((s) => s.connections.find((c) => c.id === cid && c.writeWaiting !== null));
    const readWhilePaused = await steady(() => lab.conn(aid).bytesIn);
    expect(readWhilePaused).toBe(0);
    // Node's own buffer for the socket is full, so it stopped reading the kernel's.
    const held = await steady(() => lab.conn(aid).heldUnread ?? -1);
    expect(held).toBeGreaterThan(0);
    const client = lab.conn(cid);
    const accepted = procTcp(port, client.local.port);
    const sending = procTcp(client.local.port, port);
    // Recv-Q on the paused end, Send-Q on the sender: what `ss -tn` shows now.
    expect(accepted?.rxQueue).toBeGreaterThan(0);
    expect(sending?.txQueue).toBeGreaterThan(0);
    expect(client.bytesOut).toBeLessThan(TOTAL);

    expect(lab.engine.pauseReading(aid, false)).toBe('resumed');
    await lab.until((s) => s.connections.find((c) => c.id === aid && c.bytesIn === TOTAL), 20_000);
    await lab.until((s) => s.connections.find((c) => c.id === cid && c.bytesOut === TOTAL));
    const after = lab.conn(aid);
    expect(after.readPaused).toBe(false);
    expect(after.heldUnread).toBeNull();
    expect(lab.conn(cid).writeWaiting).toBeNull();
    const kinds = after.timeline.map((e) => e.kind);
    expect(kinds).toContain('read-paused');
    expect(kinds).toContain('read-resumed');
    const types = lab.events.filter((e) => 'connection' in e && e.connection === aid);
    expect(types.map((e) => e.type)).toEqual(
      expect.arrayContaining(['read-paused', 'read-resumed']),
    );
  }, 40_000);

  it('says so when the connection is already closed or unknown, and when nothing changes', async () => {
    t = makeEngine();
    const lab = t;
    const [cid, aid] = await pair(lab);
    expect(lab.engine.pauseReading(aid, false)).toBe('not-paused');
    expect(lab.engine.pauseReading(cid, true)).toBe('paused');
    expect(lab.engine.pauseReading(cid, true)).toBe('already-paused');
    lab.engine.close(aid);
    await lab.until((s) => s.connections.find((c) => c.id === aid && c.closedAt !== null));
    expect(lab.engine.pauseReading(aid, true)).toBe('already-closed');
    expect(lab.engine.pauseReading(999, true)).toBe('not-found');
  });
});
