// The engine's UDP side: sockets that wait for datagrams (-u, the prompt, a lab) and clients
// that send them. The Engine holds one; its commands reach it as udp* (thread/commands.ts).
import type { OsContext } from '../core/osProbe.js';
import type { KernelSource } from '../kernel/types.js';
import type { Store } from '../state/store.js';
import type { LabOwner } from '../state/types.js';
import { UdpKernel } from './udpKernel.js';
import { UdpHandle } from './udpSocket.js';

export type UdpSendOutcome = 'sent' | 'not-open' | 'not-found';
export type UdpCloseOutcome = 'closed' | 'already-closed' | 'not-found';

export interface UdpOpenOptions {
  owner?: LabOwner;
}

export interface UdpClientOptions extends UdpOpenOptions {
  /** connect() the socket to the target: the kernel then reports ICMP errors (ECONNREFUSED). */
  connect?: boolean;
  /** Sent once bound (and connected). */
  send?: Uint8Array;
}

export class UdpEngine {
  private readonly handles = new Map<number, UdpHandle>();
  /** /proc/net/udp: own sockets' queues and drops; the ports view's UDP rows. */
  readonly kernel: UdpKernel;

  constructor(
    private readonly store: Store,
    private readonly os: OsContext,
    source: KernelSource,
  ) {
    this.kernel = new UdpKernel(store.udp, source);
  }

  private handle(kind: 'socket' | 'client', host: string, port: number, owner?: LabOwner) {
    const { store } = this;
    const rec = store.udp.add(kind, host, port);
    if (owner) rec.owner = owner;
    const h = new UdpHandle(rec, {
      book: store.udp,
      os: this.os,
      addError: (k, subject, error, note) =>
        store.addError(k, subject, error, (note ?? null) as Parameters<Store['addError']>[3]),
      holder: (address, port) => this.kernel.holder(address, port),
    });
    this.handles.set(rec.id, h);
    this.kernel.watch();
    return h;
  }

  /** A socket bound to `host`:`port` that records every datagram it gets. */
  open(host: string, port: number, options: UdpOpenOptions = {}): number {
    const h = this.handle('socket', host, port, options.owner);
    h.start();
    return h.rec.id;
  }

  /** A client socket (ephemeral port) that sends to `host`:`port`. */
  client(host: string, port: number, options: UdpClientOptions = {}): number {
    const local = host.includes(':') ? '::' : '0.0.0.0';
    const h = this.handle('client', local, 0, options.owner);
    h.rec.target = { address: host, port };
    h.start(() => {
      if (options.connect) {
        h.connect(host, port);
        if (options.send) {
          const bytes = options.send;
          // send() before connect() completes would throw ERR_SOCKET_DGRAM_NOT_CONNECTED.
          h.socket?.once('connect', () => h.send(bytes, null));
        }
      } else if (options.send) h.send(options.send, { address: host, port });
    });
    return h.rec.id;
  }

  /** One datagram from socket `id`: to its target (client), or to `to` when given. */
  send(id: number, bytes: Uint8Array, to?: { address: string; port: number }): UdpSendOutcome {
    const h = this.handles.get(id);
    if (!h) return 'not-found';
    if (h.rec.state !== 'listening') return 'not-open';
    const dest = to ?? (h.rec.connected ? null : h.rec.target);
    if (dest === null && !h.rec.connected) return 'not-open';
    h.send(bytes, dest);
    return 'sent';
  }

  close(id: number): UdpCloseOutcome {
    const h = this.handles.get(id);
    if (!h) return 'not-found';
    if (!h.rec.isOpen) return 'already-closed';
    void h.close();
    return 'closed';
  }

  /** Close what guided lab `lab` opened. */
  release(lab: string): Promise<void>[] {
    const out: Promise<void>[] = [];
    for (const h of this.handles.values()) {
      if (h.rec.owner?.lab === lab && h.rec.isOpen) out.push(h.close());
    }
    return out;
  }

  closeAll(): Promise<void> {
    this.kernel.stop();
    return Promise.all([...this.handles.values()].map((h) => h.close())).then(() => {});
  }
}
