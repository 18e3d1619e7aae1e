import type { Engine } from '../core/engine.js';
import { ephemeralRange, getOsContext } from '../core/osProbe.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import type { ListenerView, Snapshot } from '../state/types.js';
import type { LabRunRecord } from './labStatus.js';

// What a guided lab is, and its texts: the shape every lab in guidedLabs.ts and queueLabs.ts
// fills in, the catalogue keys its texts live under, and the run record it returns.

export interface LabStep {
  text: MessageKey;
  /** Where its Python lives in the catalogues (each language comments it in its own words). */
  pythonKey: MessageKey;
  /** The Python socket call this step corresponds to, in the current language (its comments). */
  readonly python: string;
}

/** What a lab's answer is filled from: the live state, no sockets. */
export interface AnswerContext {
  snap: Snapshot;
  listener: ListenerView | null;
}

export interface RunContext extends AnswerContext {
  engine: Engine;
}

export interface GuidedLab {
  id: string;
  steps: LabStep[];
  /**
   * Performs the steps on the live dashboard, on sockets of the lab's own (the selected
   * listener only gives the host). Returns what it started; the rest happens on events.
   */
  run(ctx: RunContext): LabRunRecord;
  /** The run's status line, from the snapshot now. */
  status(run: LabRunRecord, snap: Snapshot): string;
  /** Two columns to compare side by side at the top of the panel, once it ran (lab 3d). */
  compare?(snap: Snapshot): { left: string[]; right: string[]; note: string } | null;
  /** Values for the answer text, read from this machine. */
  answerVars(ctx: AnswerContext): Record<string, string | number>;
}

export const key = (id: string, part: string) => `lab.${id}.${part}` as MessageKey;

/** Step `n` of lab `id`: its text and its Python, both from the catalogue of the moment. */
export const step = (id: string, n: number): LabStep => ({
  text: key(id, `step${n}`),
  pythonKey: key(id, `py${n}`),
  get python() {
    return t(key(id, `py${n}`));
  },
});

/** The facts of this machine the lab texts quote: files under /proc, read once, not per frame. */
let machine: { limit: number; range: [number, number] | null } | null = null;
export const machineFacts = () =>
  (machine ??= {
    limit: getOsContext().unprivilegedPortStart ?? 1024,
    range: ephemeralRange(),
  });
export const labTitle = (l: GuidedLab) => t(key(l.id, 'title'));
export const labText = (
  l: GuidedLab,
  part: 'observe' | 'question' | 'answer' | 'wrong',
  vars: Record<string, string | number> = {},
) => t(key(l.id, part), { limit: machineFacts().limit, ...vars });

/**
 * Where the common answer goes wrong, or null when a lab has none: its catalogue entry is
 * then only a dash, which must not be shown as if it were the text.
 */
export function labWrong(lab: GuidedLab): string | null {
  const wrong = labText(lab, 'wrong');
  return /[\p{L}\p{N}]/u.test(wrong) ? wrong : null;
}

export function labStepText(step: LabStep): string {
  return t(step.text);
}

export const lastOwned = (snap: Snapshot, id: string) =>
  snap.listeners.filter((l) => l.owner?.lab === id).at(-1);

export const record = (
  lab: string,
  start: { owner: LabRunRecord['owner']; released: number },
  listener: number | null,
  extra: Partial<LabRunRecord> = {},
): LabRunRecord => ({
  lab,
  owner: start.owner,
  listener,
  released: { lab, count: start.released },
  time: Date.now(),
  ...extra,
});
