import type { ConnHandle } from '../core/connection.js';
import { WRITE_BOUND } from '../core/writeBound.js';
import { anyFault, type DirectionFaults } from '../state/proxyTypes.js';

/**
 * Bytes one direction holds while its faults delay them (latency, pace, rate) before the
 * source stops being read: with the target's own WRITE_BOUND, what a proxy holds per
 * direction is bounded whatever the two ends do.
 */
export const HOLD_BOUND = WRITE_BOUND;

/** A rate cap sends pieces of at most this share of a second, so the cap holds within a chunk. */
const RATE_SLICES_PER_SEC = 20;
/** A rate clock behind by more than this was idle, not late: it starts again from now. */
const RATE_SLACK_MS = 100;

export interface ForwarderHooks {
  /** The direction can take more again: read its source. */
  resume(): void;
  /** `resetAfter` reached: RST to both ends. */
  resetBoth(): void;
}

interface Held {
  chunk: Buffer;
  /** When it was read (Date.now()), for latency. */
  at: number;
}

/**
 * One direction of a proxied pair: each read is forwarded as its own write (the target leg
 * has TCP_NODELAY, so the far end's recv() sees the same pieces), through the direction's
 * faults. Without faults a read is written at once; with them it waits in a bounded queue.
 */
export class Forwarder {
  /** Waiting chunks from `head` on (a moving head: shift() would copy 200k tiny reads each time). */
  private held: Held[] = [];
  private head = 0;
  private heldBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;
  private rateClock = 0;
  private forwarded = 0;
  private finAt: number | null = null;
  private finSent = false;
  private stopped = false;
  private drainAsked = false;
  /** The source was told no (open was false): tell it when to read again. */
  private sourceWaits = false;

  constructor(
    private readonly faults: () => DirectionFaults,
    private readonly to: ConnHandle,
    private readonly hooks: ForwarderHooks,
  ) {}

  /** Whether the source may be read now: the target is not backed up, the queue under its bound. */
  get open(): boolean {
    const open = !this.stopped && !this.to.writeBlocked && this.heldBytes < HOLD_BOUND;
    if (!open) this.sourceWaits = true;
    return open;
  }

  push(chunk: Buffer): void {
    if (this.stopped) return;
    if (this.head === this.held.length && !anyFault(this.faults())) {
      this.forwarded += chunk.length;
      this.write(chunk);
      return;
    }
    this.held.push({ chunk, at: Date.now() });
    this.heldBytes += chunk.length;
    this.pump();
  }

  /** The source's FIN: forwarded after what is held, `slowCloseMs` after it came. */
  fin(): void {
    if (this.stopped) return;
    this.finAt ??= Date.now();
    this.pump();
  }

  /** The faults changed: what waits is due at a new time. */
  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pump();
  }

  /** Drop what is held and forward nothing more (the pair was reset). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.held = [];
    this.head = 0;
    this.heldBytes = 0;
  }

  private write(chunk: Buffer): void {
    this.to.write(chunk, true);
    if (this.to.writeBlocked) this.waitDrain();
  }

  private waitDrain(): void {
    if (this.drainAsked) return;
    this.drainAsked = true;
    this.to.whenDrained(() => {
      this.drainAsked = false;
      this.pump();
    });
  }

  private next(): void {
    this.head++;
    if (this.head === this.held.length) {
      this.held = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.held.length) {
      this.held = this.held.slice(this.head);
      this.head = 0;
    }
  }

  private later(ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.pump();
    }, ms);
  }

  private pump(): void {
    if (this.stopped || this.timer) return;
    while (this.head < this.held.length) {
      if (this.to.writeBlocked) return this.waitDrain();
      const f = this.faults();
      const now = Date.now();
      const item = this.held[this.head];
      const due = Math.max(
        item.at + f.latencyMs,
        this.lastAt + f.paceMs,
        f.rate > 0 ? this.rateClock : 0,
      );
      if (due > now) return this.later(due - now);
      let chunk = item.chunk;
      if (f.rate > 0) {
        const piece = Math.max(1, Math.floor(f.rate / RATE_SLICES_PER_SEC));
        if (chunk.length > piece) {
          item.chunk = chunk.subarray(piece);
          chunk = chunk.subarray(0, piece);
        } else this.next();
        this.rateClock =
          Math.max(this.rateClock, now - RATE_SLACK_MS) + (chunk.length * 1000) / f.rate;
      } else this.next();
      this.heldBytes -= chunk.length;
      this.lastAt = now;
      // A blackhole reads and drops, as Toxiproxy's timeout toxic with timeout 0.
      if (f.blackhole) continue;
      if (f.resetAfter > 0 && this.forwarded + chunk.length >= f.resetAfter) {
        const n = f.resetAfter - this.forwarded;
        if (n > 0) this.to.write(chunk.subarray(0, n), true);
        this.forwarded += Math.max(0, n);
        return this.hooks.resetBoth();
      }
      this.forwarded += chunk.length;
      this.write(chunk);
    }
    if (this.finAt !== null && !this.finSent) {
      const wait = this.finAt + this.faults().slowCloseMs - Date.now();
      if (wait > 0) return this.later(wait);
      this.finSent = true;
      this.to.halfClose();
    }
    if (this.sourceWaits && this.open) {
      this.sourceWaits = false;
      this.hooks.resume();
    }
  }
}
