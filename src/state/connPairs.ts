import type { ConnRec } from './records.js';

/**
 * Links the two ends of one TCP connection when socklab holds both — its own client and the
 * connection its listener accepted — so each view can name the other. Both ends share the
 * connection's 4-tuple; whichever end is recorded first waits here for the other.
 */
export class ConnPairs {
  private readonly waiting = new Map<string, ConnRec>();

  /** Call once both endpoints of `c` are known. */
  add(c: ConnRec): void {
    if (!c.local.port) return;
    const key = tupleKey(c);
    const other = this.waiting.get(key);
    if (other && other.kind !== c.kind) {
      c.linked = other;
      other.linked = c;
      other.dirty = true;
      this.waiting.delete(key);
    } else {
      this.waiting.set(key, c);
    }
  }

  /** `c` closed: a later connection may reuse its 4-tuple, so it no longer waits for a partner. */
  closed(c: ConnRec): void {
    const key = tupleKey(c);
    if (this.waiting.get(key) === c) this.waiting.delete(key);
  }

  /** `c` left the store: its partner's view must stop naming it. */
  evicted(c: ConnRec): void {
    if (!c.linked) return;
    c.linked.linked = null;
    c.linked.dirty = true;
  }
}

/** The connection's 4-tuple seen from the client's side: both ends of one TCP connection share it. */
function tupleKey(c: ConnRec): string {
  const [client, server] = c.kind === 'client' ? [c.local, c.peer] : [c.peer, c.local];
  return `${client.address}|${client.port}|${server.address}|${server.port}`;
}
