import type { TcpState } from './tcpStates.js';

export type { TcpState } from './tcpStates.js';

/** An address as the kernel holds it (IPv4-mapped IPv6 as ::ffff:a.b.c.d, as `ss` and Node write it). */
export interface KernelEndpoint {
  readonly address: string;
  readonly port: number;
}

/** One line of /proc/net/tcp or tcp6. */
export interface KernelSocket {
  readonly state: TcpState;
  readonly local: KernelEndpoint;
  readonly remote: KernelEndpoint;
  /** LISTEN: connections waiting in the accept queue. Others: bytes received, not yet read. */
  readonly recvQ: number;
  /** Bytes sent, not yet acknowledged by the peer (LISTEN: 0 here; `ss` shows the backlog). */
  readonly sendQ: number;
  readonly uid: number;
  /** 0 when no process holds it: a connection not yet accept()ed, or TIME_WAIT. */
  readonly inode: number;
  readonly family: 4 | 6;
}

/** Why there is no kernel view here, as a code (words in src/i18n). */
export type UnavailableWhy = 'not-linux' | 'no-proc' | 'unreadable';

export type Availability = { ok: true } | { ok: false; why: UnavailableWhy };

/** Who holds a socket: a process, or why none can be named (a code). */
export type Owner =
  | { readonly pid: number; readonly name: string; readonly command: string }
  | { readonly pid: null; readonly why: OwnerUnknown };

/**
 * 'none': no process holds it (inode 0: waiting for accept(), or TIME_WAIT);
 * 'other-user': held by a process whose /proc/PID/fd this user may not read;
 * 'unknown': not found (the process ended between the two reads).
 */
export type OwnerUnknown = 'none' | 'other-user' | 'unknown';

/**
 * Where the kernel's sockets come from. Linux reads /proc (linuxSource.ts); another OS's
 * source (netstat, sysctl) can stand behind the same two calls.
 */
export interface KernelSource {
  available(): Availability;
  /**
   * Every TCP socket now; with `ports`, only those whose local or remote port is one of them
   * (cheaper: the others are not parsed).
   */
  sample(ports?: ReadonlySet<number>): KernelSocket[];
  /**
   * The same, read off the caller's thread (the sampler's timer: reading /proc/net/tcp takes
   * ~2 ms even with a few dozen sockets here, tens with thousands, and the engine's sockets
   * must not wait for it).
   */
  sampleAsync(ports?: ReadonlySet<number>): Promise<KernelSocket[]>;
  /** Owners of these inodes (pid, command), as far as this user may see. */
  owners(sockets: readonly Pick<KernelSocket, 'inode' | 'uid'>[]): Map<number, Owner>;
}
