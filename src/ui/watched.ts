import type { Snapshot } from '../state/types.js';
import type { Selection } from './selection.js';
import type { UiState } from './uiState.js';

/** The whole listener's reads merge this many of its connections, the most recent. */
const LISTENER_SCOPE = 32;

/**
 * The connections whose reads the screen draws: the selected connection (or, in the whole
 * listener's scope, its newest ones), the selected client, and the guided labs' own (their
 * status reads them). In id order, so the same set is the same list.
 */
export function watchedConnections(snap: Snapshot, ui: UiState, sel: Selection): number[] {
  const ids = new Set<number>();
  if (ui.readsScope === 'listener') {
    for (const c of sel.connections.slice(-LISTENER_SCOPE)) ids.add(c.id);
  } else if (sel.connection) ids.add(sel.connection.id);
  if (sel.client) ids.add(sel.client.id);
  for (const c of snap.connections) if (c.owner !== null) ids.add(c.id);
  return [...ids].sort((a, b) => a - b);
}
