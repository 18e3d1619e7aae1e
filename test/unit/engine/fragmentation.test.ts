import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closed, LAB_MESSAGE, makeEngine, rawClient, type TestEngine } from '../../helpers/lab.js';

let t: TestEngine | null = null;
const raws: net.Socket[] = [];

afterEach(async () => {
  for (const s of raws.splice(0)) s.destroy();
  await t?.close();
  t = null;
});

async function setup(bufferSize: number) {
  t = makeEngine({ bufferSize });
  const port = await t.listenAndWait();
  const raw = await rawClient(port);
  raws.push(raw);
  const lab = t;
  const accepted = await lab.until((s) => s.connections.find((c) => c.kind === 'accepted'));
  return { t: lab, port, raw, id: accepted.id };
}

describe('fixed-size reads (recv(N))', () => {
  it('reads the 28-byte lab message at buffer 5 as 5,5,5,5,5,3 in one burst', async () => {
    const { t, raw, id } = await setup(5);
    expect(Buffer.byteLength(LAB_MESSAGE)).toBe(28);
    raw.write(LAB_MESSAGE);
    const c = await t.until((s) => {
      const v = s.connections.find((x) => x.id === id);
      return v && v.bytesIn === 28 ? v : undefined;
    });
    expect(c.reads).toBe(6);
    expect(c.recentReads.map((r) => r.size)).toEqual([5, 5, 5, 5, 5, 3]);
    const text = c.recentReads.map((r) => Buffer.from(r.preview).toString('latin1')).join('');
    expect(text).toBe(LAB_MESSAGE);
    expect(c.bursts).toHaveLength(1);
    expect(c.bursts[0]).toMatchObject({
      bytes: 28,
      reads: 6,
      sizes: [5, 5, 5, 5, 5, 3],
      minSize: 3,
      maxSize: 5,
    });
    const snap = t.snap();
    expect(snap.totals.bytesIn).toBe(28);
    expect(snap.totals.reads).toBe(6);
    expect(snap.listeners[0]).toMatchObject({ bytesIn: 28, reads: 6 });
  });

  it('reads the lab message at buffer 1024 as one read of 28', async () => {
    const { t, raw, id } = await setup(1024);
    raw.write(LAB_MESSAGE);
    const c = await t.until((s) => {
      const v = s.connections.find((x) => x.id === id);
      return v && v.bytesIn === 28 ? v : undefined;
    });
    expect(c.reads).toBe(1);
    expect(c.recentReads.map((r) => r.size)).toEqual([28]);
    expect(Buffer.from(c.recentReads[0].preview).toString()).toBe(LAB_MESSAGE);
    expect(c.bursts).toEqual([expect.objectContaining({ bytes: 28, reads: 1, sizes: [28] })]);
  });

  it('applies a buffer size changed mid-stream to the next reads', async () => {
    const { t, raw, id } = await setup(5);
    raw.write(LAB_MESSAGE);
    await t.until((s) => s.connections.find((x) => x.id === id && x.bytesIn === 28));
    t.engine.setBufferSize(3);
    expect(t.snap().bufferSize).toBe(3);
    raw.write(LAB_MESSAGE);
    const c = await t.until((s) => {
      const v = s.connections.find((x) => x.id === id);
      return v && v.bytesIn === 56 ? v : undefined;
    });
    expect(c.reads).toBe(6 + 10);
    expect(c.recentReads.map((r) => r.size)).toEqual([
      5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1,
    ]);
    expect(c.bursts.map((b) => b.sizes)).toEqual([
      [5, 5, 5, 5, 5, 3],
      [3, 3, 3, 3, 3, 3, 3, 3, 3, 1],
    ]);
    expect(t.events.filter((e) => e.type === 'buffer-changed')).toEqual([
      expect.objectContaining({ bytes: 3 }),
    ]);
  });

  it('counts 10 MiB from a raw client exactly at N = 1024, no read over 1024', async () => {
    const total = 10 * 1024 * 1024;
    t = makeEngine({ bufferSize: 1024 });
    const sizes: number[] = [];
    t.store.tap({ read: (_c, chunk) => sizes.push(chunk.length) });
    const port = await t.listenAndWait();
    const raw = await rawClient(port);
    raws.push(raw);
    const block = Buffer.alloc(64 * 1024, 0x61);
    for (let sent = 0; sent < total; sent += block.length) raw.write(block);
    raw.end();
    const lab = t;
    const c = await lab.until((s) => {
      const v = s.connections.find((x) => x.kind === 'accepted');
      return v && v.bytesIn === total ? v : undefined;
    }, 15_000);
    const snap = lab.snap();
    expect(snap.totals.bytesIn).toBe(total);
    expect(snap.listeners[0].bytesIn).toBe(total);
    expect(c.bytesIn).toBe(total);
    expect(c.reads).toBeGreaterThanOrEqual(total / 1024);
    expect(c.reads).toBe(sizes.length);
    expect(snap.totals.reads).toBe(sizes.length);
    expect(Math.max(...sizes)).toBe(1024);
    expect(sizes.every((n) => n >= 1 && n <= 1024)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
    for (const b of c.bursts) expect(b.maxSize).toBeLessThanOrEqual(1024);
    // The raw client's FIN makes the accepted side close, like the lab's `if not data: break`.
    await closed(raw);
    const done = await lab.until((s) => s.connections.find((x) => x.state === 'closed'));
    expect(done.bytesIn).toBe(total);
  });

  it('rejects buffer sizes outside 1..65536 and keeps the old one', () => {
    t = makeEngine({ bufferSize: 1024 });
    const lab = t.engine;
    expect(() => lab.setBufferSize(0)).toThrow(RangeError);
    expect(() => lab.setBufferSize(65_537)).toThrow(RangeError);
    expect(() => lab.setBufferSize(Number.NaN)).toThrow(RangeError);
    expect(() => lab.setBufferSize(-5)).toThrow(RangeError);
    expect(t.snap().bufferSize).toBe(1024);
    lab.setBufferSize(1);
    expect(t.snap().bufferSize).toBe(1);
    lab.setBufferSize(65_536);
    expect(t.snap().bufferSize).toBe(65_536);
  });
});
