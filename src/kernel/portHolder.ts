import net from 'node:net';
import type { Store } from '../state/store.js';
import type { PortHolder } from '../state/types.js';
import { plainAddress } from './procNetTcp.js';
import type { KernelSocket, KernelSource } from './types.js';

export type { PortHolder } from '../state/types.js';

/**
 * Whether a socket bound to `a` stands in the way of a bind to `b` on the same port (TCP, UDP):
 * the same address; 0.0.0.0 and any IPv4 address; [::] and anything (dual-stack, as Node and
 * Python bind it: the kernel's view cannot tell IPV6_V6ONLY). 0.0.0.0 does not hold ::1.
 */
export function overlaps(a: string, b: string): boolean {
  const x = plainAddress(a);
  const y = plainAddress(b);
  if (x === y || x === '::' || y === '::') return true;
  if (x === '0.0.0.0') return net.isIPv4(y);
  if (y === '0.0.0.0') return net.isIPv4(x);
  return false;
}

/** 1 when a socket bound to `bound` is on exactly `address` (not by a wildcard), else 0. */
export const onExactly = (bound: string, address: string): number =>
  plainAddress(bound) === plainAddress(address) ? 1 : 0;

/** This process as an owner: socklab's own sockets are known from its records. */
export const selfOwner = () => ({
  pid: process.pid,
  name: process.title,
  command: process.argv.join(' '),
});

/** How strongly a socket holds its port: a listener, then a live connection, then TIME_WAIT. */
const rank = (s: KernelSocket) => (s.state === 'LISTEN' ? 0 : s.state === 'TIME_WAIT' ? 2 : 1);

/**
 * Who holds `address`:`port` after a bind failed with EADDRINUSE: the socket bound there that
 * holds it most (a listener first), its process, or this socklab's own listener. Only
 * TIME_WAIT sockets left: the holder is one of them, and no process holds it.
 */
export function portHolder(
  address: string,
  port: number,
  sockets: readonly KernelSocket[],
  source: KernelSource,
  store: Store,
): PortHolder | null {
  // The socket bound to that very address before one bound to a wildcard.
  const exact = (s: KernelSocket) => onExactly(s.local.address, address);
  const bound = sockets
    .filter((s) => s.local.port === port && overlaps(s.local.address, address))
    .sort((a, b) => rank(a) - rank(b) || exact(b) - exact(a));
  const s = bound[0];
  if (!s) return null;
  // socklab's own listener is known without /proc/PID/fd (whose scan may be a second old).
  const own =
    s.state === 'LISTEN'
      ? [...store.listeners.values()].find(
          (l) =>
            l.state === 'listening' &&
            l.boundPort === port &&
            overlaps(l.boundAddress ?? '', s.local.address),
        )
      : undefined;
  const owner = own
    ? selfOwner()
    : (source.owners([s]).get(s.inode) ?? { pid: null, why: 'unknown' as const });
  if (owner.pid === null) {
    return {
      state: s.state,
      pid: null,
      name: null,
      command: null,
      listener: null,
      unknown: owner.why,
    };
  }
  return {
    state: s.state,
    pid: owner.pid,
    name: owner.name,
    command: owner.command,
    listener: own?.id ?? null,
    unknown: null,
  };
}
