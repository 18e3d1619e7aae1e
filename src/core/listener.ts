import fs from 'node:fs';
import net from 'node:net';
import nodeOs from 'node:os';
import type { ListenerRec } from '../state/records.js';
import type { Store } from '../state/store.js';
import type { Mode, PortHolder } from '../state/types.js';
import { type ConnContext, ConnHandle } from './connection.js';
import { makeError, toErrorInfo } from './errorInfo.js';
import type { OsContext } from './osProbe.js';
import { portNote } from './portNotes.js';

/**
 * Connections the kernel completes and holds for accept() while this process is busy (the
 * kernel caps it at net.core.somaxconn). Node's default, 511, overflowed under a connection
 * storm whenever a frame kept the thread for ~25 ms: the kernel then drops SYNs and clients
 * wait a second to retry. Sequential mode is unaffected: socklab accepts every connection and
 * queues it itself.
 */
export const LISTEN_BACKLOG = 4096;

/** A connection's peer when getpeername(2) failed at accept: no address, no port. */
const NO_PEER = { address: '', port: 0 } as const;

export interface ListenerContext {
  store: Store;
  os: OsContext;
  bufferSize(): number;
  mode(): Mode;
  maxConnections: number;
  /** Who holds a port, for an EADDRINUSE (the kernel's view). */
  holder?(address: string, port: number): PortHolder | null;
  register(handle: ConnHandle): void;
  unregister(handle: ConnHandle): void;
  /** A proxy's: it serves each accepted connection itself, once its target answers. */
  accepted?(handle: ConnHandle): void;
}

/**
 * One `net.Server`. Connections are accepted paused so that in sequential mode they can
 * wait, as in the lab's blocking accept loop, in a FIFO until the one being served closes.
 */
export class ListenerHandle {
  private server: net.Server | null = null;
  private readonly served = new Set<ConnHandle>();
  private readonly queue: ConnHandle[] = [];
  /** Out of file descriptors was reported; not again until one can be opened. */
  private outOfFds = false;

  constructor(
    readonly rec: ListenerRec,
    private readonly ctx: ListenerContext,
  ) {}

  start(): void {
    const { store, os } = this.ctx;
    const { rec } = this;
    const server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true });
    this.server = server;
    store.listenerState(rec, {
      state: 'starting',
      error: null,
      note: null,
      boundPort: null,
      boundAddress: null,
    });
    server.on('error', (err) => {
      if (this.server !== server) return; // closed while the bind was pending
      if (rec.state === 'listening') this.acceptError(err);
      else this.failed(err);
    });
    server.on('listening', () => {
      if (this.server !== server) return; // closed while pending: close() shuts it
      const addr = server.address() as net.AddressInfo;
      const note = portNote(addr.port, os, rec.host, addr.address);
      store.listenerState(
        rec,
        {
          state: 'listening',
          boundPort: addr.port,
          boundAddress: addr.address,
          note,
          backlog: LISTEN_BACKLOG,
        },
        { type: 'listening', listener: rec.id, address: addr.address, port: addr.port, note },
      );
      if (note) store.addError('note', `listener #${rec.id}`, null, note);
    });
    server.on('connection', (socket) => this.accept(socket));
    try {
      server.listen({ host: rec.host, port: rec.port, backlog: LISTEN_BACKLOG });
    } catch (err) {
      // A bad port throws synchronously (ERR_SOCKET_BAD_PORT) instead of emitting 'error'.
      this.failed(err);
    }
  }

  /** Stop accepting. Connections already accepted stay, as with the lab's closed server socket. */
  close(): Promise<void> {
    const server = this.server;
    this.server = null;
    const done = new Promise<void>((resolve) => {
      if (!server) return resolve();
      if (server.listening) return void server.close(() => resolve());
      // listen() is still resolving the host (async even for an IP): close it once bound.
      server.once('listening', () => server.close(() => resolve()));
      server.once('error', () => resolve());
    });
    // Connections still waiting for accept() die with the listening socket, as in the kernel.
    for (const h of this.queue.splice(0)) h.reset();
    if (this.rec.state !== 'closed' && this.rec.state !== 'failed') {
      this.ctx.store.listenerState(
        this.rec,
        { state: 'closed' },
        { type: 'listener-closed', listener: this.rec.id },
      );
    }
    return done;
  }

  get handles(): ConnHandle[] {
    return [...this.served, ...this.queue];
  }

  /** Serve whatever the current mode allows (after a close, or a switch to concurrent). */
  pump(): void {
    while (this.queue.length > 0 && (this.ctx.mode() === 'concurrent' || this.served.size === 0)) {
      const next = this.queue.shift() as ConnHandle;
      this.served.add(next);
      // One half-closed (f) while it waited stays half-closed.
      const state = next.rec.state === 'queued' ? 'open' : next.rec.state;
      this.ctx.store.connState(
        next.rec,
        { state, queuePosition: null },
        { type: 'dequeued', connection: next.rec.id, listener: this.rec.id },
      );
      next.serve();
    }
    this.renumberQueue();
  }

  private accept(socket: net.Socket): void {
    const { store, mode } = this.ctx;
    const { rec } = this;
    // Taken now: a peer that reset (RST) before this accept() leaves getpeername(2) ENOTCONN,
    // and no later moment would know it either. Null: the OS could not say.
    const address = socket.remoteAddress;
    const peer = address === undefined ? null : { address, port: socket.remotePort ?? 0 };
    if (rec.open >= this.ctx.maxConnections) {
      rec.refused++;
      const cap = this.ctx.maxConnections;
      store.listenerState(rec, {}, { type: 'refused', listener: rec.id, peer, cap });
      socket.destroy();
      return;
    }
    this.checkDescriptors();
    const c = store.addConnection('accepted', rec, null);
    store.setEndpoints(
      c,
      { address: socket.localAddress ?? '?', port: socket.localPort ?? 0 },
      peer ?? NO_PEER,
      socket.remoteFamily ?? '',
    );
    const handle = new ConnHandle(c, socket, this.connContext());
    this.ctx.register(handle);
    store.emit({
      type: 'accepted',
      connection: c.id,
      listener: rec.id,
      peer,
      local: c.local,
      client: c.linked?.id ?? null,
    });
    if (this.ctx.accepted) {
      this.served.add(handle);
      return this.ctx.accepted(handle);
    }
    if (mode() === 'sequential' && this.served.size > 0) {
      this.queue.push(handle);
      store.connState(
        c,
        { state: 'queued', queuePosition: this.queue.length },
        {
          type: 'queued',
          connection: c.id,
          listener: rec.id,
          position: this.queue.length,
        },
      );
      this.renumberQueue();
      return;
    }
    this.served.add(handle);
    handle.serve();
  }

  private connContext(): ConnContext {
    return {
      store: this.ctx.store,
      os: this.ctx.os,
      bufferSize: this.ctx.bufferSize,
      echo: () => this.rec.echo,
      halfOpen: () => this.rec.halfOpen,
      onClosed: (h) => {
        this.served.delete(h);
        const i = this.queue.indexOf(h);
        if (i >= 0) this.queue.splice(i, 1);
        this.ctx.unregister(h);
        this.pump();
      },
    };
  }

  private renumberQueue(): void {
    const { store } = this.ctx;
    this.queue.forEach((h, i) => {
      if (h.rec.queuePosition !== i + 1) store.connState(h.rec, { queuePosition: i + 1 });
    });
    if (this.rec.queued !== this.queue.length) {
      store.listenerState(this.rec, { queued: this.queue.length });
    }
  }

  private failed(err: unknown): void {
    const { store, os } = this.ctx;
    const { rec } = this;
    this.server = null;
    const info = toErrorInfo(err, { host: rec.host, port: rec.port, os });
    const at = { address: info.address ?? rec.host, port: info.port ?? rec.port };
    const holder = info.code === 'EADDRINUSE' ? this.ctx.holder?.(at.address, at.port) : undefined;
    const full = { ...info, ...at, ...(holder !== undefined && { holder }) };
    store.listenerState(
      rec,
      { state: 'failed', error: full },
      {
        type: 'bind-error',
        listener: rec.id,
        ...full,
      },
    );
    store.addError('bind', `listener #${rec.id}`, full);
  }

  /**
   * Out of descriptors, libuv accepts and at once closes every new connection (its "EMFILE
   * trick") and reports nothing to JavaScript. So after each accept, try to open one more
   * descriptor: when that fails, the next connections will be dropped — say so, once.
   */
  private checkDescriptors(): void {
    let fd: number;
    try {
      fd = fs.openSync(nodeOs.devNull, 'r');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code === 'EMFILE' || code === 'ENFILE') && !this.outOfFds) {
        this.outOfFds = true;
        const errno = -(nodeOs.constants.errno[code] ?? 0);
        this.acceptError(makeError(code, `accept ${code}`, { syscall: 'accept', errno }));
      }
      return;
    }
    fs.closeSync(fd);
    this.outOfFds = false;
  }

  private acceptError(err: unknown): void {
    const { store, os } = this.ctx;
    const info = toErrorInfo(err, { host: this.rec.host, port: this.rec.boundPort ?? 0, os });
    // An event too, so headless output and the log show it (e.g. EMFILE), not only the pane.
    store.emit({ type: 'accept-error', listener: this.rec.id, ...info });
    store.addError('bind', `listener #${this.rec.id} accept`, info);
  }
}
