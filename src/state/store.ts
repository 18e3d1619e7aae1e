import { UdpBook } from '../udp/udpBook.js';
import { ConnBook } from './connBook.js';
import { ErrorList } from './errorList.js';
import { FlushPacer } from './flushPacer.js';
import { nowSecond, RATE_SECONDS, RateMeter } from './rateMeter.js';
import { type ConnRec, ListenerRec } from './records.js';
import { Ring } from './ring.js';
import { buildSnapshot } from './snapshot.js';
import type { StoreOptions, Tap } from './storeOptions.js';
import { timelineEntry } from './timelineEvents.js';
import { sendPreview } from './timelineRing.js';
import type {
  ConnKind,
  Endpoint,
  EngineEvent,
  EngineEventInput,
  ErrorEntry,
  ErrorInfo,
  Mode,
  PortNote,
  Snapshot,
} from './types.js';

export type { StoreOptions, Tap } from './storeOptions.js';

type Listener = () => void;

/** A write that blocks or drains within this long of its last change is flapping, not news (ms). */
const FLAP_MS = 500;

/**
 * The one place socket activity is recorded. Counters are exact; history is bounded;
 * subscribers get an immutable snapshot at most once per frame, however fast reads come.
 */
export class Store {
  readonly listeners = new Map<number, ListenerRec>();
  /** Every connection still kept, by id (the book's). */
  readonly connections: Map<number, ConnRec>;
  /** UDP sockets: their records and datagrams (src/udp). */
  readonly udp = new UdpBook(
    (e) => this.emit(e),
    () => this.bufferSize,
    () => this.touch(false),
  );
  bufferSize: number;
  mode: Mode;
  private readonly opts: Required<Omit<StoreOptions, 'bufferSize' | 'mode'>>;
  private readonly events: Ring<EngineEvent>;
  private readonly errors = new ErrorList();
  private readonly book: ConnBook;
  /** All reads, per second; and the records whose rates change as seconds pass. */
  private readonly meter = new RateMeter();
  private readonly rated = new Set<ConnRec | ListenerRec>();
  private rateTimer: NodeJS.Timeout | null = null;
  private readonly subscribers = new Set<Listener>();
  private readonly taps = new Set<Tap>();
  private readTaps: Tap[] = [];
  private nextListenerId = 1;
  /** One order for events and reads, so a log can be replayed in sequence. */
  private seq = 0;
  private totals = { bytesIn: 0, bytesOut: 0, reads: 0, accepted: 0, clients: 0, evicted: 0 };
  private version = 0;
  private changed = true;
  private readonly pacer: FlushPacer;
  private snapshot: Snapshot | null = null;
  private eventsView: readonly EngineEvent[] = [];
  private eventsDirty = true;

  constructor(options: StoreOptions = {}) {
    this.opts = {
      readRing: options.readRing ?? 200,
      eventRing: options.eventRing ?? 1000,
      closedCap: options.closedCap ?? 500,
      burstRing: options.burstRing ?? 64,
      timelineRing: options.timelineRing ?? 200,
      // Just over Ink's 34 ms frame throttle (maxFps 30): each flush is then drawn at once,
      // inside React's commit, where flush() can time it (see flushCost).
      flushMs: options.flushMs ?? 40,
      frameBudget: options.frameBudget ?? 0.05,
      // Holds the 5 % budget for frames of up to 25 ms: a slow or busy machine's, where the
      // CPU a frame takes is what the sockets' thread and the peers lack (npm run bench).
      maxFlushMs: options.maxFlushMs ?? 500,
    };
    this.book = new ConnBook(this.opts, this.totals);
    this.connections = this.book.all;
    this.bufferSize = options.bufferSize ?? 1024;
    this.mode = options.mode ?? 'concurrent';
    this.events = new Ring(this.opts.eventRing);
    // Looked up at each call: the bench wraps flush() to time frames.
    this.pacer = new FlushPacer(this.opts, () => this.flush());
    // Rates move with the clock, not only with reads: once a second, the records that read
    // in the last minute are redrawn (a stream that stopped falls to 0 B/s).
    this.rateTimer = setInterval(() => this.tickRates(), 1000);
    this.rateTimer.unref();
  }

  private tickRates(): void {
    if (this.rated.size === 0 && this.meter.newest < nowSecond() - RATE_SECONDS - 1) return;
    const now = nowSecond();
    for (const r of this.rated) {
      r.dirty = true;
      if (now - r.meter.newest > RATE_SECONDS + 1) this.rated.delete(r);
    }
    this.changed = true;
    if (!this.pacer.pending) this.touch(false);
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
    this.pacer.cancel();
    if (!this.changed) return;
    this.pacer.begin();
    this.snapshot = this.build();
    for (const fn of this.subscribers) fn();
    this.pacer.ended();
  };

  stop(): void {
    this.pacer.cancel();
    if (this.rateTimer) clearInterval(this.rateTimer);
    this.rateTimer = null;
  }

  /**
   * A screen in another thread drew the last snapshot in `ms`: a busy stream's flushes are
   * spaced by that, as by the subscribers' own time when the screen is on this thread.
   */
  frameDrawn(ms: number): void {
    this.pacer.observe(ms);
  }

  // ---- the hot path ----------------------------------------------------------

  recordRead(conn: ConnRec, chunk: Uint8Array, burst: number): void {
    const n = chunk.length;
    // What socklab read has left the kernel: the last sample's Recv-Q is stale by it.
    const k = conn.kernel;
    if (k && k.recvQ > 0) conn.kernel = { ...k, recvQ: Math.max(0, k.recvQ - n) };
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
    const sec = Math.floor(time / 1000);
    if (conn.meter.newest !== sec) this.rated.add(conn);
    conn.meter.add(sec, n);
    this.meter.add(sec, n);
    const seq = ++this.seq;
    conn.lastReadSeq = seq;
    conn.ring.push(seq, time, burst, chunk);
    conn.bursts.add(burst, time, n);
    conn.dirty = true;
    conn.readsDirty = true;
    const l = conn.listener;
    if (l && conn.kind === 'accepted') {
      l.bytesIn += n;
      l.reads++;
      l.dirty = true;
      if (l.meter.newest !== sec) this.rated.add(l);
      l.meter.add(sec, n);
    }
    this.totals.bytesIn += n;
    this.totals.reads++;
    for (let i = 0; i < this.readTaps.length; i++) this.readTaps[i].read?.(conn, chunk, time, seq);
    this.changed = true;
    if (news || !this.pacer.pending) this.touch(news);
  }

  /** `bytes`: what was sent, for the timeline's preview. `quiet`: counted, not an event. */
  recordWrite(conn: ConnRec, n: number, bytes?: Uint8Array, quiet = false): void {
    conn.bytesOut += n;
    conn.dirty = true;
    if (conn.listener && conn.kind === 'accepted') {
      conn.listener.bytesOut += n;
      conn.listener.dirty = true;
    }
    this.totals.bytesOut += n;
    this.changed = true;
    if (quiet) return void (this.pacer.pending || this.touch(false));
    this.emit({ type: 'sent', connection: conn.id, bytes: n });
    conn.timeline.push(this.seq, Date.now(), 'sent', {
      size: n,
      preview: bytes ? sendPreview(bytes) : null,
    });
  }

  /**
   * The connection's held writes: `waiting` bytes, or null once they drained. The change of
   * state is news (an event); a new count while blocked is only redrawn at the stream's pace.
   */
  writeWaiting(conn: ConnRec, waiting: number | null): void {
    const was = conn.writeWaiting;
    if (was === waiting) return;
    conn.writeWaiting = waiting;
    conn.dirty = true;
    if (waiting === null || was === null) {
      // A stream into a fast reader blocks and drains many times a second: a change soon
      // after the last one is more of the same stream, drawn at its pace, not a frame each.
      const now = performance.now();
      const urgent = now - conn.writeChangedAt >= FLAP_MS;
      conn.writeChangedAt = now;
      if (waiting === null) this.emit({ type: 'write-unblocked', connection: conn.id }, urgent);
      else this.emit({ type: 'write-blocked', connection: conn.id, waiting }, urgent);
    } else {
      this.changed = true;
      if (!this.pacer.pending) this.touch(false);
    }
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
    const rec = new ListenerRec(this.nextListenerId++, host, port, echo);
    this.listeners.set(rec.id, rec);
    this.touch();
    return rec;
  }

  listenerState(l: ListenerRec, patch: Partial<ListenerRec>, event?: EngineEventInput): void {
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
    const c = this.book.add(kind, listener, target);
    this.touch();
    return c;
  }

  /** Record both ends of a connection; links a socklab client to the connection it made. */
  setEndpoints(c: ConnRec, local: Endpoint, peer: Endpoint, family: string): void {
    this.book.endpoints(c, local, peer, family);
  }

  /** `urgent` false: more of what is already moving (the kernel's queues during a stream). */
  connState(c: ConnRec, patch: Partial<ConnRec>, event?: EngineEventInput, urgent = true): void {
    const wasOpen = c.isOpen;
    Object.assign(c, patch);
    c.dirty = true;
    if (wasOpen && !c.isOpen) this.book.closed(c);
    if (event) this.emit(event, urgent);
    else this.touch(urgent);
  }

  // ---- errors and notes ------------------------------------------------------

  addError(
    kind: ErrorEntry['kind'],
    subject: string,
    error: ErrorInfo | null,
    note: PortNote | null = null,
  ): void {
    this.errors.add(kind, subject, error, note);
    this.touch();
  }

  dismissError(id?: number): void {
    this.errors.dismiss(id);
    this.touch();
  }

  emit(e: EngineEventInput, urgent = true): void {
    const event = { ...e, seq: ++this.seq, time: Date.now() } as EngineEvent;
    this.events.push(event);
    this.eventsDirty = true;
    for (const t of this.taps) t.event?.(event);
    this.onTimeline(event);
    this.touch(urgent);
  }

  // ---- internals -------------------------------------------------------------

  /** The events a connection's timeline tells ('sent' is recorded with its bytes, above). */
  private onTimeline(e: EngineEvent): void {
    const c = 'connection' in e ? this.connections.get(e.connection) : undefined;
    if (c && timelineEntry(e, c.timeline)) c.dirty = true;
  }

  private touch(urgent = true): void {
    this.changed = true;
    this.pacer.touch(urgent);
  }

  private build(): Snapshot {
    this.changed = false;
    if (this.eventsDirty) {
      this.eventsView = this.events.toArray();
      this.eventsDirty = false;
    }
    return buildSnapshot({
      version: ++this.version,
      bufferSize: this.bufferSize,
      mode: this.mode,
      counters: { ...this.totals, rate: this.meter.rate(nowSecond()) },
      listeners: this.listeners.values(),
      connections: this.connections.values(),
      errors: this.errors.entries,
      events: this.eventsView,
      udp: this.udp.list(),
    });
  }
}
