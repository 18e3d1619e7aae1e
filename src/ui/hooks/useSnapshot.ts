import { useSyncExternalStore } from 'react';
import type { Snapshot } from '../../state/types.js';

/** Where snapshots come from: the engine link, or a store in a pane test. */
export interface SnapshotSource {
  subscribe(fn: () => void): () => void;
  getSnapshot(): Snapshot;
}

/** The current snapshot; re-renders at most once per published snapshot (~25/s). */
export function useSnapshot(source: SnapshotSource): Snapshot {
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
