import { GUIDED_LABS } from '../labs/guidedLabs.js';
import { labRan } from '../report/labRuns.js';
import type { ActionContext } from './actions.js';
import type { OpenLab, UiState } from './uiState.js';

/** Open a lab beside the reads and note it for the report. */
export function openLab(ui: UiState, id: string): Partial<UiState> {
  const done = ui.labsDone.some((d) => d.id === id)
    ? ui.labsDone
    : [...ui.labsDone, { id, answered: false }];
  return { lab: { id, answer: false }, labList: false, labsDone: done };
}

/**
 * Keys while the lab list or a lab is open. Returns true when the key was the lab's;
 * other keys go on to the panes, so the dashboard stays usable beside a lab.
 */
export function handleLabKey(name: string, ctx: ActionContext): boolean {
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
  if (name === 'a') {
    set({
      lab: { ...open, answer: !open.answer },
      labsDone: ui.labsDone.map((d) => (d.id === open.id ? { ...d, answered: true } : d)),
    });
    return true;
  }
  if (name === 'g') {
    const lab = GUIDED_LABS.find((l) => l.id === open.id);
    if (!lab) return true;
    const run = lab.run({ lab: ctx.lab, snap: ctx.snap, listener: ctx.sel.listener });
    // Show the lab's own sockets: its listener, and the newest connection and client there.
    set({
      statusLive: { kind: 'lab', run },
      listenerId: run.listener ?? ui.listenerId,
      connectionId: null,
      clientId: null,
      labsDone: labRan(ui.labsDone, lab.id, ctx.snap),
    });
    return true;
  }
  return false;
}
