import type { Snapshot } from '../state/types.js';
import type { Selection } from './selection.js';
import type { UiState } from './uiState.js';

/** The whole listener's reads merge this many of its connections, those that read last. */
const LISTENER_SCOPE = 32;

/**
 * The connections whose reads the screen draws: the selected connection (or, in the whole
 * listener's scope, the ones that read last), the selected client, and the guided labs' own (their
 * status reads them). In id order, so the same set is the same list.
 */
export function watchedConnections(snap: Snapshot, ui: UiState, sel: Selection): number[] {
  const ids = new Set<number>();
  if (ui.readsScope === 'listener') {
    // The newest reads of the listener are among those of the connections that read last.
    const recent = [...sel.connections, ...sel.legs.values()]
      .filter((c) => c.lastReadSeq > 0)
      .sort((a, b) => b.lastReadSeq - a.lastReadSeq)
      .slice(0, LISTENER_SCOPE);
    for (const c of recent) ids.add(c.id);
  } else if (sel.connection) {
    ids.add(sel.connection.id);
    // A proxied connection's timeline shows its other leg's reads too.
    const partner = sel.connection.proxy?.partner;
    if (partner != null) ids.add(partner);
  }
  if (sel.client) ids.add(sel.client.id);
  for (const c of snap.connections) if (c.owner !== null) ids.add(c.id);
  return [...ids].sort((a, b) => a - b);
}
