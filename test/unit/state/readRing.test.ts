import { describe, expect, it } from 'vitest';
import { PENDING_BYTES, PREVIEW_BYTES, ReadRing } from '../../../src/state/readRing.js';

/** A chunk whose every byte says which read it is (mod 256). */
const chunk = (read: number, size: number) => new Uint8Array(size).fill(read % 256);

const previews = (ring: ReadRing) => ring.toArray(1).map((r) => [r.seq, r.size, [...r.preview]]);

describe('ReadRing previews', () => {
  it('copies each listed read’s own first bytes, whether listed at once or much later', () => {
    const ring = new ReadRing(50);
    for (let i = 1; i <= 30; i++) ring.push(i, 0, 1, chunk(i, i));
    const early = ring.toArray(1);
    expect(early.map((r) => r.preview.length)).toEqual(
      Array.from({ length: 30 }, (_, k) => Math.min(k + 1, PREVIEW_BYTES)),
    );
    // 170 more: the ring wraps and overwrites slots whose chunks were never copied.
    for (let i = 31; i <= 200; i++) ring.push(i, 0, 1, chunk(i, 40));
    const rows = previews(ring);
    expect(rows).toHaveLength(50);
    for (const [seq, size, bytes] of rows as [number, number, number[]][]) {
      expect(size).toBe(40);
      expect(bytes).toEqual(new Array(PREVIEW_BYTES).fill(seq % 256));
    }
    // Records listed before stay as they were.
    expect([...early[4].preview]).toEqual([5, 5, 5, 5, 5]);
  });

  it('holds at most PENDING_BYTES of chunks; beyond that copies at once, and previews stay right', () => {
    const ring = new ReadRing(200);
    const big = 64 * 1024;
    for (let i = 1; i <= 200; i++) {
      ring.push(i, 0, 1, chunk(i, big));
      expect(ring.heldBytes).toBeLessThanOrEqual(PENDING_BYTES);
    }
    expect(ring.heldBytes).toBeGreaterThan(0);
    const rows = previews(ring) as [number, number, number[]][];
    expect(ring.heldBytes).toBe(0);
    expect(rows.map(([seq]) => seq)).toEqual(Array.from({ length: 200 }, (_, k) => k + 1));
    for (const [seq, , bytes] of rows) expect(bytes).toEqual(new Array(32).fill(seq % 256));
  });

  it('lets chunks go once listed, and a ring of size 0 keeps nothing', () => {
    const ring = new ReadRing(8);
    for (let i = 1; i <= 5; i++) ring.push(i, 0, 1, chunk(i, 1024));
    expect(ring.heldBytes).toBe(5 * 1024);
    ring.toArray(1);
    expect(ring.heldBytes).toBe(0);
    const none = new ReadRing(0);
    none.push(1, 0, 1, chunk(1, 10));
    expect(none.heldBytes).toBe(0);
    expect(none.toArray(1)).toEqual([]);
  });
});
