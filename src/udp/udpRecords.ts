// The store's mutable side of a UDP socket: exact counters, a bounded map of peers (the
// least recently heard goes first) and a bounded ring of datagrams. Views are built at flush.
import type { Endpoint, ErrorInfo, LabOwner, PortNote } from '../state/types.js';
import type {
  DatagramView,
  UdpKernelView,
  UdpKind,
  UdpPeerView,
  UdpSocketView,
  UdpState,
} from './udpTypes.js';

/** Bytes of each datagram kept for the screen (the kept part is shown from these). */
export const DATAGRAM_PREVIEW = 32;

export interface UdpCaps {
  peers: number;
  datagrams: number;
}

interface PeerRec {
  address: string;
  port: number;
  datagrams: number;
  bytes: number;
  firstAt: number;
  lastAt: number;
  lastSize: number;
}

export class UdpSocketRec {
  state: UdpState = 'starting';
  boundPort: number | null = null;
  boundAddress: string | null = null;
  family = '';
  target: Endpoint | null = null;
  connected = false;
  error: ErrorInfo | null = null;
  lastError: ErrorInfo | null = null;
  /** The kernel's view (/proc/net/udp): bytes waiting to be read, datagrams it dropped. */
  kernel: UdpKernelView | null = null;
  note: PortNote | null = null;
  owner: LabOwner | null = null;
  datagramsIn = 0;
  bytesIn = 0;
  datagramsOut = 0;
  bytesOut = 0;
  peersEvicted = 0;
  dirty = true;
  private readonly peers = new Map<string, PeerRec>();
  private readonly ring: (DatagramView | undefined)[];
  private ringNext = 0;
  private view: UdpSocketView | null = null;

  constructor(
    readonly id: number,
    readonly kind: UdpKind,
    readonly host: string,
    public port: number,
    private readonly caps: UdpCaps,
  ) {
    this.ring = new Array(caps.datagrams);
  }

  get isOpen(): boolean {
    return this.state === 'starting' || this.state === 'listening';
  }

  /** One datagram: counted exactly, its sender's row moved to the front. */
  received(d: DatagramView): void {
    this.datagramsIn++;
    this.bytesIn += d.bytes;
    const key = `${d.from.address}|${d.from.port}`;
    let p = this.peers.get(key);
    if (p) this.peers.delete(key);
    else {
      p = {
        address: d.from.address,
        port: d.from.port,
        datagrams: 0,
        bytes: 0,
        firstAt: d.time,
        lastAt: 0,
        lastSize: 0,
      };
      if (this.peers.size >= this.caps.peers) {
        const oldest = this.peers.keys().next().value as string;
        this.peers.delete(oldest);
        this.peersEvicted++;
      }
    }
    p.datagrams++;
    p.bytes += d.bytes;
    p.lastAt = d.time;
    p.lastSize = d.bytes;
    this.peers.set(key, p); // Map order = least recently heard first
    this.ring[this.ringNext] = d;
    this.ringNext = (this.ringNext + 1) % this.ring.length;
    this.dirty = true;
  }

  sent(bytes: number): void {
    this.datagramsOut++;
    this.bytesOut += bytes;
    this.dirty = true;
  }

  toView(): UdpSocketView {
    if (this.view && !this.dirty) return this.view;
    this.dirty = false;
    const peers: UdpPeerView[] = [];
    for (const p of this.peers.values()) peers.push({ ...p });
    peers.reverse();
    const datagrams: DatagramView[] = [];
    for (let i = 0; i < this.ring.length; i++) {
      const d = this.ring[(this.ringNext + i) % this.ring.length];
      if (d) datagrams.push(d);
    }
    this.view = {
      id: this.id,
      kind: this.kind,
      owner: this.owner,
      host: this.host,
      port: this.port,
      boundPort: this.boundPort,
      boundAddress: this.boundAddress,
      target: this.target,
      connected: this.connected,
      state: this.state,
      error: this.error,
      lastError: this.lastError,
      kernel: this.kernel,
      note: this.note,
      datagramsIn: this.datagramsIn,
      bytesIn: this.bytesIn,
      datagramsOut: this.datagramsOut,
      bytesOut: this.bytesOut,
      peers,
      peersEvicted: this.peersEvicted,
      datagrams,
    };
    return this.view;
  }
}
