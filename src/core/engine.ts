import { KernelWatch } from '../kernel/kernelWatch.js';
import { defaultSource } from '../kernel/linuxSource.js';
import type { KernelSource } from '../kernel/types.js';
import { Proxies } from '../proxy/proxies.js';
import type { ConnRec } from '../state/records.js';
import type { Store } from '../state/store.js';
import type { LabOwner, Mode } from '../state/types.js';
import { UdpEngine } from '../udp/udpEngine.js';
import { dial } from './client.js';
import type { ConnHandle } from './connection.js';
import { closeOwned } from './labSockets.js';
import { ListenerHandle } from './listener.js';
import { getOsContext, type OsContext } from './osProbe.js';
import type {
  CloseListenerOutcome,
  CloseOutcome,
  Gone,
  HalfCloseOutcome,
  ListenerModeOutcome,
  NoDelayOutcome,
  PauseOutcome,
  ResetOutcome,
  RetryOutcome,
  SendOutcome,
} from './outcomes.js';
import type { SendOptions } from './sendRepeated.js';
import { sendRepeated } from './sendRepeated.js';

export const MIN_BUFFER = 1;
export const MAX_BUFFER = 65_536;

export interface LabOptions {
  echo?: boolean;
  connectTimeoutMs?: number;
  maxConnections?: number;
  os?: OsContext;
  /** Where the kernel's view of the sockets comes from (default: /proc on Linux). */
  kernel?: KernelSource;
}

export interface OwnedOptions {
  /** The guided lab run this socket belongs to: shown on screen, closed by releaseLab(). */
  owner?: LabOwner;
}

export interface ListenOptions extends OwnedOptions {
  /**
   * Bind once this settles, not at once: after an earlier close freed the port, or when the
   * port is known only then (a number: bind that port; null: do not bind, close instead).
   */
  wait?: Promise<number | null | undefined>;
  /** Keep accepted connections writable after the peer's FIN (see setHalfOpen). */
  halfOpen?: boolean;
  /** A proxy's listener: it serves what it accepts (src/proxy). */
  accepted?: (handle: ConnHandle) => void;
}

export type { SendOptions } from './sendRepeated.js';

/**
 * Every action the user can take on sockets. The UI and the CLI call these; what happens
 * is recorded in the store. Each returns a code saying what it did (src/core/outcomes.ts),
 * so a key pressed on something already closed is told so.
 */
export class Engine {
  private readonly listeners = new Map<number, ListenerHandle>();
  private readonly conns = new Map<number, ConnHandle>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly os: OsContext;
  private readonly echoDefault: boolean;
  private readonly connectTimeoutMs: number;
  private readonly maxConnections: number;
  private readonly labRuns = new Map<string, number>();
  /** The kernel's view (src/kernel): sampled only while something asks for it. */
  readonly kernel: KernelWatch;
  /** `--proxy`: listeners that relay each connection to a target, with faults (src/proxy). */
  readonly proxies: Proxies;
  /** UDP sockets and clients (src/udp). */
  readonly udp: UdpEngine;

  constructor(
    readonly store: Store,
    options: LabOptions = {},
  ) {
    this.os = options.os ?? getOsContext();
    this.echoDefault = options.echo ?? false;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    this.maxConnections = options.maxConnections ?? 1000;
    this.kernel = new KernelWatch(store, options.kernel ?? defaultSource());
    this.proxies = new Proxies(this, this.conns, this.os, this.connectTimeoutMs);
    this.udp = new UdpEngine(store, this.os, this.kernel.source);
  }

  listen(host: string, port: number, options: ListenOptions = {}): number {
    const rec = this.store.addListener(host, port, this.echoDefault);
    if (options.owner) this.store.listenerState(rec, { owner: options.owner });
    if (options.halfOpen) this.store.listenerState(rec, { halfOpen: true });
    const handle = new ListenerHandle(rec, {
      store: this.store,
      os: this.os,
      bufferSize: () => this.store.bufferSize,
      mode: () => this.store.mode,
      maxConnections: this.maxConnections,
      holder: (address, port) => this.kernel.holder(address, port),
      register: (h) => this.conns.set(h.rec.id, h),
      unregister: (h) => this.conns.delete(h.rec.id),
      accepted: options.accepted,
    });
    this.listeners.set(rec.id, handle);
    if (!options.wait) handle.start();
    else {
      const start = (port?: number | null) => {
        if (rec.state !== 'starting') return; // closed while waiting: stay closed
        if (port === null) return void handle.close();
        if (port !== undefined) this.store.listenerState(rec, { port });
        handle.start();
      };
      options.wait.then(start, () => start());
    }
    return rec.id;
  }

  retryListener(id: number): RetryOutcome {
    const l = this.listeners.get(id);
    if (!l) return 'not-found';
    if (l.rec.state === 'listening') return 'already-listening';
    if (l.rec.state === 'starting') return 'already-starting';
    l.start();
    return 'started';
  }

  closeListener(id: number): CloseListenerOutcome {
    const l = this.listeners.get(id);
    if (!l) return 'not-found';
    if (l.rec.state === 'closed') return 'already-closed';
    if (l.rec.state === 'failed') return 'not-listening';
    void l.close();
    return 'closed';
  }

  setEcho(id: number, on: boolean): ListenerModeOutcome {
    const l = this.listeners.get(id);
    if (!l) return 'not-found';
    if (l.rec.echo === on) return 'set';
    this.store.listenerState(l.rec, { echo: on }, { type: 'echo-changed', listener: id, echo: on });
    // Echo off: a connection that had stopped reading for a shut window reads again.
    for (const h of l.handles) h.resumeReading();
    return 'set';
  }

  /**
   * Half-open mode for listener `id`: after the peer's FIN its accepted connections stay open
   * for writing until the user closes them. Off (the default), they close as the lab's loop
   * does when recv() returns b''. It applies from the next FIN: nothing already waiting closes.
   */
  setHalfOpen(id: number, on: boolean): ListenerModeOutcome {
    const l = this.listeners.get(id);
    if (!l) return 'not-found';
    if (l.rec.halfOpen === on) return 'set';
    this.store.listenerState(
      l.rec,
      { halfOpen: on },
      { type: 'half-open-changed', listener: id, halfOpen: on },
    );
    return 'set';
  }

  setBufferSize(bytes: number): void {
    const n = Math.round(bytes);
    if (!(n >= MIN_BUFFER && n <= MAX_BUFFER)) {
      throw new RangeError(`buffer size ${bytes} is outside ${MIN_BUFFER}–${MAX_BUFFER} bytes`);
    }
    this.store.setBufferSize(n);
  }

  setMode(mode: Mode): void {
    this.store.setMode(mode);
    for (const l of this.listeners.values()) l.pump();
  }

  connect(host: string, port: number, options: OwnedOptions = {}): number {
    const handle = dial(host, port, {
      store: this.store,
      os: this.os,
      bufferSize: () => this.store.bufferSize,
      connectTimeoutMs: this.connectTimeoutMs,
      register: (h) => this.conns.set(h.rec.id, h),
      unregister: (h) => this.conns.delete(h.rec.id),
    });
    if (options.owner) this.store.connState(handle.rec, { owner: options.owner });
    return handle.rec.id;
  }

  /** A new run of guided lab `lab`: what it opens carries this owner. */
  beginLabRun(lab: string): LabOwner {
    const run = (this.labRuns.get(lab) ?? 0) + 1;
    this.labRuns.set(lab, run);
    return { lab, run };
  }

  /** The latest run of guided lab `lab`, if it ran. */
  lastLabRun(lab: string): LabOwner | null {
    const run = this.labRuns.get(lab);
    return run ? { lab, run } : null;
  }

  /**
   * Close everything earlier runs of guided lab `lab` left open: its listeners (their queued
   * connections die with them), its clients and the connections they made. Returns how many
   * sockets were open, and when they are all closed.
   */
  releaseLab(lab: string): { closed: number; done: Promise<void> } {
    const waits = [
      ...closeOwned(lab, this.listeners.values(), this.conns.values()),
      ...this.udp.release(lab),
    ];
    return { closed: waits.length, done: Promise.all(waits).then(() => {}) };
  }

  /**
   * Write to any open connection, a client or an accepted one; `repeat` times, `intervalMs`
   * apart. Repeats respect the peer's window: while the connection is blocked (WRITE_BOUND)
   * they wait for 'drain' instead of piling up in memory, and all of them go out in the end.
   */
  send(id: number, bytes: Uint8Array, options: SendOptions = {}): SendOutcome {
    const h = this.conns.get(id);
    if (!h || h.socket.destroyed) return this.gone(id);
    // Node would hold the bytes until connect() completes, and drop them if it fails.
    if (h.rec.state === 'connecting') return 'connecting';
    if (!h.writable) return 'already-half-closed';
    sendRepeated(h, bytes, options, this.timers);
    return 'sent';
  }

  setNoDelay(id: number, on: boolean): NoDelayOutcome {
    const h = this.conns.get(id);
    if (!h || h.socket.destroyed) return this.gone(id);
    h.socket.setNoDelay(on);
    this.store.connState(h.rec, { noDelay: on });
    return 'set';
  }

  /** Stop or start reading connection `id`: the kernel's flow control, made visible. */
  pauseReading(id: number, on: boolean): PauseOutcome {
    const h = this.conns.get(id);
    if (!h || h.socket.destroyed) return this.gone(id);
    return h.pauseReading(on);
  }

  halfClose(id: number): HalfCloseOutcome {
    const h = this.conns.get(id);
    if (!h || h.socket.destroyed) return this.gone(id);
    // A FIN before the handshake would go out only once connected; and 'connect' would then
    // mark it open again.
    if (h.rec.state === 'connecting') return 'connecting';
    if (h.socket.writableEnded) return 'already-half-closed';
    const closing = h.rec.state === 'peer-half-closed';
    h.halfClose();
    return closing ? 'closing' : 'fin-sent';
  }

  close(id: number): CloseOutcome {
    const h = this.conns.get(id);
    if (!h || h.socket.destroyed) return this.gone(id);
    if (h.rec.state === 'connecting') {
      // end() would wait for the handshake and then send FIN: abandon the connect instead.
      h.abort();
      return 'aborted';
    }
    const finWasSent = h.socket.writableEnded;
    h.close();
    return finWasSent ? 'fin-was-sent' : 'fin-sent';
  }

  reset(id: number): ResetOutcome {
    const h = this.conns.get(id);
    if (!h || h.socket.destroyed) return this.gone(id);
    if (h.rec.state === 'connecting') {
      // resetAndDestroy() would wait for the handshake to reset it: there is nothing to reset yet.
      h.abort();
      return 'aborted';
    }
    h.reset();
    return 'rst-sent';
  }

  /** No live socket for `id`: closed (the store still lists it) or never known / evicted. */
  private gone(id: number): Gone {
    return this.store.connections.has(id) ? 'already-closed' : 'not-found';
  }

  /** Bytes handed to a connection's socket that the kernel has not taken yet (Node's writableLength). */
  heldBytes(id: number): number | null {
    return this.conns.get(id)?.socket.writableLength ?? null;
  }

  connection(id: number): ConnRec | undefined {
    return this.conns.get(id)?.rec;
  }

  /** Close every listener and socket; resolves when all are gone. */
  async closeAll(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    this.kernel.stop();
    const servers = [...this.listeners.values()].map((l) => l.close());
    const closing = [...this.conns.values()].map(
      (h) =>
        new Promise<void>((resolve) => {
          if (h.socket.destroyed) return resolve();
          h.socket.once('close', () => resolve());
          h.socket.destroy();
        }),
    );
    await Promise.all([...closing, ...servers, this.udp.closeAll()]);
    this.store.flush();
    this.store.stop();
  }
}
