import type { Socket } from 'node:net';
import nodeOs from 'node:os';
import type { ConnRec } from '../state/records.js';
import type { Store } from '../state/store.js';
import { CloseWitness } from './closeReason.js';
import { makeError, toErrorInfo } from './errorInfo.js';
import { type FixedReader, readFixed } from './fixedReader.js';
import type { OsContext } from './osProbe.js';
import type { PauseOutcome } from './outcomes.js';
import { peerGone } from './peerGone.js';
import { ReadPause } from './readPause.js';
import { WRITE_BOUND } from './writeBound.js';

export interface ConnContext {
  store: Store;
  os: OsContext;
  bufferSize(): number;
  /** Whether to write every read back (a listener's echo mode). */
  echo(): boolean;
  /** Whether the connection stays open for writing after the peer's FIN (half-open mode). */
  halfOpen(): boolean;
  onClosed(handle: ConnHandle): void;
}

/** A proxied socket's reads go to the other leg instead of the store alone (src/proxy). */
export interface ConnRelay {
  /** One read, already recorded: forward it. */
  read(chunk: Buffer): void;
  /** Whether to read now: no while the other leg is backed up (it calls resumeReading()). */
  canRead(): boolean;
  /** The peer's FIN came: forward it. */
  fin(): void;
}

/**
 * One live socket, accepted or dialled, and everything it does recorded in the store.
 * The same code serves both ends so a client's reads look exactly like a server's.
 */
export class ConnHandle {
  private serving = false;
  private readonly ends = new CloseWitness();
  private reader: FixedReader | null = null;
  /** Past WRITE_BOUND: waiting for 'drain'. */
  private blocked = false;
  /** What waits for 'drain' (a repeated send's next writes). Dropped at close. */
  private readonly afterDrain = new Set<() => void>();
  private readonly pause: ReadPause;
  /** Set before serve() for a proxy's leg. */
  relay: ConnRelay | null = null;

  constructor(
    readonly rec: ConnRec,
    readonly socket: Socket,
    private readonly ctx: ConnContext,
  ) {
    this.pause = new ReadPause(rec, socket, ctx.store);
    socket.on('end', () => this.onEnd());
    socket.on('error', (err) => this.onError(err));
    socket.on('close', () => this.onClose());
    socket.on('drain', () => this.onDrain());
  }

  /** Open for writing (not destroyed, no FIN sent). */
  get writable(): boolean {
    return !this.socket.destroyed && this.socket.writable;
  }

  /** Held writes passed WRITE_BOUND: feed this socket nothing more until 'drain'. */
  get writeBlocked(): boolean {
    return this.blocked;
  }

  /** Call `fn` once, when a blocked socket drains (never if it closes first). */
  whenDrained(fn: () => void): void {
    this.afterDrain.add(fn);
  }

  /** Echo state may have changed (e.g. echo turned off while blocked): read if allowed. */
  resumeReading(): void {
    this.reader?.resume();
  }

  /** Stop reading (a server that stops calling recv()), or read again. */
  pauseReading(on: boolean): PauseOutcome {
    const outcome = this.pause.set(on);
    if (outcome === 'resumed') this.reader?.resume();
    return outcome;
  }

  /** Start reading (for a queued connection: the moment the lab's loop would `accept()` it). */
  serve(): void {
    if (this.serving || this.socket.destroyed) return;
    this.serving = true;
    const { store, bufferSize } = this.ctx;
    const echoes = () => this.rec.kind === 'accepted' && this.ctx.echo();
    const relay = this.relay;
    this.reader = readFixed(
      this.socket,
      bufferSize,
      (chunk, burst) => {
        store.recordRead(this.rec, chunk, burst);
        if (relay) relay.read(chunk);
        else if (echoes()) this.write(chunk);
      },
      // An echo reads no faster than its peer takes the echoed bytes back.
      () => !this.pause.paused && (relay ? relay.canRead() : !(this.blocked && echoes())),
    );
  }

  /**
   * Write now (even when blocked: callers that repeat ask writeBlocked first). `quiet`: counted
   * but not an event (a proxy's forwarded chunk: its read on the other leg tells it).
   */
  write(bytes: Uint8Array, quiet = false): boolean {
    const s = this.socket;
    if (s.destroyed || !s.writable) return false;
    s.write(bytes, (err) => {
      // Counted once in the kernel. Node calls back a write still in flight at destroy
      // without an error although it never went out: not counted either.
      if (err || s.destroyed) return;
      this.ctx.store.recordWrite(this.rec, bytes.length, bytes, quiet);
      if (this.blocked) this.ctx.store.writeWaiting(this.rec, s.writableLength);
    });
    // writableNeedDrain: a 'drain' is sure to come (always so past the high-water mark).
    if (!this.blocked && s.writableLength >= WRITE_BOUND && s.writableNeedDrain) {
      this.blocked = true;
      this.ctx.store.writeWaiting(this.rec, s.writableLength);
    }
    return true;
  }

  private onDrain(): void {
    if (!this.blocked) return;
    const waiting = [...this.afterDrain];
    this.unblock();
    for (const fn of waiting) fn();
    this.reader?.resume();
  }

  private unblock(): void {
    this.afterDrain.clear();
    if (!this.blocked) return;
    this.blocked = false;
    this.ctx.store.writeWaiting(this.rec, null);
  }

  /** Send FIN; the other direction stays open. */
  halfClose(): void {
    if (this.socket.destroyed || this.socket.writableEnded) return;
    this.ends.finFrom('local');
    this.socket.end();
    // After FIN nothing more can be written and no 'drain' comes: stop waiting for one.
    this.unblock();
    this.ctx.store.connState(
      this.rec,
      { state: 'half-closed' },
      {
        type: 'half-closed',
        connection: this.rec.id,
      },
    );
    this.reader?.resume();
  }

  /** Graceful close: FIN after pending writes, then release the socket. */
  close(): void {
    if (this.socket.destroyed) return;
    this.ends.finFrom('local');
    if (this.socket.writableEnded) this.socket.destroy();
    else this.socket.end(() => this.socket.destroy());
    // A peer that never reads its side must not keep us half-open forever. Cleared at
    // close: under churn, 2 s of pending timers would keep thousands of sockets alive.
    const socket = this.socket;
    const force = setTimeout(() => socket.destroy(), 2000).unref();
    socket.once('close', () => clearTimeout(force));
  }

  /** Abandon a connect that has not completed: no connection yet, so neither FIN nor RST. */
  abort(): void {
    this.socket.destroy();
  }

  /** Abort with RST. */
  reset(): void {
    if (this.socket.destroyed) return;
    this.ends.rstFrom('local');
    this.ctx.store.emit({ type: 'reset', connection: this.rec.id, by: 'local' });
    this.socket.resetAndDestroy();
  }

  private onEnd(): void {
    if (this.resetByPeer()) return this.peerReset();
    const { store } = this.ctx;
    this.ends.finFrom('peer');
    const state = this.rec.state === 'half-closed' ? 'half-closed' : 'peer-half-closed';
    store.connState(this.rec, { state }, { type: 'peer-closed', connection: this.rec.id });
    this.relay?.fin();
    if (this.socket.writableEnded) return this.close();
    // Like the lab's server: recv() returned b'', so the loop breaks and the socket closes.
    // In half-open mode it stays writable until the user closes it.
    if (this.rec.kind === 'accepted' && !this.relay && !this.ctx.halfOpen()) this.close();
  }

  /**
   * Whether the EOF Node reported was an RST. When the reset came before libuv read (e.g.
   * before accept), the bytes that came first are still there to read; libuv reads them and,
   * the read being short with EPOLLHUP set, reports EOF without the read that would have
   * returned ECONNRESET. The kernel still knows: a reset socket has no peer name any more.
   */
  private resetByPeer(): boolean {
    const gone = this.socket.writableEnded ? null : peerGone(this.socket);
    // getpeername failed at accept: the connection was in CLOSE already, which a FIN alone
    // never leaves it in.
    return gone ?? (this.rec.kind === 'accepted' && this.rec.peer.address === '');
  }

  /** The reset libuv's EOF hid, told as Node tells one it read: ECONNRESET, then close. */
  private peerReset(): void {
    const errno = -(nodeOs.constants.errno.ECONNRESET ?? 0);
    this.onError(makeError('ECONNRESET', 'read ECONNRESET', { syscall: 'read', errno }));
    this.socket.destroy();
  }

  private onError(err: NodeJS.ErrnoException): void {
    const { store, os } = this.ctx;
    const { peer } = this.rec;
    // A peer whose address the OS could not give is "that address", not ":0".
    const where = peer.address === '' ? {} : { host: peer.address, port: peer.port };
    const info = toErrorInfo(err, { ...where, os });
    if (this.rec.state === 'connecting') {
      // Before connect, the client's own 'client-error' event tells it (see client.ts).
    } else if (err.code === 'ECONNRESET') {
      this.ends.rstFrom('peer');
      store.emit({ type: 'reset', connection: this.rec.id, by: 'peer' });
    } else {
      store.emit({ type: 'connection-error', connection: this.rec.id, ...info });
    }
    store.connState(this.rec, { error: info });
    store.addError(
      this.rec.kind === 'client' ? 'client' : 'connection',
      `${this.rec.kind === 'client' ? 'client' : 'connection'} #${this.rec.id}`,
      info,
    );
  }

  private onClose(): void {
    const r = this.rec;
    this.afterDrain.clear();
    this.pause.stop();
    r.heldUnread = null;
    if (this.blocked) {
      this.blocked = false;
      r.writeWaiting = null;
    }
    const state = this.ends.reset ? 'reset' : r.error ? 'error' : 'closed';
    const reason = this.ends.reason(r.error);
    this.ctx.store.connState(
      r,
      { state, closeReason: reason, closedAt: Date.now(), queuePosition: null },
      {
        type: 'closed',
        connection: r.id,
        reason,
        ...(reason === 'error' && r.error ? { code: r.error.code } : {}),
        bytesIn: r.bytesIn,
        bytesOut: r.bytesOut,
        reads: r.reads,
      },
    );
    this.ctx.onClosed(this);
  }
}
