import type { Socket } from 'node:net';
import type { ConnRec } from '../state/records.js';
import type { Store } from '../state/store.js';
import type { PauseOutcome } from './outcomes.js';

/** How often a paused connection's read-ahead is looked at: Node fills it with no event. */
const HELD_POLL_MS = 250;

/**
 * Reading paused by the user: a server that stops calling recv(). The reader asks `paused`
 * before each read; Node then fills its own buffer (readableHighWaterMark), stops reading the
 * handle, and the kernel's receive queue and window do the rest. What Node read ahead is
 * shown, since `ss` counts it as read (it left the kernel) though no program saw it.
 */
export class ReadPause {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly rec: ConnRec,
    private readonly socket: Socket,
    private readonly store: Store,
  ) {}

  get paused(): boolean {
    return this.rec.readPaused;
  }

  set(on: boolean): PauseOutcome {
    if (on === this.rec.readPaused) return on ? 'already-paused' : 'not-paused';
    const id = this.rec.id;
    if (on) {
      const held = this.socket.readableLength;
      this.store.connState(
        this.rec,
        { readPaused: true, heldUnread: held },
        { type: 'read-paused', connection: id, held },
      );
      this.timer = setInterval(() => this.look(), HELD_POLL_MS).unref();
      return 'paused';
    }
    this.stop();
    this.store.connState(
      this.rec,
      { readPaused: false, heldUnread: null },
      { type: 'read-resumed', connection: id },
    );
    return 'resumed';
  }

  /** The socket closed: nothing more to look at. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private look(): void {
    const held = this.socket.readableLength;
    if (held !== this.rec.heldUnread) this.store.connState(this.rec, { heldUnread: held });
  }
}
