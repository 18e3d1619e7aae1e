// What this OS says about ports, read once: whether a low port can be bound here and which
// ports it hands out as ephemeral. Never throws: anything unreadable is "unknown".
import { readFileSync } from 'node:fs';

export interface OsContext {
  platform: NodeJS.Platform;
  uid: number | null;
  unprivilegedPortStart: number | null;
  capNetBindService: boolean;
}

const CAP_NET_BIND_SERVICE = 10n;

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // not Linux, /proc not mounted, or a sandbox: just "unknown"
  }
}

/** What decides whether a low port can be bound here. */
export function getOsContext(): OsContext {
  const start = Number.parseInt(
    readProc('/proc/sys/net/ipv4/ip_unprivileged_port_start') ?? '',
    10,
  );
  const capHex = /^CapEff:\s*([0-9a-fA-F]+)/m.exec(readProc('/proc/self/status') ?? '')?.[1];
  const cap = capHex !== undefined && ((BigInt(`0x${capHex}`) >> CAP_NET_BIND_SERVICE) & 1n) === 1n;
  let uid: number | null = null;
  try {
    uid = process.getuid?.() ?? null; // absent on Windows
  } catch {}
  return {
    platform: process.platform,
    uid,
    unprivilegedPortStart: Number.isNaN(start) ? null : start,
    capNetBindService: cap,
  };
}

/** Ports below this need privilege: the OS's own figure, else the traditional 1024. */
export const privilegedLimit = (os?: OsContext): number => os?.unprivilegedPortStart ?? 1024;

/** The OS's ephemeral port range where it can be read (Linux), else null. */
export function ephemeralRange(): [number, number] | null {
  const [lo, hi] = (readProc('/proc/sys/net/ipv4/ip_local_port_range') ?? '')
    .trim()
    .split(/\s+/)
    .map(Number);
  return Number.isInteger(lo) && Number.isInteger(hi) ? [lo, hi] : null;
}
