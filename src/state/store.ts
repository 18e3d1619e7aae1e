import { ConnRec, ListenerRec } from './records.js';
import { Ring } from './ring.js';
import type {
  ConnKind,
  Endpoint,
  ErrorEntry,
  ErrorInfo,
  LabEvent,
  LabEventInput,
  Mode,
  Snapshot,
  Totals,
} from './types.js';

export interface StoreOptions {
  /** Reads kept per connection. */
  readRing?: number;
  /** Lifecycle events kept for display. */
  eventRing?: number;
  /** Closed connections kept before the oldest are evicted (their counts stay in the totals). */
  closedCap?: number;
  /** Bursts kept per connection. */
  burstRing?: number;
  /** Subscribers hear of changes at most once per this many ms (default 40). */
  flushMs?: number;
  /**
   * Share of the main thread that redrawing for a busy stream may take: while the only
   * news is more reads on connections already streaming, flushes are spaced so that
   * (time subscribers took for the last flush) ÷ (interval) stays under this. Anything
   * else — a connection's first read after a quiet spell, a new connection, a close, an
   * error — is news, published as soon as the last flush is `flushMs` old, unless it comes
   * in a storm (16 or more per `flushMs`: hundreds of connections a second): then it is
   * paced too.
   */
  frameBudget?: number;
  /** The longest a busy stream's counters may wait for a flush, in ms. */
  maxFlushMs?: number;
  bufferSize?: number;
  mode?: Mode;
}

/** Synchronous observers of every event (headless output, the NDJSON log). */
export interface Tap {
  event?(e: LabEvent): void;
  read?(conn: ConnRec, chunk: Uint8Array, time: number, seq: number): void;
}

type Listener = () => void;

/** Urgent changes per `flushMs` that make a storm (see touch()): 400 a second at 40 ms. */
const STORM = 16;

/**
 * The one place socket activity is recorded. Counters are exact; history is bounded;
 * subscribers get an immutable snapshot at most once per frame, however fast reads come.
 */
export class LabStore {
  readonly listeners = new Map<number, ListenerRec>();
  readonly connections = new Map<number, ConnRec>();
  bufferSize: number;
  mode: Mode;
  private readonly opts: Required<Omit<StoreOptions, 'bufferSize' | 'mode'>>;
  private readonly events: Ring<LabEvent>;
  private readonly closedOrder: ConnRec[] = [];
  private errors: ErrorEntry[] = [];
  private readonly byEndpoint = new Map<string, ConnRec>();
  private readonly subscribers = new Set<Listener>();
  private readonly taps = new Set<Tap>();
  private readTaps: Tap[] = [];
  private nextId = { listener: 1, conn: 1, error: 1 };
  /** One order for events and reads, so a log can be replayed in sequence. */
  private seq = 0;
  private totals = { bytesIn: 0, bytesOut: 0, reads: 0, accepted: 0, clients: 0, evicted: 0 };
  private version = 0;
  private changed = true;
  private timer: NodeJS.Timeout | null = null;
  /** performance.now() the pending flush is due at. */
  private timerDue = 0;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  /** Smoothed ms that a flush and its subscribers' work took (React renders in a microtask). */
  private flushCost = 0;
  /** Urgent changes since the last flush, and whether the last interval had a storm of them. */
  private urgentSinceFlush = 0;
  private storm = false;
  private snapshot: Snapshot | null = null;
  private eventsView: readonly LabEvent[] = [];
  private eventsDirty = true;

  constructor(options: StoreOptions = {}) {
    this.opts = {
      readRing: options.readRing ?? 200,
      eventRing: options.eventRing ?? 1000,
      closedCap: options.closedCap ?? 500,
      burstRing: options.burstRing ?? 64,
      // Just over Ink's 34 ms frame throttle (maxFps 30): each flush is then drawn at once,
      // inside React's commit, where flush() can time it (see flushCost).
      flushMs: options.flushMs ?? 40,
      frameBudget: options.frameBudget ?? 0.05,
      maxFlushMs: options.maxFlushMs ?? 250,
    };
    this.bufferSize = options.bufferSize ?? 1024;
    this.mode = options.mode ?? 'concurrent';
    this.events = new Ring(this.opts.eventRing);
  }

  // ---- observing -------------------------------------------------------------

  subscribe = (fn: Listener): (() => void) => {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  };

  getSnapshot = (): Snapshot => {
    if (!this.snapshot) this.snapshot = this.build();
    return this.snapshot;
  };

  tap(t: Tap): () => void {
    this.taps.add(t);
    this.readTaps = [...this.taps].filter((x) => x.read);
    return () => {
      this.taps.delete(t);
      this.readTaps = [...this.taps].filter((x) => x.read);
    };
  }

  /** Publish now instead of at the next frame (tests, shutdown). */
  flush = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.changed) return;
    const start = performance.now();
    // A storm is a rate (STORM per flushMs), so a long paced interval does not make one.
    const interval = Math.max(this.opts.flushMs, start - this.lastFlushAt);
    this.storm = this.urgentSinceFlush * this.opts.flushMs >= STORM * interval;
    this.urgentSinceFlush = 0;
    this.lastFlushAt = start;
    this.snapshot = this.build();
    for (const fn of this.subscribers) fn();
    // Queued after whatever the subscribers queued (React's render of the new snapshot).
    queueMicrotask(() => {
      const ms = performance.now() - start;
      this.flushCost = this.flushCost === 0 ? ms : 0.7 * this.flushCost + 0.3 * ms;
    });
  };

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  // ---- the hot path ----------------------------------------------------------

  recordRead(conn: ConnRec, chunk: Uint8Array, burst: number): void {
    const n = chunk.length;
    let time = conn.burstTime;
    // Arrival of data after a quiet spell is news: publish it at the normal pace.
    let news = false;
    if (burst !== conn.burstId) {
      // One clock read per burst: its reads are drained in one go.
      time = Date.now();
      news = time - conn.burstTime >= this.opts.flushMs;
      conn.burstId = burst;
      conn.burstTime = time;
    }
    conn.bytesIn += n;
    conn.reads++;
    const seq = ++this.seq;
    conn.ring.push(seq, time, burst, chunk);
    conn.bursts.add(burst, time, n);
    conn.dirty = true;
    conn.readsDirty = true;
    const l = conn.listener;
    if (l && conn.kind === 'accepted') {
      l.bytesIn += n;
      l.reads++;
      l.dirty = true;
    }
    this.totals.bytesIn += n;
    this.totals.reads++;
    for (let i = 0; i < this.readTaps.length; i++) this.readTaps[i].read?.(conn, chunk, time, seq);
    this.changed = true;
    if (news || this.timer === null) this.touch(news);
  }

  recordWrite(conn: ConnRec, n: number): void {
    conn.bytesOut += n;
    conn.dirty = true;
    if (conn.listener && conn.kind === 'accepted') {
      conn.listener.bytesOut += n;
      conn.listener.dirty = true;
    }
    this.totals.bytesOut += n;
    this.emit({ type: 'sent', connection: conn.id, bytes: n });
  }

  // ---- settings --------------------------------------------------------------

  setBufferSize(bytes: number): void {
    if (bytes === this.bufferSize) return;
    this.bufferSize = bytes;
    this.emit({ type: 'buffer-changed', bytes });
  }

  setMode(mode: Mode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.emit({ type: 'mode-changed', mode });
  }

  // ---- listeners -------------------------------------------------------------

  addListener(host: string, port: number, echo: boolean): ListenerRec {
    const rec = new ListenerRec(this.nextId.listener++, host, port, echo);
    this.listeners.set(rec.id, rec);
    this.touch();
    return rec;
  }

  listenerState(l: ListenerRec, patch: Partial<ListenerRec>, event?: LabEventInput): void {
    Object.assign(l, patch);
    l.dirty = true;
    if (event) this.emit(event);
    else this.touch();
  }

  removeListener(l: ListenerRec): void {
    this.listeners.delete(l.id);
    this.touch();
  }

  // ---- connections -----------------------------------------------------------

  addConnection(kind: ConnKind, listener: ListenerRec | null, target: string | null): ConnRec {
    const c = new ConnRec(
      this.nextId.conn++,
      kind,
      listener,
      target,
      Date.now(),
      this.opts.readRing,
      this.opts.burstRing,
    );
    this.connections.set(c.id, c);
    if (kind === 'accepted') this.totals.accepted++;
    else this.totals.clients++;
    if (listener) {
      listener.total++;
      listener.open++;
      listener.dirty = true;
    }
    this.touch();
    return c;
  }

  /** Record both ends of a connection; links a socklab client to the connection it made. */
  setEndpoints(c: ConnRec, local: Endpoint, peer: Endpoint, family: string): void {
    c.local = local;
    c.peer = peer;
    c.family = family;
    c.dirty = true;
    if (!local.port) return;
    const key = tupleKey(c);
    const other = this.byEndpoint.get(key);
    if (other && other.kind !== c.kind) {
      c.linked = other;
      other.linked = c;
      other.dirty = true;
      this.byEndpoint.delete(key);
    } else {
      this.byEndpoint.set(key, c);
    }
  }

  connState(c: ConnRec, patch: Partial<ConnRec>, event?: LabEventInput): void {
    const wasOpen = c.isOpen;
    Object.assign(c, patch);
    c.dirty = true;
    if (wasOpen && !c.isOpen) this.onClosed(c);
    if (event) this.emit(event);
    else this.touch();
  }

  // ---- errors and notes ------------------------------------------------------

  addError(kind: ErrorEntry['kind'], subject: string, error: ErrorInfo | null, text: string): void {
    const entry: ErrorEntry = {
      id: this.nextId.error++,
      time: Date.now(),
      kind,
      subject,
      error,
      text,
    };
    this.errors = [entry, ...this.errors].slice(0, 200);
    this.touch();
  }

  dismissError(id?: number): void {
    this.errors = id === undefined ? [] : this.errors.filter((e) => e.id !== id);
    this.touch();
  }

  emit(e: LabEventInput): void {
    const event = { ...e, seq: ++this.seq, time: Date.now() } as LabEvent;
    this.events.push(event);
    this.eventsDirty = true;
    for (const t of this.taps) t.event?.(event);
    this.touch();
  }

  // ---- internals -------------------------------------------------------------

  private onClosed(c: ConnRec): void {
    const l = c.listener;
    if (l) {
      l.open--;
      l.dirty = true;
    }
    const key = tupleKey(c);
    if (this.byEndpoint.get(key) === c) this.byEndpoint.delete(key);
    this.closedOrder.push(c);
    while (this.closedOrder.length > this.opts.closedCap) {
      const old = this.closedOrder.shift() as ConnRec;
      this.connections.delete(old.id);
      if (old.linked) {
        old.linked.linked = null;
        old.linked.dirty = true; // its view still names the evicted end
      }
      this.totals.evicted++;
    }
  }

  /**
   * Schedule a flush: flushes are at least `flushMs` apart; news is published at the first
   * moment that allows, while more reads on a busy stream (`urgent` false) wait `flushMs`,
   * or longer so that redrawing keeps within `frameBudget` of the time.
   */
  private touch(urgent = true): void {
    this.changed = true;
    const { flushMs, frameBudget, maxFlushMs } = this.opts;
    const now = performance.now();
    if (urgent) {
      this.urgentSinceFlush++;
      // In a storm (hundreds of accepts and closes a second) news is no longer news: pace it
      // like a busy stream until the storm has passed (no flush for maxFlushMs).
      if (this.storm && now - this.lastFlushAt < maxFlushMs) urgent = false;
    }
    // News goes out as soon as the last flush is flushMs old (1 ms lets a burst of changes
    // from one arrival coalesce); a busy stream's counters wait flushMs, or longer to keep
    // redrawing within frameBudget.
    let due = Math.max(now + 1, this.lastFlushAt + flushMs);
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

  private build(): Snapshot {
    this.changed = false;
    const listeners = [...this.listeners.values()].map((l) => l.toView());
    let open = 0;
    const connections = [];
    for (const c of this.connections.values()) {
      if (c.isOpen) open++;
      connections.push(c.toView());
    }
    if (this.eventsDirty) {
      this.eventsView = this.events.toArray();
      this.eventsDirty = false;
    }
    const totals: Totals = {
      listeners: listeners.filter((l) => l.state === 'listening').length,
      openConnections: open,
      accepted: this.totals.accepted,
      clients: this.totals.clients,
      bytesIn: this.totals.bytesIn,
      bytesOut: this.totals.bytesOut,
      reads: this.totals.reads,
      evicted: this.totals.evicted,
    };
    return {
      version: ++this.version,
      bufferSize: this.bufferSize,
      mode: this.mode,
      totals,
      listeners,
      connections,
      errors: this.errors,
      events: this.eventsView,
    };
  }
}

/** The connection's 4-tuple seen from the client's side: both ends of one TCP connection share it. */
function tupleKey(c: ConnRec): string {
  const [client, server] = c.kind === 'client' ? [c.local, c.peer] : [c.peer, c.local];
  return `${client.address}|${client.port}|${server.address}|${server.port}`;
}
