// Plain-language explanations of socket errors for students: what the OS is telling
// them and what to do next, instead of a bare "EACCES". Output is safe to draw as-is:
// anything that came from outside (host names, messages) goes through escapeText.
import { readFileSync } from 'node:fs';
import { escapeText } from '../format/escapeBytes.js';

export interface OsContext {
  platform: NodeJS.Platform;
  uid: number | null;
  unprivilegedPortStart: number | null;
  capNetBindService: boolean;
}

export interface ErrLike {
  code?: string;
  errno?: number;
  syscall?: string;
  address?: string;
  port?: number;
  message?: string;
  errors?: ErrLike[];
  /** Set by getaddrinfo errors (ENOTFOUND, EAI_AGAIN) instead of `address`. */
  hostname?: string;
}

export interface ExplainContext {
  host?: string;
  port?: number;
  os?: OsContext;
}

const CAP_NET_BIND_SERVICE = 10n;

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // not Linux, /proc not mounted, or a sandbox: just "unknown"
  }
}

/** What decides whether a low port can be bound here. Never throws. */
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

/** "127.0.0.1:9999", "[::1]:9999": brackets so the port is not read as part of an IPv6. */
export function formatAddress(address: string, port: number): string {
  const bracket = address.includes(':') && !address.startsWith('[');
  return bracket ? `[${address}]:${port}` : `${address}:${port}`;
}

const limitOf = (os?: OsContext): number => os?.unprivilegedPortStart ?? 1024;

/** Why a bind below the privileged limit worked, so the student knows it will not everywhere. */
export function privilegedBindNote(port: number, os: OsContext): string | null {
  const limit = limitOf(os);
  if (port <= 0 || port >= limit) return null;
  const elsewhere = `as a normal user this bind fails with EACCES (ports below ${limit} are privileged)`;
  if (os.platform === 'win32') {
    return `port ${port} bound because Windows has no privileged ports; on Linux/macOS ${elsewhere}`;
  }
  if (os.uid === 0) return `port ${port} bound because socklab runs as root (uid 0); ${elsewhere}`;
  if (os.capNetBindService) {
    return `port ${port} bound because socklab has CAP_NET_BIND_SERVICE; without it ${elsewhere}`;
  }
  return `port ${port} bound although it is below ${limit}: this OS did not enforce privileged ports here; on Linux ${elsewhere}`;
}

type Explainer = (where: string, e: ErrLike, ctx: ExplainContext, port?: number) => string;

const EXPLAIN: Readonly<Record<string, Explainer>> = {
  EADDRINUSE: (w) =>
    `Another socket already listens on ${w} (in this process or another) — close it or choose another port; SO_REUSEADDR only helps past TIME_WAIT. (Windows reports this as WSAEADDRINUSE, 10048.)`,
  EACCES: (w, e, ctx, port) => {
    const limit = limitOf(ctx.os);
    if (!(e.syscall === 'listen' || e.syscall === 'bind')) {
      return `Permission denied (EACCES) for ${w} — the OS or a firewall forbids this ${escapeText(e.syscall ?? 'operation')}.`;
    }
    if (port === undefined || (port > 0 && port < limit)) {
      return `${port === undefined ? 'The port' : `Port ${port}`} is below ${limit}, the privileged limit: binding it needs root or CAP_NET_BIND_SERVICE (or a lower net.ipv4.ip_unprivileged_port_start) — choose a port of ${limit} or above. Windows has no privileged ports.`;
    }
    return `Permission denied binding ${w} although the port is not privileged — a security policy (SELinux, AppArmor, a container) or, on Windows, a reserved port range may forbid it.`;
  },
  EADDRNOTAVAIL: (w) =>
    `No interface on this machine has the address in ${w} — listen on 127.0.0.1, 0.0.0.0 or an address shown by "ip addr".`,
  ENOTFOUND: (_w, e, ctx) =>
    `The host name ${escapeText(ctx.host ?? e.hostname ?? '?')} does not resolve (DNS has no address for it) — check the spelling or use an IP address such as 127.0.0.1.`,
  EAI_AGAIN: (_w, e, ctx) =>
    `DNS is temporarily unavailable, so ${escapeText(ctx.host ?? e.hostname ?? 'the host name')} could not be resolved — check the network or use an IP address.`,
  ERR_SOCKET_BAD_PORT: (_w, _e, _c, port) =>
    `The port must be a whole number from 0 to 65535${port === undefined ? '' : ` (got ${port})`}; 0 lets the OS pick a free one.`,
  ECONNREFUSED: (w) =>
    `Nothing listens at ${w}: the OS answered the connection request (SYN) with RST — start the server first or check the port.`,
  ETIMEDOUT: (w) =>
    `No answer from ${w} within the connect timeout: the SYNs were dropped — the host is down, a firewall drops them, or its listen backlog is full.`,
  ECONNRESET: (w) =>
    `The peer ${w} reset the connection (sent RST) — e.g. it closed with unread data in its receive buffer, or called resetAndDestroy().`,
  EPIPE: (w) =>
    `Wrote to ${w} after the peer closed its side (EPIPE) — that data was not delivered; stop writing once the peer has closed.`,
  EMFILE: () =>
    'This process is out of file descriptors (EMFILE); every socket uses one — close connections or raise the limit with "ulimit -n".',
  ENFILE: () =>
    'The whole system is out of file descriptors (ENFILE); every socket uses one — close connections or raise the system limit (fs.file-max).',
  EINVAL: (w, e) =>
    `The OS rejected an argument to ${escapeText(e.syscall ?? 'the call')} for ${w} (EINVAL) — e.g. an address of the wrong family or a socket already bound.`,
  EHOSTUNREACH: (w) =>
    `No route to the host of ${w} (EHOSTUNREACH) — it is not reachable from this machine, or a router/firewall answered "unreachable".`,
  ENETUNREACH: (w) =>
    `The network of ${w} is unreachable (ENETUNREACH) — this machine has no route to it; check the address and the network connection.`,
};

function explainOne(err: ErrLike, ctx: ExplainContext): string {
  const port = ctx.port ?? err.port;
  const host = ctx.host ?? err.address ?? err.hostname;
  const where =
    host === undefined
      ? 'that address'
      : escapeText(port === undefined ? host : formatAddress(host, port));
  const explain = err.code === undefined ? undefined : EXPLAIN[err.code];
  if (explain) return explain(where, err, ctx, port);
  const what = escapeText(err.code ?? 'Error');
  const during = err.syscall ? ` during ${escapeText(err.syscall)}` : '';
  return `${what}${during} for ${where}: ${escapeText(err.message ?? 'no details')}.`;
}

/**
 * One or two sentences. An AggregateError (Node 20's happy-eyeballs: "localhost" tried as
 * ::1 and 127.0.0.1) carries the first error's code on the outside, which hides that
 * several addresses were tried, so the list is spelled out.
 */
export function explainError(err: ErrLike, ctx: ExplainContext): string {
  const subs = err.errors;
  if (!Array.isArray(subs) || subs.length === 0) return explainOne(err, ctx);
  if (subs.length === 1) return explainOne({ ...subs[0], port: subs[0].port ?? err.port }, ctx);
  const port = ctx.port ?? err.port;
  const list = subs
    .map((s) => {
      const p = s.port ?? port;
      const a = s.address ?? '?';
      return `${escapeText(p === undefined ? a : formatAddress(a, p))} ${escapeText(s.code ?? 'error')}`;
    })
    .join(', ');
  const name = escapeText(ctx.host ?? 'The host name');
  const first = `${name} resolved to ${subs.length} addresses and each attempt failed: ${list}.`;
  const codes = new Set(subs.map((s) => s.code));
  // Same failure everywhere: the single-code explanation still applies, for the name.
  return codes.size === 1 ? `${first} ${explainOne(subs[0], { ...ctx, port })}` : first;
}
