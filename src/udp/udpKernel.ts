// The kernel's view of UDP sockets (/proc/net/udp{,6}): for socklab's own, the receive queue
// and the datagrams the kernel dropped (its buffer was full), sampled once a second while one
// is open; for the ports view, every UDP socket on a port with its owner.

import { onExactly, overlaps, selfOwner } from '../kernel/portHolder.js';
import { plainAddress } from '../kernel/procNetTcp.js';
import type { KernelSource, Owner } from '../kernel/types.js';
import type { PortHolder } from '../state/types.js';
import { sampleUdp, type UdpKernelSocket } from './procNetUdp.js';
import type { UdpBook } from './udpBook.js';
import type { UdpSocketRec } from './udpRecords.js';

export const UDP_SAMPLE_MS = 1000;

export interface UdpPortRow {
  readonly socket: UdpKernelSocket;
  readonly owner: Owner;
  /** socklab's own UDP socket (its id), or null. */
  readonly mine: number | null;
}

const WILDCARDS = new Set(['0.0.0.0', '::']);

/** Whether kernel socket `k` is record `r` (same port, same or wildcard address, same family). */
function isRec(k: UdpKernelSocket, r: UdpSocketRec): boolean {
  if (r.boundPort !== k.local.port || r.boundAddress === null) return false;
  const a = plainAddress(k.local.address);
  const b = plainAddress(r.boundAddress);
  return a === b || (WILDCARDS.has(a) && WILDCARDS.has(b));
}

export class UdpKernel {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly book: UdpBook,
    private readonly source: KernelSource,
    private readonly sample: (ports?: ReadonlySet<number>) => UdpKernelSocket[] | null = sampleUdp,
  ) {}

  /** Sample while socklab has a bound UDP socket (off Linux: never). */
  watch(): void {
    if (this.timer || process.platform !== 'linux') return;
    this.timer = setInterval(() => this.tick(), UDP_SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One sample onto the records: changes only. Exposed for tests (no waiting a second). */
  tick(): void {
    const own = [...this.book.sockets.values()].filter((r) => r.isOpen && r.boundPort !== null);
    if (own.length === 0 && ![...this.book.sockets.values()].some((r) => r.isOpen)) {
      return this.stop();
    }
    const sockets = this.sample(new Set(own.map((r) => r.boundPort as number)));
    if (!sockets) return this.stop();
    for (const r of own) {
      const k = sockets.find((s) => isRec(s, r));
      const next = k ? { rxQueue: k.rxQueue, drops: k.drops } : null;
      const was = r.kernel;
      if (was?.rxQueue === next?.rxQueue && was?.drops === next?.drops) continue;
      this.book.change(r, { kernel: next });
    }
  }

  /**
   * Who holds `address`:`port` for a UDP bind that found it in use: the socket bound there (a
   * wildcard overlaps every address), its process, or this socklab's own UDP socket.
   */
  holder(address: string, port: number): PortHolder | null {
    const exact = (r: UdpPortRow) => onExactly(r.socket.local.address, address);
    // The socket bound to that very address before one bound to a wildcard.
    const rows = this.ports(port)
      ?.filter((r) => overlaps(r.socket.local.address, address))
      .sort((a, b) => exact(b) - exact(a));
    const row = rows?.[0];
    if (!row) return null;
    const { socket, owner, mine } = row;
    const state = socket.remote.port === 0 ? 'UNCONN' : 'ESTABLISHED';
    // socklab's own socket is known from its records (the /proc/PID/fd scan may be a second old).
    if (mine !== null) {
      return { state, ...selfOwner(), listener: null, udp: mine, unknown: null };
    }
    if (owner.pid === null) {
      return { state, pid: null, name: null, command: null, listener: null, unknown: owner.why };
    }
    const { pid, name, command } = owner;
    return { state, pid, name, command, listener: null, udp: null, unknown: null };
  }

  /** Every UDP socket on `port` (all without one), socklab's own named, the others' owners. */
  ports(port?: number): UdpPortRow[] | null {
    const sockets = this.sample(port === undefined ? undefined : new Set([port]));
    if (!sockets) return null;
    sockets.sort((a, b) => a.local.port - b.local.port || a.remote.port - b.remote.port);
    const owners = this.source.owners(sockets);
    const recs = [...this.book.sockets.values()].filter((r) => r.isOpen);
    return sockets.map((s) => ({
      socket: s,
      owner: owners.get(s.inode) ?? { pid: null, why: 'unknown' },
      mine: recs.find((r) => isRec(s, r))?.id ?? null,
    }));
  }
}
