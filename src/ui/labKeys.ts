import { findLab, GUIDED_LABS } from '../labs/guidedLabs.js';
import { labRan } from '../report/labRuns.js';
import type { ActionContext } from './actions.js';
import { labLines, labWindow } from './labLines.js';
import { layoutFor } from './layout.js';
import type { OpenLab, UiState } from './uiState.js';

/** Open a lab beside the reads and note it for the report. */
export function openLab(ui: UiState, id: string): Partial<UiState> {
  const done = ui.labsDone.some((d) => d.id === id)
    ? ui.labsDone
    : [...ui.labsDone, { id, answered: false }];
  return { lab: { id, answer: false, scroll: 0 }, labList: false, labsDone: done };
}

/** The terminal's size: where the lab panel is, so scrolling stops at its text's end. */
export interface ScreenSize {
  columns: number;
  rows: number;
}

const SCROLL_KEYS = new Set(['up', 'down', 'pageup', 'pagedown']);

/** The open lab's text as its panel lays it out, with `answer` shown or not. */
function panelWindow(open: OpenLab, answer: boolean, ctx: ActionContext, size: ScreenSize) {
  const lab = findLab(open.id);
  if (!lab) return null;
  const L = layoutFor(size.columns, size.rows);
  const { lines, answerAt } = labLines(lab, answer, ctx.snap, L.left - 2);
  return { answerAt, view: labWindow(lines.length, L.bottom, open.scroll ?? 0) };
}

/**
 * ↑↓ a row, PgUp/PgDn a page (keeping one row of the last page in view). Only while the
 * text is taller than its panel: otherwise the arrows stay the panes' selection keys.
 */
function scrollLab(name: string, open: OpenLab, ctx: ActionContext, size: ScreenSize): boolean {
  const w = panelWindow(open, open.answer, ctx, size);
  if (!w || w.view.marker === null) return false;
  const page = Math.max(1, w.view.shown - 1);
  const step = { up: -1, down: 1, pageup: -page, pagedown: page }[name] ?? 0;
  const scroll = Math.min(Math.max(0, w.view.from + step), w.view.max);
  ctx.set({ lab: { ...open, scroll } });
  return true;
}

/**
 * Keys while the lab list or a lab is open. Returns true when the key was the lab's;
 * other keys go on to the panes, so the dashboard stays usable beside a lab.
 */
export function handleLabKey(name: string, ctx: ActionContext, size: ScreenSize): boolean {
  const { ui, set } = ctx;
  if (ui.labList) {
    const n = GUIDED_LABS.length;
    if (name === 'up') set({ labIndex: (ui.labIndex - 1 + n) % n });
    else if (name === 'down') set({ labIndex: (ui.labIndex + 1) % n });
    else if (name === 'enter') set(openLab(ui, GUIDED_LABS[ui.labIndex].id));
    else if (name === 'esc' || name === 'l') set({ labList: false });
    else if (name === 'q' || name === 'ctrl-c') ctx.quit();
    return true;
  }
  const open: OpenLab | null = ui.lab;
  if (!open) return false;
  if (name === 'esc') {
    set({ lab: null });
    return true;
  }
  if (SCROLL_KEYS.has(name) && scrollLab(name, open, ctx, size)) return true;
  if (name === 'a') {
    // Revealing scrolls to the answer, so it shows even in a panel a few rows tall.
    const answer = !open.answer;
    const w = panelWindow(open, answer, ctx, size);
    const scroll = w ? Math.min(answer ? w.answerAt : w.view.from, w.view.max) : 0;
    set({
      lab: { ...open, answer, scroll },
      labsDone: ui.labsDone.map((d) => (d.id === open.id ? { ...d, answered: true } : d)),
    });
    return true;
  }
  if (name === 'g') {
    const lab = GUIDED_LABS.find((l) => l.id === open.id);
    if (!lab) return true;
    const run = lab.run({ engine: ctx.engine, snap: ctx.snap, listener: ctx.sel.listener });
    // Show the lab's own sockets: its listener, and the newest connection and client there.
    set({
      statusLive: { kind: 'lab', run },
      listenerId: run.listener ?? ui.listenerId,
      connectionId: null,
      clientId: null,
      labsDone: labRan(ui.labsDone, lab.id, run),
    });
    return true;
  }
  return false;
}
