import type { LabRunRecord } from '../labs/guidedLabs.js';
import type { LabOwner } from '../state/types.js';

/** A lab opened this session: whether its answer was shown and each time it was run (`g`). */
export interface LabDone {
  readonly id: string;
  readonly answered: boolean;
  readonly runs?: readonly LabRunRecord[];
}

/** Runs of one lab kept for the report (a class may run one again and again). */
export const RUNS_KEPT = 20;

/** `done` with `run`, what `g` just started for lab `id`, noted for the report. */
export function labRan(done: readonly LabDone[], id: string, run: LabRunRecord): LabDone[] {
  const list = done.some((d) => d.id === id) ? done : [...done, { id, answered: false }];
  return list.map((d) =>
    d.id === id ? { ...d, runs: [...(d.runs ?? []), run].slice(-RUNS_KEPT) } : d,
  );
}

const same = (a: LabOwner | null, b: LabOwner | undefined) =>
  b !== undefined && a?.lab === b.lab && a.run === b.run;

/**
 * Whether a socket belongs to a run: the run opened it (the engine tags what a lab opens;
 * an accepted connection carries its client's tag), or the run acted on it (3b closes the
 * client that lab 3a's run is serving).
 */
export function ofRun(owner: LabOwner | null, run: LabRunRecord): boolean {
  return same(owner, run.owner) || same(owner, run.actedOn);
}
