import type { LabRunRecord } from '../labs/guidedLabs.js';
import type { LabOwner } from '../state/types.js';

/**
 * What a run showed when its result came on screen, kept in the UI state (never the store):
 * its status line and the report's lines for its sockets at that moment, so a later run
 * (3b closing 3a's client) does not rewrite it.
 */
export interface LabRunResult {
  readonly line: string;
  readonly observed: readonly string[];
  /** The newest connection id then: clients accepted later are told apart. */
  readonly lastConnection: number;
}

/** One `g`, with its result once there was one. */
export type NotedRun = LabRunRecord & { readonly result?: LabRunResult };

/** A lab opened this session: whether its answer was shown and each time it was run (`g`). */
export interface LabDone {
  readonly id: string;
  readonly answered: boolean;
  readonly runs?: readonly NotedRun[];
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
