// The UDP sockets the store knows: it records, the engine's UDP side (udpEngine.ts) calls.
// Every change is an event in the store's one order (datagrams included: NDJSON, report).
import type { EngineEventInput } from '../state/types.js';
import { DATAGRAM_PREVIEW, type UdpCaps, UdpSocketRec } from './udpRecords.js';
import type { UdpKind, UdpSocketView } from './udpTypes.js';

export class UdpBook {
  readonly sockets = new Map<number, UdpSocketRec>();
  private nextId = 1;
  private views: readonly UdpSocketView[] = [];
  private listed = true;

  constructor(
    private readonly emit: (e: EngineEventInput) => void,
    /** The buffer size now: recvfrom(N) is computed with it. */
    private readonly bufferSize: () => number,
    /** A change without an event (the kernel's queues): still news for the next frame. */
    private readonly touch: () => void = () => {},
    private readonly caps: UdpCaps = { peers: 64, datagrams: 100 },
  ) {}

  add(kind: UdpKind, host: string, port: number): UdpSocketRec {
    const rec = new UdpSocketRec(this.nextId++, kind, host, port, this.caps);
    this.sockets.set(rec.id, rec);
    this.listed = true;
    return rec;
  }

  /** Change a record; `event` (if any) is emitted after, so a tap sees the new state. */
  change(rec: UdpSocketRec, patch: Partial<UdpSocketRec>, event?: EngineEventInput): void {
    Object.assign(rec, patch);
    rec.dirty = true;
    this.listed = true;
    if (event) this.emit(event);
    else this.touch();
  }

  datagram(rec: UdpSocketRec, msg: Uint8Array, from: { address: string; port: number }): void {
    const buffer = this.bufferSize();
    const bytes = msg.length;
    const kept = Math.min(bytes, buffer);
    // A copy: Node's Buffer for the message may be a slice of a pooled one.
    const preview = Uint8Array.prototype.slice.call(msg, 0, DATAGRAM_PREVIEW);
    const time = Date.now();
    const at = { address: from.address, port: from.port };
    rec.received({ time, from: at, bytes, buffer, preview });
    this.listed = true;
    this.emit({
      type: 'datagram',
      socket: rec.id,
      from: at,
      bytes,
      buffer,
      kept,
      discarded: bytes - kept,
      preview,
    });
  }

  sent(rec: UdpSocketRec, to: { address: string; port: number }, bytes: number): void {
    rec.sent(bytes);
    this.listed = true;
    this.emit({
      type: 'udp-sent',
      socket: rec.id,
      to: { address: to.address, port: to.port },
      bytes,
    });
  }

  /** The views, the same array while nothing changed (the delta sends it only then). */
  list(): readonly UdpSocketView[] {
    if (!this.listed) return this.views;
    this.listed = false;
    this.views = [...this.sockets.values()].map((s) => s.toView());
    return this.views;
  }
}
