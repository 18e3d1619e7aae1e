import { PREVIEW_BYTES } from './readRing.js';
import type { TimelineEntry, TimelineKind } from './types.js';

/**
 * The last `capacity` things that happened on one connection besides its reads: what socklab
 * sent and the events (accepted, queued, FIN, RST, closed). Each carries the store's `seq`,
 * the order reads share, so the two merge into one timeline. Grows on demand like ReadRing.
 */
export class TimelineRing {
  private items: TimelineEntry[] = [];
  private head = 0;
  private listed: TimelineEntry[] | null = null;
  /** When the connection joined the sequential queue, for the wait its dequeue tells. */
  queuedAt: number | null = null;

  constructor(readonly capacity: number) {}

  push(
    seq: number,
    time: number,
    kind: TimelineKind,
    extra: Partial<Omit<TimelineEntry, 'seq' | 'time' | 'kind'>> = {},
  ): void {
    if (this.capacity === 0) return;
    const entry: TimelineEntry = {
      seq,
      time,
      kind,
      size: extra.size ?? 0,
      preview: extra.preview ?? null,
      waitedMs: extra.waitedMs ?? null,
      code: extra.code ?? null,
      reason: extra.reason ?? null,
    };
    if (this.items.length < this.capacity) this.items.push(entry);
    else {
      this.items[this.head] = entry;
      this.head = (this.head + 1) % this.capacity;
    }
    this.listed = null;
  }

  get length(): number {
    return this.items.length;
  }

  /** Oldest first; the same array until something is pushed. */
  toArray(): readonly TimelineEntry[] {
    if (!this.listed) {
      this.listed = [...this.items.slice(this.head), ...this.items.slice(0, this.head)];
    }
    return this.listed;
  }
}

/** The first bytes of a send, copied: the caller's buffer may be reused. */
export const sendPreview = (bytes: Uint8Array): Uint8Array =>
  bytes.slice(0, Math.min(bytes.length, PREVIEW_BYTES));
