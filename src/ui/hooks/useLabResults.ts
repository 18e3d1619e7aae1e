import { useEffect } from 'react';
import { withResults } from '../../report/labResults.js';
import type { Snapshot } from '../../state/types.js';
import type { UiState } from '../uiState.js';

/**
 * On each snapshot drawn, freeze into the lab runs' records what a run that just showed
 * its result shows: the report tells each run as it was, not as a later run left it.
 * `current` reads the newest UI state (keys may have changed it since this render).
 */
export function useLabResults(
  snap: Snapshot,
  labsDone: UiState['labsDone'],
  current: () => UiState,
  set: (patch: Partial<UiState>) => void,
): void {
  useEffect(() => {
    const before = current().labsDone;
    const after = withResults(before, snap);
    if (after !== before) set({ labsDone: after });
  }, [snap, labsDone, current, set]);
}
