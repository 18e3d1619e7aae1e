export interface PacerOptions {
  /** Flushes are at least this many ms apart. */
  flushMs: number;
  /**
   * Share of the main thread that redrawing for a busy stream may take: while the only
   * news is more reads on connections already streaming, flushes are spaced so that
   * (time subscribers took for the last flush) ÷ (interval) stays under this.
   */
  frameBudget: number;
  /** The longest a busy stream's counters may wait for a flush, in ms. */
  maxFlushMs: number;
}

/**
 * Urgent touches per `flushMs` that make a storm (see touch()): 400 a second at 40 ms. A touch
 * is a store change, not a connection: an accept makes two, a short connection's whole life
 * about five, so a storm starts at roughly 80–200 connections a second.
 */
const STORM = 16;
/** How long news waits for more news to share its frame, in ms (unnoticeable to a person). */
const NEWS_COALESCE_MS = 8;
/** A full 120×40 frame of the dashboard, measured (npm run bench): ~8–15 ms. */
const FIRST_COST_MS = 10;
/** Per flush: a costly frame's weight halves in ~3 flushes. */
const COST_DECAY = 0.8;

/**
 * Decides when the store publishes. News (a new connection, a close, an error, data after a
 * quiet spell) goes out as soon as the last flush is `flushMs` old; more reads on a busy
 * stream wait, so that redrawing keeps within `frameBudget` of the main thread — which the
 * sockets share. News in a storm (about a hundred connections a second or more) is paced like a stream.
 */
export class FlushPacer {
  private timer: NodeJS.Timeout | null = null;
  /** performance.now() the pending flush is due at. */
  private timerDue = 0;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  /**
   * What a flush and its subscribers' work (React renders in a microtask) costs, in ms: a
   * decaying maximum, so a flush that redrew nothing does not make the next redraw look
   * free. Starts at a typical full frame, so a new store paces a stream from its first reads.
   */
  private flushCost = FIRST_COST_MS;
  /** Urgent changes since the last flush, and whether the last interval had a storm of them. */
  private urgentSinceFlush = 0;
  private storm = false;

  constructor(
    private readonly opts: PacerOptions,
    private readonly flush: () => void,
  ) {}

  get pending(): boolean {
    return this.timer !== null;
  }

  /** Something changed: schedule a flush (`urgent` is news; false is more of a busy stream). */
  touch(urgent = true): void {
    const { flushMs, frameBudget, maxFlushMs } = this.opts;
    const now = performance.now();
    if (urgent) {
      this.urgentSinceFlush++;
      // In a storm news is no longer news: pace it like a busy stream until the storm has
      // passed (no flush for maxFlushMs).
      if (this.storm && now - this.lastFlushAt < maxFlushMs) urgent = false;
    }
    // A few ms let the changes of one moment share a frame: a client that connects and
    // sends at once shows its connection and first read together, not in two frames.
    let due = Math.max(now + NEWS_COALESCE_MS, this.lastFlushAt + flushMs);
    if (!urgent) {
      const spaced = frameBudget > 0 ? Math.min(maxFlushMs, this.flushCost / frameBudget) : 0;
      due = Math.max(now + flushMs, this.lastFlushAt + spaced);
    }
    if (this.timer !== null) {
      if (this.timerDue <= due) return;
      clearTimeout(this.timer);
    }
    this.timerDue = due;
    this.timer = setTimeout(this.flush, due - now);
    this.timer.unref();
  }

  /** A flush begins now. Call ended() once its subscribers have been called. */
  begin(): void {
    const start = performance.now();
    // A storm is a rate (STORM per flushMs), so a long paced interval does not make one.
    const interval = Math.max(this.opts.flushMs, start - this.lastFlushAt);
    this.storm = this.urgentSinceFlush * this.opts.flushMs >= STORM * interval;
    this.urgentSinceFlush = 0;
    this.lastFlushAt = start;
  }

  ended(): void {
    const start = this.lastFlushAt;
    // Queued after whatever the subscribers queued (React's render of the new snapshot).
    queueMicrotask(() => {
      const ms = performance.now() - start;
      this.flushCost = Math.max(ms, COST_DECAY * this.flushCost);
    });
  }

  /** What a flush cost where it was drawn (another thread), measured there. */
  observe(ms: number): void {
    if (Number.isFinite(ms) && ms >= 0) this.flushCost = Math.max(ms, COST_DECAY * this.flushCost);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
