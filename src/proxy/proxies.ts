import { dial } from '../core/client.js';
import type { ConnHandle } from '../core/connection.js';
import type { Engine } from '../core/engine.js';
import type { OsContext } from '../core/osProbe.js';
import {
  type Direction,
  type DirectionFaults,
  NO_FAULTS,
  type ProxyFaults,
} from '../state/proxyTypes.js';
import type { ListenerRec } from '../state/records.js';
import type { Store } from '../state/store.js';
import { ProxyPair } from './pair.js';

export const NO_PROXY_FAULTS: ProxyFaults = { upstream: NO_FAULTS, downstream: NO_FAULTS };

export type FaultOutcome = 'set' | 'not-a-proxy' | 'not-found';

/**
 * socklab in the middle: a listener whose every accepted connection dials the target, the two
 * legs relayed as one pair (src/proxy/pair.ts). The engine holds one of these.
 */
export class Proxies {
  private readonly pairs = new Map<number, Set<ProxyPair>>();
  private readonly store: Store;

  /** `conns`: the engine's live sockets by id, where the dialled legs go too (send, x, r, quit). */
  constructor(
    private readonly engine: Pick<Engine, 'listen' | 'store'>,
    private readonly conns: Map<number, ConnHandle>,
    private readonly os: OsContext,
    private readonly connectTimeoutMs: number,
  ) {
    this.store = engine.store;
  }

  open(
    host: string,
    port: number,
    target: { host: string; port: number },
    faults = NO_PROXY_FAULTS,
  ): number {
    const { store } = this;
    let rec: ListenerRec | undefined;
    const id = this.engine.listen(host, port, {
      accepted: (h) => {
        if (rec) this.accept(rec, h);
      },
    });
    rec = store.listeners.get(id);
    if (rec) {
      const proxy = { target: { address: target.host, port: target.port }, faults };
      store.listenerState(rec, { proxy });
    }
    return id;
  }

  /** Change some of one direction's faults on proxy `id`: live, for its open pairs too. */
  setFaults(id: number, direction: Direction, patch: Partial<DirectionFaults>): FaultOutcome {
    const { store } = this;
    const rec = store.listeners.get(id);
    if (!rec) return 'not-found';
    if (!rec.proxy) return 'not-a-proxy';
    const faults = { ...rec.proxy.faults[direction], ...patch };
    const proxy = { ...rec.proxy, faults: { ...rec.proxy.faults, [direction]: faults } };
    store.listenerState(rec, { proxy }, { type: 'fault-changed', listener: id, direction, faults });
    for (const p of this.pairs.get(id) ?? []) p.refresh();
    return 'set';
  }

  private accept(l: ListenerRec, accepted: ConnHandle): void {
    const { store, conns } = this;
    const target = l.proxy?.target ?? { address: '', port: 0 };
    const dialled = dial(target.address, target.port, {
      store,
      os: this.os,
      bufferSize: () => store.bufferSize,
      connectTimeoutMs: this.connectTimeoutMs,
      register: (h) => conns.set(h.rec.id, h),
      unregister: (h) => conns.delete(h.rec.id),
    });
    // Each forwarded read is its own segment: Nagle would merge the fragmenter's pieces.
    accepted.socket.setNoDelay(true);
    dialled.socket.setNoDelay(true);
    const leg = (role: 'accepted' | 'upstream', partner: number) => ({
      proxy: { role, listener: l.id, partner },
      noDelay: true,
    });
    store.connState(accepted.rec, leg('accepted', dialled.rec.id));
    store.connState(dialled.rec, leg('upstream', accepted.rec.id));
    const set = this.pairs.get(l.id) ?? new Set<ProxyPair>();
    this.pairs.set(l.id, set);
    const pair = new ProxyPair(
      accepted,
      dialled,
      () => l.proxy?.faults ?? NO_PROXY_FAULTS,
      () => set.delete(pair),
    );
    set.add(pair);
    dialled.socket.once('connect', () => {
      store.emit({
        type: 'proxy-opened',
        listener: l.id,
        connection: accepted.rec.id,
        upstream: dialled.rec.id,
        target: { address: dialled.rec.peer.address, port: dialled.rec.peer.port },
      });
      accepted.serve();
    });
    // The target refused or could not be reached: the client learns it as TCP can tell it,
    // by RST; the screen shows the dial's error, explained, on the accepted leg too.
    // Before the legs' own 'close' handlers, so the accepted leg's error is set when it resets.
    dialled.socket.prependOnceListener('close', () => {
      if (dialled.rec.local.port !== 0 || accepted.socket.destroyed) return;
      store.connState(accepted.rec, { error: dialled.rec.error });
      accepted.reset();
    });
  }
}
