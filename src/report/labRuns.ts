import type { Snapshot } from '../state/types.js';

/**
 * One `g` of a guided lab, as the report needs it: when it ran, and the ids the store was
 * about to give at that moment. Everything with an id at or above them, up to the next
 * run's (of any lab), was opened while this run was the latest one.
 */
export interface LabRunMark {
  readonly time: number;
  readonly next: { readonly listener: number; readonly connection: number };
}

/** A lab opened this session: whether its answer was shown and each time it was run. */
export interface LabDone {
  readonly id: string;
  readonly answered: boolean;
  readonly runs?: readonly LabRunMark[];
}

/** Runs of one lab kept for the report (a class may run one again and again). */
export const RUNS_KEPT = 20;

/** `done` with a run of lab `id` noted, taken from the snapshot just before `g` ran it. */
export function labRan(done: readonly LabDone[], id: string, before: Snapshot): LabDone[] {
  const maxId = (xs: readonly { id: number }[]) => xs.reduce((m, x) => Math.max(m, x.id), 0);
  const run: LabRunMark = {
    time: Date.now(),
    next: { listener: maxId(before.listeners) + 1, connection: maxId(before.connections) + 1 },
  };
  const list = done.some((d) => d.id === id) ? done : [...done, { id, answered: false }];
  return list.map((d) =>
    d.id === id ? { ...d, runs: [...(d.runs ?? []), run].slice(-RUNS_KEPT) } : d,
  );
}
