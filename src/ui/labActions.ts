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

/** The open lab's text as its panel lays it out, with `answer` shown or not. */
function panelWindow(open: OpenLab, answer: boolean, ctx: ActionContext) {
  const lab = findLab(open.id);
  if (!lab) return null;
  const L = layoutFor(ctx.size.columns, ctx.size.rows);
  const { lines, answerAt } = labLines(lab, answer, ctx.snap, L.left - 2);
  return { answerAt, view: labWindow(lines.length, L.bottom, open.scroll ?? 0) };
}

export type LabScroll = 'up' | 'down' | 'pageup' | 'pagedown';

/**
 * ↑↓ a row, PgUp/PgDn a page (keeping one row of the last page in view). Only while the
 * text is taller than its panel: false otherwise, so the arrows stay the panes' selection keys.
 */
export function scrollLab(name: LabScroll, ctx: ActionContext): boolean {
  const open = ctx.ui.lab;
  const w = open && panelWindow(open, open.answer, ctx);
  if (!open || !w || w.view.marker === null) return false;
  const page = Math.max(1, w.view.shown - 1);
  const step = { up: -1, down: 1, pageup: -page, pagedown: page }[name];
  const scroll = Math.min(Math.max(0, w.view.from + step), w.view.max);
  ctx.set({ lab: { ...open, scroll } });
  return true;
}

/** Reveal or hide the answer; revealing scrolls to it, so it shows in a panel a few rows tall. */
export function toggleAnswer(ctx: ActionContext): void {
  const { ui, set } = ctx;
  const open = ui.lab;
  if (!open) return;
  const answer = !open.answer;
  const w = panelWindow(open, answer, ctx);
  const scroll = w ? Math.min(answer ? w.answerAt : w.view.from, w.view.max) : 0;
  set({
    lab: { ...open, answer, scroll },
    labsDone: ui.labsDone.map((d) => (d.id === open.id ? { ...d, answered: true } : d)),
  });
}

/** `g`: the engine runs the lab's steps; then show its own sockets and follow its status. */
export async function runOpenLab(ctx: ActionContext): Promise<void> {
  const open = ctx.ui.lab;
  if (!open || !findLab(open.id)) return;
  const run = await ctx.engine.call('runLab', open.id, ctx.sel.listener?.id ?? null);
  if (!run) return;
  const ui = ctx.current();
  ctx.set({
    statusLive: { kind: 'lab', run },
    listenerId: run.listener ?? ui.listenerId,
    connectionId: null,
    clientId: null,
    labsDone: labRan(ui.labsDone, run.lab, run),
  });
}

export function moveInLabList(ctx: ActionContext, dir: 1 | -1): void {
  const n = GUIDED_LABS.length;
  ctx.set({ labIndex: (ctx.ui.labIndex + dir + n) % n });
}

export function openChosenLab(ctx: ActionContext): void {
  ctx.set(openLab(ctx.ui, GUIDED_LABS[ctx.ui.labIndex].id));
}
