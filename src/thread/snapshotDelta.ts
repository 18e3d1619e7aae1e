import { NO_RATE } from '../state/rateMeter.js';
import type {
  ConnectionView,
  ErrorEntry,
  ListenerView,
  Mode,
  Snapshot,
  Totals,
} from '../state/types.js';

/**
 * One frame's news from the engine thread: the views that changed since the last delta, the
 * ids gone, the counters. Its size follows what changed on screen, not how many reads came:
 * a connection read a million times since the last frame is still one view, and only the
 * connections the screen watches bring their read rings.
 */
export interface SnapshotDelta {
  version: number;
  bufferSize: number;
  mode: Mode;
  totals: Totals;
  listeners: ListenerView[];
  removedListeners: number[];
  connections: ConnectionView[];
  removedConnections: number[];
  /** Only when they changed. */
  errors: readonly ErrorEntry[] | null;
  /** UDP sockets, only when they changed. */
  udp?: Snapshot['udp'] | null;
}

const NONE: readonly never[] = Object.freeze([]);

/** A view without its read ring and timeline: enough for rows and counters. */
const light = (v: ConnectionView): ConnectionView =>
  v.recentReads.length === 0 &&
  v.bursts.length === 0 &&
  v.timeline.length === 0 &&
  v.spark.length === 0
    ? v
    : { ...v, recentReads: NONE, bursts: NONE, timeline: NONE, spark: NONE };

/** Engine side: what each delta must carry, given what was sent before. */
export class DeltaWriter {
  private readonly listeners = new Map<number, ListenerView>();
  private readonly conns = new Map<number, { view: ConnectionView; full: boolean }>();
  private errors: readonly ErrorEntry[] | null = null;
  private udp: Snapshot['udp'] = undefined;
  private watched = new Set<number>();

  watch(ids: readonly number[]): void {
    this.watched = new Set(ids);
  }

  next(snap: Snapshot): SnapshotDelta {
    const listeners: ListenerView[] = [];
    const seenL = new Set<number>();
    for (const l of snap.listeners) {
      seenL.add(l.id);
      if (this.listeners.get(l.id) === l) continue;
      this.listeners.set(l.id, l);
      listeners.push(l);
    }
    const removedListeners = gone(this.listeners, seenL);
    const connections: ConnectionView[] = [];
    const seenC = new Set<number>();
    for (const c of snap.connections) {
      seenC.add(c.id);
      const full = this.watched.has(c.id);
      const sent = this.conns.get(c.id);
      if (sent && sent.view === c && sent.full === full) continue;
      this.conns.set(c.id, { view: c, full });
      connections.push(full ? c : light(c));
    }
    const removedConnections = gone(this.conns, seenC);
    const errors = snap.errors === this.errors ? null : snap.errors;
    this.errors = snap.errors;
    const udp = snap.udp === this.udp ? null : snap.udp;
    this.udp = snap.udp;
    return {
      version: snap.version,
      bufferSize: snap.bufferSize,
      mode: snap.mode,
      totals: snap.totals,
      listeners,
      removedListeners,
      connections,
      removedConnections,
      errors,
      udp,
    };
  }
}

function gone<V>(sent: Map<number, V>, seen: Set<number>): number[] {
  const ids: number[] = [];
  if (sent.size === seen.size) return ids;
  for (const id of sent.keys()) if (!seen.has(id)) ids.push(id);
  for (const id of ids) sent.delete(id);
  return ids;
}

/** UI side: the snapshot as the deltas so far describe it. */
export class SnapshotMirror {
  private readonly listeners = new Map<number, ListenerView>();
  private readonly conns = new Map<number, ConnectionView>();
  private snapshot: Snapshot = {
    version: 0,
    bufferSize: 1024,
    mode: 'concurrent',
    totals: {
      listeners: 0,
      openConnections: 0,
      bothEndsHere: 0,
      rate: NO_RATE,
      accepted: 0,
      clients: 0,
      bytesIn: 0,
      bytesOut: 0,
      reads: 0,
      evicted: 0,
    },
    listeners: [],
    connections: [],
    errors: [],
    events: [],
  };

  get current(): Snapshot {
    return this.snapshot;
  }

  apply(d: SnapshotDelta): Snapshot {
    for (const id of d.removedListeners) this.listeners.delete(id);
    for (const id of d.removedConnections) this.conns.delete(id);
    for (const l of d.listeners) this.listeners.set(l.id, l);
    for (const c of d.connections) this.conns.set(c.id, c);
    const prev = this.snapshot;
    this.snapshot = {
      version: d.version,
      bufferSize: d.bufferSize,
      mode: d.mode,
      totals: d.totals,
      listeners: changed(d.listeners, d.removedListeners) ? sorted(this.listeners) : prev.listeners,
      connections: changed(d.connections, d.removedConnections)
        ? sorted(this.conns)
        : prev.connections,
      errors: d.errors ?? prev.errors,
      udp: d.udp ?? prev.udp,
      // The screen draws no event history; the report asks for the whole snapshot.
      events: prev.events,
    };
    return this.snapshot;
  }
}

const changed = (views: readonly unknown[], removed: readonly number[]) =>
  views.length > 0 || removed.length > 0;

/** In id order, as the store lists them (ids only grow, so that is the order they came). */
function sorted<V extends { id: number }>(m: Map<number, V>): V[] {
  const out = [...m.values()];
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1].id > out[i].id) return out.sort((a, b) => a.id - b.id);
  }
  return out;
}
