import { type Run, wrapRuns } from '../format/wrapText.js';
import { t } from '../i18n/i18n.js';
import { type GuidedLab, labStepText, labText, labWrong } from '../labs/guidedLabs.js';

import type { Snapshot } from '../state/types.js';
import { compareLines } from './labCompare.js';
import { theme } from './theme.js';

export interface LineStyle {
  color?: string;
  bold?: boolean;
}

/** One row of the lab panel: styled pieces that together fit its width. */
export type LabLine = Run<LineStyle>[];

// One object per style: wrapRuns merges neighbouring words of the same style object.
const PLAIN: LineStyle = {};
const CODE: LineStyle = { color: theme.accent };
const LABEL: LineStyle = { bold: true };
const ANSWER: LineStyle = { color: theme.ok };
const ANSWER_LABEL: LineStyle = { color: theme.ok, bold: true };
const WRONG: LineStyle = { color: theme.warn };
const WRONG_LABEL: LineStyle = { color: theme.warn, bold: true };
const HIDDEN: LineStyle = { color: theme.dim };

/** Step continuation rows are indented under the step's text, past its number. */
const STEP_INDENT = '   ';

/**
 * Every row of a lab's text wrapped at `width` cells (the panel's inside), and the row the
 * answer starts on (so `a` can bring it into view). Pure: the panel and its keys both use it.
 */
export function labLines(
  lab: GuidedLab,
  answer: boolean,
  snap: Snapshot,
  width: number,
): { lines: LabLine[]; answerAt: number } {
  const w = Math.max(8, width);
  const lines: LabLine[] = [];
  const add = (runs: Run<LineStyle>[]) => lines.push(...wrapRuns(runs, w));
  const cmp = lab.compare?.(snap);
  if (cmp) lines.push(...compareLines(cmp, w, { head: LABEL, body: CODE, note: HIDDEN }));
  add([{ text: labText(lab, 'observe'), style: PLAIN }]);
  lab.steps.forEach((s, i) => {
    const wrapped = wrapRuns(
      [
        { text: `${i + 1}.`, style: PLAIN },
        { text: s.python, style: CODE },
        { text: labStepText(s), style: PLAIN },
      ],
      w,
      w - STEP_INDENT.length,
    );
    wrapped.forEach((line, k) => {
      lines.push(k === 0 ? line : [{ text: STEP_INDENT, style: PLAIN }, ...line]);
    });
  });
  add([
    { text: `${t('lab.question')}:`, style: LABEL },
    { text: labText(lab, 'question'), style: PLAIN },
  ]);
  const answerAt = lines.length;
  if (answer) {
    const listener = snap.listeners.find((l) => l.state === 'listening') ?? null;
    const vars = lab.answerVars({ snap, listener });
    add([
      { text: `${t('lab.answer')}:`, style: ANSWER_LABEL },
      { text: labText(lab, 'answer', vars), style: ANSWER },
    ]);
    const wrong = labWrong(lab);
    if (wrong !== null) {
      add([
        { text: `${t('lab.wrong')}:`, style: WRONG_LABEL },
        { text: wrong, style: WRONG },
      ]);
    }
  } else {
    add([{ text: t('lab.hidden'), style: HIDDEN }]);
  }
  return { lines, answerAt };
}

export interface LabWindow {
  /** First row shown (0-based) and how many rows of text. */
  from: number;
  shown: number;
  /** The "more" row: rows below, or at the end of a text taller than the panel. */
  marker: 'more' | 'end' | null;
  /** How far the text can scroll. */
  max: number;
}

/** The rows of `count` a panel of `height` (border and title included) shows at `scroll`. */
export function labWindow(count: number, height: number, scroll: number): LabWindow {
  const room = Math.max(1, height - 3);
  if (count <= room) return { from: 0, shown: count, marker: null, max: 0 };
  const shown = Math.max(1, room - 1);
  const max = count - shown;
  const from = Math.min(Math.max(0, scroll), max);
  return { from, shown, marker: from < max ? 'more' : 'end', max };
}
