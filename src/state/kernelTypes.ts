/** What the store publishes of the kernel's view (src/kernel fills them in; words at the edge). */
import type { TcpState } from '../kernel/tcpStates.js';
import type { OwnerUnknown } from '../kernel/types.js';

/** The socket in the way of a bind, and its process as far as this user may see (src/kernel). */
export interface PortHolder {
  /** A TCP state, or UNCONN for a UDP socket with no fixed peer (as `ss` says). */
  readonly state: TcpState | 'UNCONN';
  readonly pid: number | null;
  /** The process's name (comm) and command line. */
  readonly name: string | null;
  readonly command: string | null;
  /** When it is this socklab's own listener: its id. */
  readonly listener: number | null;
  /** When it is this socklab's own UDP socket: its id. */
  readonly udp?: number | null;
  /** Why no process is named ('none' for TIME_WAIT: no process holds it). */
  readonly unknown: OwnerUnknown | null;
}

/** The kernel's view of a connection's socket (/proc/net/tcp), in `ss`'s terms. */
export interface KernelConnView {
  readonly state: TcpState;
  /** Bytes received and not yet read by the program. */
  readonly recvQ: number;
  /** Bytes sent and not yet acknowledged by the peer. */
  readonly sendQ: number;
}
