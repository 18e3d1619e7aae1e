import type { ConnRec, ListenerRec } from '../state/records.js';
import type { Store } from '../state/store.js';
import type { KernelConnView } from '../state/types.js';
import { connKey, indexSockets, listenKey } from './matchKey.js';
import { type PortHolder, portHolder } from './portHolder.js';
import { type PortsFilter, type PortsReport, portsReport } from './portsReport.js';
import type { Availability, KernelSocket, KernelSource } from './types.js';

/** The most often the kernel is read: 4 times a second (see the bench for what a sample costs). */
export const SAMPLE_MS = 250;
/**
 * The share of the engine thread sampling may take: with 10,000 sockets a sample costs tens
 * of milliseconds (reading /proc/net/tcp is most of it), so the next one waits 10× as long.
 */
const MAX_SHARE = 0.1;

/** Why the kernel is being watched: rows on screen, headless tcp-state events, the ports view. */
export type KernelDemand = 'rows' | 'ports';

/**
 * The kernel's view of socklab's own sockets, in the engine thread: while something needs it,
 * up to 4 times a second, the sockets on socklab's ports are read from the source and put on
 * the rows (state, Recv-Q, Send-Q; a listener's accept queue). A closed connection keeps
 * following its kernel socket (FIN-WAIT-2, TIME-WAIT, LAST-ACK) until the kernel lets it go.
 * Changes only: a `tcp-state` event when a connection's state or queues change.
 */
export class KernelWatch {
  private readonly demands = new Set<KernelDemand>();
  private timer: NodeJS.Timeout | null = null;
  /** Closed connections whose kernel socket is gone (or never was seen): no longer looked for. */
  private readonly done = new WeakSet<ConnRec>();
  /** Each connection's key, made once: its ends do not change once known (10,000 a tick). */
  private readonly keys = new WeakMap<ConnRec, string>();
  private readonly availability: Availability;
  private last: { at: number; ports: ReadonlySet<number> | null; sockets: KernelSocket[] } | null =
    null;

  constructor(
    private readonly store: Store,
    readonly source: KernelSource,
  ) {
    this.availability = source.available();
    // accept() takes one connection out of the kernel's queue: the row need not wait for the
    // next sample to say so (Node accepts at once, so a queue seen a moment ago is gone).
    store.tap({ event: (e) => e.type === 'accepted' && this.accepted(e.listener) });
  }

  private accepted(listener: number): void {
    const l = this.store.listeners.get(listener);
    if (l?.acceptQueue) this.store.listenerState(l, { acceptQueue: l.acceptQueue - 1 });
  }

  available(): Availability {
    return this.availability;
  }

  /** Something needs (or no longer needs) the kernel's view: sampling runs while anything does. */
  demand(reason: KernelDemand, on: boolean): void {
    if (on) this.demands.add(reason);
    else this.demands.delete(reason);
    const want = this.demands.size > 0 && this.availability.ok;
    if (want && !this.timer) this.schedule(SAMPLE_MS);
    else if (!want && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private schedule(ms: number): void {
    const timer = setTimeout(async () => {
      const t0 = performance.now();
      const want = this.wanted();
      // Read in libuv's pool: the engine's sockets go on meanwhile. Applied only if the
      // sampler was not stopped or restarted while the kernel answered.
      const sockets = want ? await this.freshAsync(want.ports) : null;
      if (this.timer !== timer) return;
      if (want && sockets) this.apply(want, sockets);
      const cost = performance.now() - t0;
      this.schedule(Math.max(SAMPLE_MS, cost / MAX_SHARE));
    }, ms);
    timer.unref();
    this.timer = timer;
  }

  get watching(): boolean {
    return this.timer !== null;
  }

  stop(): void {
    this.demands.clear();
    this.demand('rows', false);
  }

  /** One sample onto the rows (the timer's work; tests call it to not wait for the timer). */
  tick(): void {
    const want = this.wanted();
    if (want) this.apply(want, this.sample(want.ports));
  }

  /** What a sample must cover now: the connections still followed, the listeners, their ports. */
  private wanted(): Wanted | null {
    if (!this.availability.ok) return null;
    const follow: ConnRec[] = [];
    const ports = new Set<number>();
    for (const c of this.store.connections.values()) {
      if (this.done.has(c) || c.local.port === 0) continue;
      follow.push(c);
      ports.add(c.local.port);
    }
    const listening = [...this.store.listeners.values()].filter(
      (l) => l.boundPort !== null && (l.state === 'listening' || l.acceptQueue !== null),
    );
    for (const l of listening) ports.add(l.boundPort as number);
    return ports.size === 0 ? null : { follow, listening, ports };
  }

  /**
   * A sample onto what was wanted before it was read: a connection made meanwhile waits for
   * the next one, so its absence is never taken for "gone from the kernel".
   */
  private apply({ follow, listening }: Wanted, sockets: KernelSocket[]): void {
    const { store } = this;
    const byKey = indexSockets(sockets);
    for (const c of follow) {
      let key = this.keys.get(c);
      if (key === undefined) {
        key = connKey(c.local, c.peer);
        this.keys.set(c, key);
      }
      const s = byKey.get(key);
      const next: KernelConnView | null = s
        ? { state: s.state, recvQ: s.recvQ, sendQ: s.sendQ }
        : null;
      if (!c.isOpen && !s) this.done.add(c);
      if (sameKernel(c.kernel, next)) continue;
      // Queues that move during a stream are drawn with its next frame; a new state is news.
      const urgent = c.kernel?.state !== next?.state;
      store.connState(
        c,
        { kernel: next },
        {
          type: 'tcp-state',
          connection: c.id,
          state: next?.state ?? null,
          recvQ: next?.recvQ ?? 0,
          sendQ: next?.sendQ ?? 0,
        },
        urgent,
      );
    }
    for (const l of listening) {
      const s =
        l.state === 'listening'
          ? byKey.get(listenKey(l.boundAddress ?? '', l.boundPort as number))
          : undefined;
      const queue = s ? s.recvQ : null;
      if (queue !== l.acceptQueue) store.listenerState(l, { acceptQueue: queue });
    }
  }

  /** Every kernel TCP socket on `filter`'s port (all without one), with owners: the ports view. */
  ports(filter: PortsFilter = {}): PortsReport {
    if (!this.availability.ok) return { available: this.availability, sockets: [] };
    const sockets = this.sample(filter.port === undefined ? null : new Set([filter.port]));
    return portsReport(this.availability, sockets, filter, this.source, this.store);
  }

  /** Who holds `address`:`port`, for an EADDRINUSE: a process, this socklab, or TIME_WAIT only. */
  holder(address: string, port: number): PortHolder | null {
    if (!this.availability.ok) return null;
    const sockets = this.fresh(new Set([port]));
    return portHolder(address, port, sockets, this.source, this.store);
  }

  /** A sample at most SAMPLE_MS old that covers `ports` (null: every port). */
  private sample(ports: ReadonlySet<number> | null): KernelSocket[] {
    const last = this.last;
    const now = Date.now();
    if (last && now - last.at < SAMPLE_MS && covers(last.ports, ports)) return last.sockets;
    return this.fresh(ports);
  }

  private fresh(ports: ReadonlySet<number> | null): KernelSocket[] {
    const sockets = this.source.sample(ports ?? undefined);
    this.last = { at: Date.now(), ports, sockets };
    return sockets;
  }

  private async freshAsync(ports: ReadonlySet<number>): Promise<KernelSocket[]> {
    const sockets = await this.source.sampleAsync(ports);
    this.last = { at: Date.now(), ports, sockets };
    return sockets;
  }
}

interface Wanted {
  follow: ConnRec[];
  listening: ListenerRec[];
  ports: Set<number>;
}

function covers(had: ReadonlySet<number> | null, want: ReadonlySet<number> | null): boolean {
  if (had === null) return true;
  if (want === null) return false;
  for (const p of want) if (!had.has(p)) return false;
  return true;
}

function sameKernel(a: KernelConnView | null, b: KernelConnView | null): boolean {
  if (a === null || b === null) return a === b;
  return a.state === b.state && a.recvQ === b.recvQ && a.sendQ === b.sendQ;
}
