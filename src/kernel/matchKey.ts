import { plainAddress } from './procNetTcp.js';
import type { KernelEndpoint, KernelSocket } from './types.js';

/** One key for a connection's two ends, however each side writes IPv4 (plain or IPv4-mapped). */
export function connKey(local: KernelEndpoint, remote: KernelEndpoint): string {
  return `${plainAddress(local.address)}|${local.port}|${plainAddress(remote.address)}|${remote.port}`;
}

export function listenKey(address: string, port: number): string {
  return `L|${plainAddress(address)}|${port}`;
}

/** The sampled sockets by key: LISTEN ones by their address, the others by both ends. */
export function indexSockets(sockets: readonly KernelSocket[]): Map<string, KernelSocket> {
  const map = new Map<string, KernelSocket>();
  for (const s of sockets) {
    const key =
      s.state === 'LISTEN' ? listenKey(s.local.address, s.local.port) : connKey(s.local, s.remote);
    // A new connection may reuse the ends of one in TIME_WAIT: the live one wins.
    const had = map.get(key);
    if (!had || had.state === 'TIME_WAIT') map.set(key, s);
  }
  return map;
}
