import type { LabOwner } from '../state/types.js';
import type { ConnHandle } from './connection.js';
import type { ListenerHandle } from './listener.js';

/**
 * Close the TCP sockets guided lab `lab` opened: its listeners (their queued connections die
 * with them), its clients and the connections they made. One promise per socket, settled
 * when it is closed.
 */
export function closeOwned(
  lab: string,
  listeners: Iterable<ListenerHandle>,
  conns: Iterable<ConnHandle>,
): Promise<void>[] {
  const mine = (o: LabOwner | null) => o?.lab === lab;
  const waits: Promise<void>[] = [];
  for (const l of listeners) {
    if (mine(l.rec.owner) && (l.rec.state === 'listening' || l.rec.state === 'starting')) {
      waits.push(l.close());
    }
  }
  for (const h of [...conns]) {
    if (!mine(h.rec.owner) && !mine(h.rec.linked?.owner ?? null)) continue;
    if (h.socket.destroyed) continue;
    waits.push(new Promise<void>((resolve) => h.socket.once('close', () => resolve())));
    h.close();
  }
  return waits;
}
