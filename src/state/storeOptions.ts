import type { ConnRec } from './records.js';
import type { EngineEvent, Mode } from './types.js';

export interface StoreOptions {
  /** Reads kept per connection. */
  readRing?: number;
  /** Lifecycle events kept for display. */
  eventRing?: number;
  /** Closed connections kept before the oldest are evicted (their counts stay in the totals). */
  closedCap?: number;
  /** What socklab sent and the events, kept per connection for its timeline. */
  timelineRing?: number;
  /** Bursts kept per connection. */
  burstRing?: number;
  /** Subscribers hear of changes at most once per this many ms (default 40). */
  flushMs?: number;
  /** See FlushPacer: the share of the main thread a busy stream's redrawing may take. */
  frameBudget?: number;
  /** The longest a busy stream's counters may wait for a flush, in ms (default 500). */
  maxFlushMs?: number;
  bufferSize?: number;
  mode?: Mode;
}

/** Synchronous observers of every event (headless output, the NDJSON log). */
export interface Tap {
  event?(e: EngineEvent): void;
  read?(conn: ConnRec, chunk: Uint8Array, time: number, seq: number): void;
}
