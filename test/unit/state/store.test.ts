import { describe, expect, it } from 'vitest';
import type { ConnRec } from '../../../src/state/records.js';
import type { Store } from '../../../src/state/store.js';
import { bytes, make, snap } from './storeFixture.js';

const close = (store: Store, c: ConnRec) =>
  store.connState(c, { state: 'closed', closedAt: Date.now() });

describe('Store', () => {
  it('keeps exact counters per connection, per listener and in the totals', () => {
    const { store, l } = make();
    const a = store.addConnection('accepted', l, null);
    const b = store.addConnection('accepted', l, null);
    const cl = store.addConnection('client', null, '127.0.0.1:9');
    store.recordRead(a, bytes(5), 1);
    store.recordRead(a, bytes(3), 1);
    store.recordRead(b, bytes(28), 1);
    store.recordRead(cl, bytes(7), 1);
    store.recordWrite(a, 11);
    store.recordWrite(cl, 4);
    const s = snap(store);
    const v = (id: number) => s.connections.find((c) => c.id === id);
    expect(v(a.id)).toMatchObject({ bytesIn: 8, reads: 2, bytesOut: 11 });
    expect(v(b.id)).toMatchObject({ bytesIn: 28, reads: 1, bytesOut: 0 });
    expect(v(cl.id)).toMatchObject({ bytesIn: 7, reads: 1, bytesOut: 4, listenerId: null });
    // A client's bytes are not the listener's.
    expect(s.listeners[0]).toMatchObject({
      bytesIn: 36,
      reads: 3,
      bytesOut: 11,
      total: 2,
      open: 2,
    });
    expect(s.totals).toEqual({
      listeners: 0,
      openConnections: 3,
      bothEndsHere: 0,
      accepted: 2,
      clients: 1,
      bytesIn: 43,
      bytesOut: 15,
      reads: 4,
      evicted: 0,
      rate: { bytesPerSec: expect.any(Number), readsPerSec: expect.any(Number) },
    });
    close(store, a);
    expect(snap(store).listeners[0].open).toBe(1);
    expect(snap(store).totals.openConnections).toBe(2);
  });

  it('keeps the last K reads (readRing 10) while counts stay exact', () => {
    const { store, l } = make({ readRing: 10 });
    const c = store.addConnection('accepted', l, null);
    for (let i = 1; i <= 25; i++) store.recordRead(c, bytes(i, i), 1 + Math.floor((i - 1) / 5));
    const v = snap(store).connections[0];
    expect(v.reads).toBe(25);
    expect(v.bytesIn).toBe((25 * 26) / 2);
    expect(v.recentReads.map((r) => r.size)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(v.recentReads.map((r) => r.seq)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    // Previews keep at most 32 bytes and are the read's own bytes.
    expect([...v.recentReads[9].preview]).toEqual(new Array(25).fill(25));
    // Bursts stay exact though the ring lost their first reads; sizes only when whole.
    expect(v.bursts.map((b) => [b.burst, b.reads, b.bytes, b.sizes?.length ?? null])).toEqual([
      [1, 5, 15, null],
      [2, 5, 40, null],
      [3, 5, 65, null],
      [4, 5, 90, 5],
      [5, 5, 115, 5],
    ]);
    expect(v.bursts[4]).toMatchObject({ minSize: 21, maxSize: 25, sizes: [21, 22, 23, 24, 25] });
  });

  it('previews are at most 32 bytes of a long read', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    const chunk = Uint8Array.from({ length: 100 }, (_, i) => i);
    store.recordRead(c, chunk, 1);
    const r = snap(store).connections[0].recentReads[0];
    expect(r.size).toBe(100);
    expect([...r.preview]).toEqual([...chunk.subarray(0, 32)]);
  });

  it('evicts the oldest closed connections past closedCap, keeping totals and counting evicted', () => {
    const { store, l } = make({ closedCap: 2 });
    const conns = Array.from({ length: 5 }, () => store.addConnection('accepted', l, null));
    for (const [i, c] of conns.entries()) store.recordRead(c, bytes(10 + i), 1);
    const open = store.addConnection('accepted', l, null);
    for (const c of conns) close(store, c);
    const s = snap(store);
    expect(s.connections.map((c) => c.id)).toEqual([conns[3].id, conns[4].id, open.id]);
    expect(s.totals).toMatchObject({
      evicted: 3,
      accepted: 6,
      bytesIn: 10 + 11 + 12 + 13 + 14,
      reads: 5,
      openConnections: 1,
    });
    expect(s.listeners[0]).toMatchObject({ total: 6, open: 1, bytesIn: 60, reads: 5 });
  });

  it('evicting one end of a linked pair unlinks the other end in its view', () => {
    const { store, l } = make({ closedCap: 1 });
    const cl = store.addConnection('client', null, '127.0.0.1:4000');
    const acc = store.addConnection('accepted', l, null);
    const here = { address: '127.0.0.1', port: 5555 };
    const there = { address: '127.0.0.1', port: 4000 };
    store.setEndpoints(cl, here, there, 'IPv4');
    store.setEndpoints(acc, there, here, 'IPv4');
    expect(snap(store).connections.find((c) => c.id === acc.id)?.linkedId).toBe(cl.id);
    close(store, cl);
    expect(snap(store).connections.find((c) => c.id === acc.id)?.linkedId).toBe(cl.id);
    close(store, store.addConnection('accepted', l, null)); // pushes the client out
    const s = snap(store);
    expect(s.connections.find((c) => c.id === cl.id)).toBeUndefined();
    expect(s.connections.find((c) => c.id === acc.id)?.linkedId).toBeNull();
    expect(s.totals.evicted).toBe(1);
  });

  it('links a client to the accepted connection with the same 4-tuple', () => {
    const { store, l } = make();
    const cl = store.addConnection('client', null, '127.0.0.1:4000');
    const acc = store.addConnection('accepted', l, null);
    const other = store.addConnection('accepted', l, null);
    store.setEndpoints(
      cl,
      { address: '127.0.0.1', port: 5555 },
      { address: '127.0.0.1', port: 4000 },
      'IPv4',
    );
    store.setEndpoints(
      other,
      { address: '127.0.0.1', port: 4000 },
      { address: '127.0.0.1', port: 6666 },
      'IPv4',
    );
    store.setEndpoints(
      acc,
      { address: '127.0.0.1', port: 4000 },
      { address: '127.0.0.1', port: 5555 },
      'IPv4',
    );
    const s = snap(store);
    const v = (id: number) => s.connections.find((c) => c.id === id);
    expect(v(cl.id)?.linkedId).toBe(acc.id);
    expect(v(acc.id)?.linkedId).toBe(cl.id);
    expect(v(other.id)?.linkedId).toBeNull();
  });
});

describe('the kernel’s Recv-Q on a row, between samples', () => {
  it('bytes socklab reads have left the kernel: the last sample’s Recv-Q drops by them at once', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    store.connState(c, { kernel: { state: 'ESTABLISHED', recvQ: 28, sendQ: 0 } });
    store.recordRead(c, bytes(5), 1);
    expect(snap(store).connections[0].kernel).toEqual({
      state: 'ESTABLISHED',
      recvQ: 23,
      sendQ: 0,
    });
    store.recordRead(c, bytes(23), 1);
    store.recordRead(c, bytes(4), 1); // more than the sample knew of: never below 0
    expect(snap(store).connections[0].kernel?.recvQ).toBe(0);
  });
});
