import type { Store } from '../state/store.js';
import type { UdpPortRow } from '../udp/udpKernel.js';
import { connKey, listenKey } from './matchKey.js';
import { overlaps } from './portHolder.js';
import type { Availability, KernelEndpoint, KernelSocket, KernelSource, Owner } from './types.js';

/** `socklab ports [[HOST:]PORT]`: the port (all when omitted), and the host when typed. */
export interface PortsFilter {
  host?: string;
  port?: number;
  /** At most this many rows (the screen's room); the total is still counted. */
  limit?: number;
}

/** Which of socklab's own records a kernel socket is. */
export type Mine =
  | { readonly kind: 'listener'; readonly id: number; readonly backlog: number }
  | {
      readonly kind: 'connection';
      readonly id: number;
      readonly closed: boolean;
      /** A socklab client (or a proxy's dialled leg): the screen calls it client #id. */
      readonly client: boolean;
    };

export interface PortRow {
  readonly socket: KernelSocket;
  readonly owner: Owner;
  readonly mine: Mine | null;
}

export interface PortsReport {
  readonly available: Availability;
  readonly sockets: readonly PortRow[];
  /** Rows that matched, before `limit`. */
  readonly total?: number;
  /** The UDP sockets on the port (src/udp: /proc/net/udp{,6}), null without a kernel view. */
  readonly udp?: readonly UdpPortRow[] | null;
}

/** Whether endpoint `e` is `host`:`port` (0.0.0.0 answers every IPv4 host, [::] every host). */
function endpointMatches(e: KernelEndpoint, filter: PortsFilter): boolean {
  if (filter.port !== undefined && e.port !== filter.port) return false;
  if (filter.host === undefined) return true;
  return overlaps(e.address, filter.host.replace(/^\[(.*)\]$/, '$1'));
}

/** LISTEN first, then by local port, then remote port: as a student reads a server's port. */
const order = (a: KernelSocket, b: KernelSocket) =>
  Number(b.state === 'LISTEN') - Number(a.state === 'LISTEN') ||
  a.local.port - b.local.port ||
  a.remote.port - b.remote.port;

export function portsReport(
  available: Availability,
  sampled: readonly KernelSocket[],
  filter: PortsFilter,
  source: KernelSource,
  store: Store,
): PortsReport {
  const all = sampled
    .filter(
      (s) =>
        (filter.port === undefined && filter.host === undefined) ||
        endpointMatches(s.local, filter) ||
        (s.state !== 'LISTEN' && endpointMatches(s.remote, filter)),
    )
    .sort(order);
  const shown = filter.limit === undefined ? all : all.slice(0, filter.limit);
  const owners = source.owners(shown);
  const mine = ownKeys(store);
  return {
    available,
    total: all.length,
    sockets: shown.map((s) => ({
      socket: s,
      owner: owners.get(s.inode) ?? { pid: null, why: 'unknown' },
      mine:
        mine.get(
          s.state === 'LISTEN'
            ? listenKey(s.local.address, s.local.port)
            : connKey(s.local, s.remote),
        ) ?? null,
    })),
  };
}

/** socklab's listeners and connections by the key their kernel socket has. */
function ownKeys(store: Store): Map<string, Mine> {
  const map = new Map<string, Mine>();
  for (const l of store.listeners.values()) {
    if (l.state === 'listening' && l.boundPort !== null) {
      map.set(listenKey(l.boundAddress ?? '', l.boundPort), {
        kind: 'listener',
        id: l.id,
        backlog: l.backlog,
      });
    }
  }
  for (const c of store.connections.values()) {
    if (c.local.port === 0) continue;
    const client = c.kind === 'client';
    map.set(connKey(c.local, c.peer), { kind: 'connection', id: c.id, closed: !c.isOpen, client });
  }
  return map;
}
