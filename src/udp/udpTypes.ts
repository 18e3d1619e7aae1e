// What the store publishes about UDP sockets, and the events they make: UDP has no
// connection, so a socket is one record with its peers (one per sender) and its datagrams.
import type { Endpoint, ErrorInfo, LabOwner, PortNote } from '../state/types.js';

export type UdpState = 'starting' | 'listening' | 'closed' | 'failed';
/** `socket`: opened with -u or the prompt (it waits for datagrams); `client`: sends to a target. */
export type UdpKind = 'socket' | 'client';

/** One datagram as received: Node hands over the whole datagram, whatever the buffer. */
export interface DatagramView {
  readonly time: number;
  readonly from: Endpoint;
  /** The datagram's true size. */
  readonly bytes: number;
  /** The buffer size (the slider) when it came: what recvfrom(N) is computed with. */
  readonly buffer: number;
  /** Its first bytes, raw: escape before drawing. */
  readonly preview: Uint8Array;
}

/** One sender: UDP's stand-in for a connection. */
export interface UdpPeerView {
  readonly address: string;
  readonly port: number;
  readonly datagrams: number;
  readonly bytes: number;
  readonly firstAt: number;
  readonly lastAt: number;
  readonly lastSize: number;
}

/** What /proc/net/udp says of one of socklab's UDP sockets. */
export interface UdpKernelView {
  /** Bytes of datagrams received and not yet read (rx_queue). */
  readonly rxQueue: number;
  /** Datagrams the kernel dropped for this socket: its receive buffer was full. */
  readonly drops: number;
}

export interface UdpSocketView {
  readonly id: number;
  readonly kind: UdpKind;
  readonly owner: LabOwner | null;
  readonly host: string;
  /** The port asked for (0: any). */
  readonly port: number;
  readonly boundPort: number | null;
  readonly boundAddress: string | null;
  /** For a client: where it sends, and whether connect() fixed that peer. */
  readonly target: Endpoint | null;
  readonly connected: boolean;
  readonly state: UdpState;
  readonly error: ErrorInfo | null;
  /** The kernel's receive queue and drops for it (Linux), null until sampled. */
  readonly kernel: UdpKernelView | null;
  /** The last error that did not close it (EMSGSIZE, ECONNREFUSED). */
  readonly lastError: ErrorInfo | null;
  readonly note: PortNote | null;
  readonly datagramsIn: number;
  readonly bytesIn: number;
  readonly datagramsOut: number;
  readonly bytesOut: number;
  /** Newest first, at most the store's peer cap; `peersEvicted` says how many went. */
  readonly peers: readonly UdpPeerView[];
  readonly peersEvicted: number;
  /** Oldest first, the last few. */
  readonly datagrams: readonly DatagramView[];
}

interface Base {
  readonly seq: number;
  readonly time: number;
}

export type UdpEvent = Base &
  (
    | {
        type: 'udp-listening';
        socket: number;
        kind: UdpKind;
        address: string;
        port: number;
        note: PortNote | null;
      }
    | ({ type: 'udp-bind-error'; socket: number } & ErrorInfo)
    /** A send or receive failed and the socket stays open (EMSGSIZE, ECONNREFUSED). */
    | ({ type: 'udp-error'; socket: number } & ErrorInfo)
    | { type: 'udp-connected'; socket: number; local: Endpoint; peer: Endpoint }
    | {
        type: 'datagram';
        socket: number;
        from: Endpoint;
        bytes: number;
        /** What recvfrom(buffer) would return, and lose, on Linux/macOS. */
        buffer: number;
        kept: number;
        discarded: number;
        preview: Uint8Array;
      }
    | { type: 'udp-sent'; socket: number; to: Endpoint; bytes: number }
    | { type: 'udp-closed'; socket: number }
  );
