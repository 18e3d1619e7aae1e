import { useSyncExternalStore } from 'react';
import type { Store } from '../../state/store.js';
import type { Snapshot } from '../../state/types.js';

/** The store's current snapshot; re-renders at most once per store flush (~30/s). */
export function useSnapshot(store: Store): Snapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
