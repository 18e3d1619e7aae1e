import nodeOs from 'node:os';
import { tcpState } from './tcpStates.js';
import type { KernelSocket } from './types.js';

/**
 * /proc/net/tcp and tcp6, one socket a line:
 *   sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …
 * Each address is 32-bit words printed with %08X as the host holds them: on a little-endian
 * machine the bytes of each word come out reversed (0100007F:270F = 127.0.0.1:9999).
 * After "sl:" the columns have fixed widths, so the ports are read before anything else is
 * parsed: a filtered sample of 10,000 sockets parses only the few that match.
 */
const LITTLE = nodeOs.endianness() === 'LE';

/** The bytes of one %08X word, in memory order. */
function wordBytes(hex: string, at: number, out: number[]): void {
  const v = Number.parseInt(hex.slice(at, at + 8), 16);
  const b = [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
  if (LITTLE) b.reverse();
  out.push(...b);
}

/**
 * Decoded addresses by their hex: a machine's sockets share few addresses (loopback above
 * all), and decoding is most of a line's cost. Bounded: emptied when it grows past this.
 */
const decoded = new Map<string, string>();
const DECODED_MAX = 4096;

function cachedAddress(hex: string): string {
  let a = decoded.get(hex);
  if (a === undefined) {
    if (decoded.size >= DECODED_MAX) decoded.clear();
    a = decodeAddress(hex);
    decoded.set(hex, a);
  }
  return a;
}

/** 8 hex digits (IPv4) or 32 (IPv6) as written in /proc, as the address people write. */
export function decodeAddress(hex: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < hex.length; i += 8) wordBytes(hex, i, bytes);
  if (bytes.length === 4) return bytes.join('.');
  return formatIpv6(bytes);
}

/** RFC 5952 text: lowercase, the longest run of zero groups as "::", IPv4-mapped as ::ffff:a.b.c.d. */
export function formatIpv6(bytes: readonly number[]): string {
  const mapped =
    bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** The same address as Node or a user may write it: IPv4-mapped IPv6 as plain IPv4. */
export function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * Every socket of one /proc/net/tcp{,6} text; with `ports`, only those whose local or remote
 * port is in it. Lines that do not parse (the header, a state this table does not know) are
 * skipped.
 */
export function parseProcNetTcp(
  text: string,
  family: 4 | 6,
  ports?: ReadonlySet<number>,
): KernelSocket[] {
  const hexLen = family === 4 ? 8 : 32;
  const out: KernelSocket[] = [];
  let start = text.indexOf('\n') + 1; // the header
  while (start > 0 && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const s = parseLine(text, start, end, hexLen, family, ports);
    if (s) out.push(s);
    start = end + 1;
  }
  return out;
}

function parseLine(
  text: string,
  start: number,
  end: number,
  hexLen: number,
  family: 4 | 6,
  ports?: ReadonlySet<number>,
): KernelSocket | null {
  const colon = text.indexOf(':', start);
  if (colon < 0 || colon > end) return null;
  const local = colon + 2;
  const localPortAt = local + hexLen + 1;
  const remote = localPortAt + 5;
  const remotePortAt = remote + hexLen + 1;
  const localPort = Number.parseInt(text.slice(localPortAt, localPortAt + 4), 16);
  const remotePort = Number.parseInt(text.slice(remotePortAt, remotePortAt + 4), 16);
  if (ports && !ports.has(localPort) && !ports.has(remotePort)) return null;
  const stAt = remotePortAt + 5;
  const state = tcpState(Number.parseInt(text.slice(stAt, stAt + 2), 16));
  if (!state || Number.isNaN(localPort) || Number.isNaN(remotePort)) return null;
  const queuesAt = stAt + 3;
  const sendQ = Number.parseInt(text.slice(queuesAt, queuesAt + 8), 16);
  const recvQ = Number.parseInt(text.slice(queuesAt + 9, queuesAt + 17), 16);
  // tr:when retrnsmt uid timeout inode: variable widths from here; the 3rd and 5th fields.
  // (No closures here: this runs once a line, 10,000 times a sample.)
  let at = skipField(text, queuesAt + 18, end);
  at = skipField(text, at, end);
  const uidAt = skipSpaces(text, at, end);
  at = skipField(text, uidAt, end);
  const uid = at > uidAt ? Number(text.slice(uidAt, at)) : Number.NaN;
  at = skipField(text, at, end);
  const inodeAt = skipSpaces(text, at, end);
  at = skipField(text, inodeAt, end);
  const inode = at > inodeAt ? Number(text.slice(inodeAt, at)) : Number.NaN;
  if (Number.isNaN(sendQ) || Number.isNaN(recvQ) || Number.isNaN(uid) || Number.isNaN(inode)) {
    return null;
  }
  const localAddress = cachedAddress(text.slice(local, local + hexLen));
  const remoteAddress = cachedAddress(text.slice(remote, remote + hexLen));
  return {
    state,
    local: { address: localAddress, port: localPort },
    remote: { address: remoteAddress, port: remotePort },
    recvQ,
    sendQ,
    uid,
    inode,
    family,
  };
}

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === 32) at++;
  return at;
}

/** Past the spaces and then the field at `at`. */
function skipField(text: string, at: number, end: number): number {
  let i = skipSpaces(text, at, end);
  while (i < end && text.charCodeAt(i) !== 32) i++;
  return i;
}
