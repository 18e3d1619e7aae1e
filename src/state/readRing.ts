import type { BurstView, ReadRecord } from './types.js';

/** Bytes of each read kept for the preview. */
export const PREVIEW_BYTES = 32;

/**
 * The last `capacity` reads of one connection, as parallel typed arrays so that
 * recording a read allocates nothing: a read at N = 5 can arrive a million times a second.
 */
export class ReadRing {
  private seq!: Float64Array;
  private time!: Float64Array;
  private size!: Int32Array;
  private burst!: Int32Array;
  private previewLen!: Uint8Array;
  private preview!: Uint8Array;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {}

  push(seq: number, time: number, burst: number, chunk: Uint8Array): void {
    if (this.capacity === 0) return;
    if (this.count === 0 && this.seq === undefined) this.allocate();
    const i = this.head;
    this.seq[i] = seq;
    this.time[i] = time;
    this.size[i] = chunk.length;
    this.burst[i] = burst;
    const n = Math.min(chunk.length, PREVIEW_BYTES);
    this.previewLen[i] = n;
    this.preview.set(n === chunk.length ? chunk : chunk.subarray(0, n), i * PREVIEW_BYTES);
    this.head = i + 1 === this.capacity ? 0 : i + 1;
    if (this.count < this.capacity) this.count++;
  }

  get length(): number {
    return this.count;
  }

  /** Oldest first. Allocates: call at snapshot time, not per read. */
  toArray(conn: number): ReadRecord[] {
    const out: ReadRecord[] = new Array(this.count);
    let i = (this.head - this.count + this.capacity) % this.capacity;
    for (let k = 0; k < this.count; k++) {
      const start = i * PREVIEW_BYTES;
      out[k] = {
        seq: this.seq[i],
        conn,
        size: this.size[i],
        time: this.time[i],
        burst: this.burst[i],
        preview: this.preview.slice(start, start + this.previewLen[i]),
      };
      i = i + 1 === this.capacity ? 0 : i + 1;
    }
    return out;
  }

  private allocate(): void {
    const c = this.capacity;
    this.seq = new Float64Array(c);
    this.time = new Float64Array(c);
    this.size = new Int32Array(c);
    this.burst = new Int32Array(c);
    this.previewLen = new Uint8Array(c);
    this.preview = new Uint8Array(c * PREVIEW_BYTES);
  }
}

/**
 * Exact totals of the last bursts of one connection (a burst = the reads that drained
 * one arrival of data), so "28 B in 6 reads" stays true even when the read ring has
 * already dropped the burst's first reads.
 */
export class BurstRing {
  private readonly id: Int32Array;
  private readonly time: Float64Array;
  private readonly bytes: Float64Array;
  private readonly reads: Float64Array;
  private readonly min: Int32Array;
  private readonly max: Int32Array;
  private head = 0;
  private count = 0;
  private current = -1;

  constructor(readonly capacity: number) {
    this.id = new Int32Array(capacity);
    this.time = new Float64Array(capacity);
    this.bytes = new Float64Array(capacity);
    this.reads = new Float64Array(capacity);
    this.min = new Int32Array(capacity);
    this.max = new Int32Array(capacity);
  }

  add(burst: number, time: number, size: number): void {
    let i = this.current;
    if (i < 0 || this.id[i] !== burst) {
      i = this.head;
      this.head = i + 1 === this.capacity ? 0 : i + 1;
      if (this.count < this.capacity) this.count++;
      this.current = i;
      this.id[i] = burst;
      this.time[i] = time;
      this.bytes[i] = 0;
      this.reads[i] = 0;
      this.min[i] = size;
      this.max[i] = size;
    }
    this.bytes[i] += size;
    this.reads[i]++;
    if (size < this.min[i]) this.min[i] = size;
    if (size > this.max[i]) this.max[i] = size;
  }

  /** Oldest first, with the sizes filled in from `reads` where the burst is whole there. */
  toArray(conn: number, reads: readonly ReadRecord[]): BurstView[] {
    const sizesOf = new Map<number, number[]>();
    for (const r of reads) {
      const s = sizesOf.get(r.burst);
      if (s) s.push(r.size);
      else sizesOf.set(r.burst, [r.size]);
    }
    const out: BurstView[] = [];
    let i = (this.head - this.count + this.capacity) % this.capacity;
    for (let k = 0; k < this.count; k++) {
      const sizes = sizesOf.get(this.id[i]);
      out.push({
        conn,
        burst: this.id[i],
        time: this.time[i],
        bytes: this.bytes[i],
        reads: this.reads[i],
        sizes: sizes && sizes.length === this.reads[i] ? sizes : null,
        minSize: this.min[i],
        maxSize: this.max[i],
      });
      i = i + 1 === this.capacity ? 0 : i + 1;
    }
    return out;
  }
}
