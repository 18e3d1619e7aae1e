// One node:dgram socket and its record: bind, receive, send, connect, close. Node hands every
// datagram over whole ('message' = one datagram, rinfo.size its size): there is no receive
// size, so what recvfrom(N) would do is computed from it (udpBook, recvfrom.ts).
import dgram from 'node:dgram';
import net from 'node:net';
import { toErrorInfo } from '../core/errorInfo.js';
import type { OsContext } from '../core/osProbe.js';
import { portNote } from '../core/portNotes.js';
import type { ErrorInfo, PortHolder, PortNote } from '../state/types.js';
import type { UdpBook } from './udpBook.js';
import type { UdpSocketRec } from './udpRecords.js';

export interface UdpContext {
  book: UdpBook;
  os: OsContext;
  /** The errors pane: a bind error, a send error, a note. */
  addError(
    kind: 'bind' | 'client' | 'note',
    subject: string,
    error: ErrorInfo | null,
    note?: unknown,
  ): void;
  /** Who holds a port a bind found in use (the kernel's view), or null. */
  holder?(address: string, port: number): PortHolder | null;
}

const udpNote = (n: PortNote | null): PortNote | null => (n ? { ...n, udp: true } : null);

/** udp6 for an IPv6 address (or a host in brackets' clothing), else udp4. */
export const udpType = (host: string): 'udp4' | 'udp6' =>
  net.isIPv6(host) || host.includes(':') ? 'udp6' : 'udp4';

export class UdpHandle {
  socket: dgram.Socket | null = null;
  private closing: Promise<void> | null = null;

  constructor(
    readonly rec: UdpSocketRec,
    private readonly ctx: UdpContext,
  ) {}

  private subject(): string {
    return `udp #${this.rec.id}`;
  }

  private info(err: unknown, port: number): ErrorInfo {
    const host = this.rec.target?.address ?? this.rec.host;
    return { ...toErrorInfo(err, { host, port, os: this.ctx.os }), udp: true };
  }

  /** Bind `host`:`port` (port 0: any free one); `then` once bound. */
  start(then?: () => void): void {
    const { book } = this.ctx;
    const { rec } = this;
    // No reuseAddr: a second socket on the same port is EADDRINUSE, as in the lab's Python.
    const s = dgram.createSocket({ type: udpType(rec.host), reuseAddr: false });
    this.socket = s;
    let bound = false;
    s.on('message', (msg, rinfo) => book.datagram(rec, msg, rinfo));
    s.on('error', (err) => {
      if (!bound) return this.failed(err);
      // After the bind: an ICMP error a connected socket learned (ECONNREFUSED on recvmsg).
      const info = this.info(err, rec.target?.port ?? rec.boundPort ?? 0);
      book.change(rec, { lastError: info }, { type: 'udp-error', socket: rec.id, ...info });
      this.ctx.addError('client', this.subject(), info);
    });
    s.once('listening', () => {
      bound = true;
      const a = s.address();
      const note =
        rec.kind === 'socket' ? udpNote(portNote(a.port, this.ctx.os, rec.host, a.address)) : null;
      book.change(
        rec,
        { state: 'listening', boundPort: a.port, boundAddress: a.address, family: a.family, note },
        {
          type: 'udp-listening',
          socket: rec.id,
          kind: rec.kind,
          address: a.address,
          port: a.port,
          note,
        },
      );
      if (note) this.ctx.addError('note', this.subject(), null, note);
      then?.();
    });
    s.bind(rec.port, rec.host);
  }

  private failed(err: unknown): void {
    const { rec } = this;
    this.socket = null;
    const info = this.info(err, rec.port);
    const at = { address: info.address ?? rec.host, port: info.port ?? rec.port };
    const holder = info.code === 'EADDRINUSE' ? this.ctx.holder?.(at.address, at.port) : undefined;
    const full = { ...info, ...at, ...(holder !== undefined && { holder }) };
    this.ctx.book.change(
      rec,
      { state: 'failed', error: full },
      { type: 'udp-bind-error', socket: rec.id, ...full },
    );
    this.ctx.addError('bind', this.subject(), full);
  }

  /** connect(): fixes the peer, so the kernel hands this socket the ICMP errors about it. */
  connect(host: string, port: number): void {
    const s = this.socket;
    if (!s) return;
    s.connect(port, host, () => {
      const local = s.address();
      const peer = s.remoteAddress();
      this.ctx.book.change(
        this.rec,
        { connected: true, target: { address: peer.address, port: peer.port } },
        {
          type: 'udp-connected',
          socket: this.rec.id,
          local: { address: local.address, port: local.port },
          peer: { address: peer.address, port: peer.port },
        },
      );
    });
  }

  /** One sendto() = one datagram; `to` null on a connected socket (send()). */
  send(bytes: Uint8Array, to: { address: string; port: number } | null): void {
    const s = this.socket;
    if (!s) return;
    const { book } = this.ctx;
    const dest = to ?? this.rec.target ?? { address: '', port: 0 };
    const done = (err: Error | null) => {
      if (!err) return book.sent(this.rec, dest, bytes.length);
      const info = { ...this.info(err, dest.port), host: dest.address };
      book.change(
        this.rec,
        { lastError: info },
        { type: 'udp-error', socket: this.rec.id, ...info },
      );
      this.ctx.addError('client', this.subject(), info);
    };
    try {
      if (to) s.send(bytes, to.port, to.address, done);
      else s.send(bytes, done);
    } catch (err) {
      done(err as Error); // a bad port or a socket not connected: thrown, not called back
    }
  }

  close(): Promise<void> {
    if (this.closing) return this.closing;
    const s = this.socket;
    const { rec } = this;
    const end = () => {
      if (rec.state !== 'failed') {
        this.ctx.book.change(rec, { state: 'closed' }, { type: 'udp-closed', socket: rec.id });
      }
    };
    this.closing = new Promise<void>((resolve) => {
      if (!s) {
        end();
        return resolve();
      }
      s.close(() => {
        end();
        resolve();
      });
    });
    return this.closing;
  }
}
