import { ConnPairs } from './connPairs.js';
import { ConnRec, type ListenerRec } from './records.js';
import type { ConnKind, Endpoint } from './types.js';

export interface ConnBookOptions {
  readRing: number;
  burstRing: number;
  timelineRing: number;
  /** Closed connections kept for the panes and the report; older ones are forgotten. */
  closedCap: number;
}

/** The counters the book keeps exact: connections made, and closed ones forgotten. */
export interface ConnCounts {
  accepted: number;
  clients: number;
  evicted: number;
}

/**
 * Connections from accept() or connect() until they are forgotten: a closed one stays (the
 * panes and the report show it) until `closedCap` newer ones have closed. Links a socklab
 * client to the connection its own listener accepted (ConnPairs).
 */
export class ConnBook {
  readonly all = new Map<number, ConnRec>();
  private readonly closedOrder: ConnRec[] = [];
  private readonly pairs = new ConnPairs();
  private nextId = 1;

  constructor(
    private readonly opts: ConnBookOptions,
    private readonly counts: ConnCounts,
  ) {}

  add(kind: ConnKind, listener: ListenerRec | null, target: string | null): ConnRec {
    const { readRing, burstRing, timelineRing } = this.opts;
    const c = new ConnRec(
      this.nextId++,
      kind,
      listener,
      target,
      Date.now(),
      readRing,
      burstRing,
      timelineRing,
    );
    this.all.set(c.id, c);
    if (kind === 'accepted') this.counts.accepted++;
    else this.counts.clients++;
    if (listener) {
      listener.total++;
      listener.open++;
      listener.dirty = true;
    }
    return c;
  }

  /** Both ends are known: a socklab client and the connection it made find each other. */
  endpoints(c: ConnRec, local: Endpoint, peer: Endpoint, family: string): void {
    c.local = local;
    c.peer = peer;
    c.family = family;
    c.dirty = true;
    this.pairs.add(c);
  }

  /** `c` has just closed: its listener has one fewer open; the oldest closed past the cap go. */
  closed(c: ConnRec): void {
    const l = c.listener;
    if (l) {
      l.open--;
      l.dirty = true;
    }
    this.pairs.closed(c);
    this.closedOrder.push(c);
    while (this.closedOrder.length > this.opts.closedCap) {
      const old = this.closedOrder.shift() as ConnRec;
      this.all.delete(old.id);
      this.pairs.evicted(old);
      this.counts.evicted++;
    }
  }
}
