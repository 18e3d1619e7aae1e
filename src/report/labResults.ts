import { findLab } from '../labs/guidedLabs.js';
import { isResultLine } from '../labs/labStatus.js';
import type { Snapshot } from '../state/types.js';
import type { LabDone, NotedRun } from './labRuns.js';
import { observedLines } from './labsSection.js';

/** `run` with its result taken from `snap`, or `run` itself while it has none yet. */
function noted(run: NotedRun, snap: Snapshot): NotedRun {
  if (run.result) return run;
  const line = findLab(run.lab)?.status(run, snap);
  if (!line || !isResultLine(run, line)) return run;
  const lastConnection = snap.connections.reduce((m, c) => Math.max(m, c.id), 0);
  return { ...run, result: { line, observed: observedLines(snap, run), lastConnection } };
}

/**
 * `done` with every run whose result `snap` shows frozen at this moment; `done` itself
 * when none changed, so the caller can tell there is nothing to set.
 */
export function withResults(done: readonly LabDone[], snap: Snapshot): readonly LabDone[] {
  let changed = false;
  const next = done.map((d) => {
    if (!d.runs?.some((r) => !r.result)) return d;
    const runs = d.runs.map((r) => noted(r, snap));
    if (runs.every((r, i) => r === d.runs?.[i])) return d;
    changed = true;
    return { ...d, runs };
  });
  return changed ? next : done;
}
