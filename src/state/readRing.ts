import type { BurstView, ReadRecord } from './types.js';

/** Bytes of each read kept for the preview. */
export const PREVIEW_BYTES = 32;

/** Slots a ring starts with; it doubles up to its capacity as reads come. */
const FIRST_SLOTS = 8;

/** Bytes of chunks a ring may hold on to until their previews are copied (see push()). */
export const PENDING_BYTES = 256 * 1024;

/**
 * The last `capacity` reads of one connection, as parallel typed arrays so that
 * recording a read allocates nothing: a read at N = 5 can arrive a million times a second.
 * Storage grows on demand, so a short-lived connection with a few reads stays small.
 *
 * Previews are copied when a snapshot lists the reads, not when they arrive: until then a
 * slot keeps its chunk (up to PENDING_BYTES of them per ring). Most reads of a fast stream
 * are overwritten before any snapshot, and touching each one's bytes cost more than the
 * rest of recording it (a profile at N = 1 KiB: ~0.4 µs of ~0.5 µs per read).
 */
export class ReadRing {
  private slots = 0;
  private seq = new Float64Array(0);
  private time = new Float64Array(0);
  private size = new Int32Array(0);
  private burst = new Int32Array(0);
  private previewLen = new Uint8Array(0);
  private preview = new Uint8Array(0);
  /** Reads whose preview is not copied yet: their chunks, by slot, and their bytes. */
  private pending: (Uint8Array | null)[] = [];
  private pendingBytes = 0;
  private head = 0;
  private count = 0;
  /** Reads ever pushed, and how many of them the last toArray() had seen. */
  private pushed = 0;
  private listedAt = 0;
  private listed: ReadRecord[] = [];

  constructor(readonly capacity: number) {}

  push(seq: number, time: number, burst: number, chunk: Uint8Array): void {
    if (this.capacity === 0) return;
    if (this.count === this.slots && this.slots < this.capacity) this.grow();
    const i = this.head;
    this.seq[i] = seq;
    this.time[i] = time;
    this.size[i] = chunk.length;
    this.burst[i] = burst;
    const n = Math.min(chunk.length, PREVIEW_BYTES);
    this.previewLen[i] = n;
    const overwritten = this.pending[i];
    if (overwritten) this.pendingBytes -= overwritten.length;
    if (this.pendingBytes + chunk.length <= PENDING_BYTES) {
      this.pending[i] = chunk;
      this.pendingBytes += chunk.length;
    } else {
      this.pending[i] = null;
      copyPreview(this.preview, i, chunk, n);
    }
    this.head = i + 1 === this.slots ? 0 : i + 1;
    if (this.count < this.slots) this.count++;
    this.pushed++;
  }

  get length(): number {
    return this.count;
  }

  /** Bytes of chunks held until their previews are copied: at most PENDING_BYTES. */
  get heldBytes(): number {
    return this.pendingBytes;
  }

  /**
   * Oldest first. Allocates: call at snapshot time, not per read. Records still in the
   * ring since the last call are reused (they are immutable); only newer reads are built,
   * their previews sharing one fresh buffer.
   */
  toArray(conn: number): ReadRecord[] {
    const fresh = Math.min(this.count, this.pushed - this.listedAt);
    const keep = this.count - fresh;
    const out: ReadRecord[] = new Array(this.count);
    const old = this.listed;
    for (let k = 0; k < keep; k++) out[k] = old[old.length - keep + k];
    const first = (this.head - fresh + this.slots) % (this.slots || 1);
    let bytes = 0;
    for (let k = 0, i = first; k < fresh; k++, i = i + 1 === this.slots ? 0 : i + 1) {
      bytes += this.previewLen[i];
    }
    const previews = new Uint8Array(bytes);
    let at = 0;
    for (let k = 0, i = first; k < fresh; k++, i = i + 1 === this.slots ? 0 : i + 1) {
      const len = this.previewLen[i];
      // Every read still holding its chunk is a fresh one: copy from it, once, and let it go.
      const chunk = this.pending[i];
      if (chunk) {
        for (let b = 0; b < len; b++) previews[at + b] = chunk[b];
        this.pending[i] = null;
      } else {
        const start = i * PREVIEW_BYTES;
        previews.set(this.preview.subarray(start, start + len), at);
      }
      out[keep + k] = {
        seq: this.seq[i],
        conn,
        size: this.size[i],
        time: this.time[i],
        burst: this.burst[i],
        preview: previews.subarray(at, at + len),
      };
      at += len;
    }
    this.pendingBytes = 0;
    this.listed = out;
    this.listedAt = this.pushed;
    return out;
  }

  /** Only called when full at the current size, so the oldest read is in slot 0. */
  private grow(): void {
    const n = Math.min(this.capacity, Math.max(FIRST_SLOTS, this.slots * 2));
    while (this.pending.length < n) this.pending.push(null);
    this.seq = copied(new Float64Array(n), this.seq);
    this.time = copied(new Float64Array(n), this.time);
    this.size = copied(new Int32Array(n), this.size);
    this.burst = copied(new Int32Array(n), this.burst);
    this.previewLen = copied(new Uint8Array(n), this.previewLen);
    this.preview = copied(new Uint8Array(n * PREVIEW_BYTES), this.preview);
    this.head = this.slots;
    this.slots = n;
  }
}

/** A byte loop: no subarray view to allocate, and n is at most PREVIEW_BYTES. */
function copyPreview(preview: Uint8Array, slot: number, chunk: Uint8Array, n: number): void {
  const at = slot * PREVIEW_BYTES;
  for (let k = 0; k < n; k++) preview[at + k] = chunk[k];
}

function copied<T extends Float64Array | Int32Array | Uint8Array>(to: T, from: T): T {
  to.set(from);
  return to;
}

/**
 * Exact totals of the last bursts of one connection (a burst = the reads that drained
 * one arrival of data), so "28 B in 6 reads" stays true even when the read ring has
 * already dropped the burst's first reads. Grows like ReadRing.
 */
export class BurstRing {
  private slots = 0;
  private id = new Int32Array(0);
  private time = new Float64Array(0);
  private bytes = new Float64Array(0);
  private reads = new Float64Array(0);
  private min = new Int32Array(0);
  private max = new Int32Array(0);
  private head = 0;
  private count = 0;
  private current = -1;

  constructor(readonly capacity: number) {}

  add(burst: number, time: number, size: number): void {
    let i = this.current;
    if (i < 0 || this.id[i] !== burst) {
      if (this.capacity === 0) return;
      if (this.count === this.slots && this.slots < this.capacity) this.grow();
      i = this.head;
      this.head = i + 1 === this.slots ? 0 : i + 1;
      if (this.count < this.slots) this.count++;
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
    let i = (this.head - this.count + this.slots) % (this.slots || 1);
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
      i = i + 1 === this.slots ? 0 : i + 1;
    }
    return out;
  }

  /** As ReadRing.grow(): only when full, so the oldest burst is in slot 0. */
  private grow(): void {
    const n = Math.min(this.capacity, Math.max(FIRST_SLOTS, this.slots * 2));
    this.id = copied(new Int32Array(n), this.id);
    this.time = copied(new Float64Array(n), this.time);
    this.bytes = copied(new Float64Array(n), this.bytes);
    this.reads = copied(new Float64Array(n), this.reads);
    this.min = copied(new Int32Array(n), this.min);
    this.max = copied(new Int32Array(n), this.max);
    this.head = this.slots;
    this.slots = n;
  }
}
