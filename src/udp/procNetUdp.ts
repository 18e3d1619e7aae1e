// /proc/net/udp and udp6: one UDP socket a line, as the kernel holds it —
//   sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ref pointer drops
// rx_queue: bytes of datagrams received and not yet read; drops: datagrams the kernel threw
// away for this socket (its receive buffer was full). Addresses are decoded as for TCP.
import fs from 'node:fs';
import path from 'node:path';
import { procRootFromEnv } from '../kernel/linuxSource.js';
import { decodeAddress } from '../kernel/procNetTcp.js';
import type { KernelEndpoint } from '../kernel/types.js';

export interface UdpKernelSocket {
  readonly local: KernelEndpoint;
  /** 0.0.0.0:0 (or ::) unless connect() fixed a peer. */
  readonly remote: KernelEndpoint;
  readonly rxQueue: number;
  readonly txQueue: number;
  readonly uid: number;
  readonly inode: number;
  readonly drops: number;
  readonly family: 4 | 6;
}

/** Every socket of one /proc/net/udp{,6} text; with `ports`, only those bound to one of them. */
export function parseProcNetUdp(
  text: string,
  family: 4 | 6,
  ports?: ReadonlySet<number>,
): UdpKernelSocket[] {
  const out: UdpKernelSocket[] = [];
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].trim().split(/\s+/);
    if (f.length < 13) continue;
    const [lAddr, lPort] = f[1].split(':');
    const [rAddr, rPort] = f[2].split(':');
    const localPort = Number.parseInt(lPort, 16);
    if (ports && !ports.has(localPort)) continue;
    const [tx, rx] = f[4].split(':').map((h) => Number.parseInt(h, 16));
    const nums = [
      localPort,
      Number.parseInt(rPort, 16),
      tx,
      rx,
      Number(f[7]),
      Number(f[9]),
      Number(f[12]),
    ];
    if (nums.some(Number.isNaN)) continue;
    out.push({
      local: { address: decodeAddress(lAddr), port: localPort },
      remote: { address: decodeAddress(rAddr), port: nums[1] },
      txQueue: tx,
      rxQueue: rx,
      uid: nums[4],
      inode: nums[5],
      drops: nums[6],
      family,
    });
  }
  return out;
}

/** The UDP sockets now (both families), or null where there is no /proc (not Linux). */
export function sampleUdp(
  ports?: ReadonlySet<number>,
  procRoot = procRootFromEnv(),
): UdpKernelSocket[] | null {
  if (process.platform !== 'linux') return null;
  const read = (name: string) => {
    try {
      return fs.readFileSync(path.join(procRoot, 'net', name), 'latin1');
    } catch {
      return null;
    }
  };
  const v4 = read('udp');
  if (v4 === null) return null;
  return [...parseProcNetUdp(v4, 4, ports), ...parseProcNetUdp(read('udp6') ?? '', 6, ports)];
}
