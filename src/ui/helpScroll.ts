import type { ActionContext } from './actions.js';
import { helpScrollMax } from './components/HelpOverlay.js';
import type { Action } from './keymap.js';
import { layoutFor } from './layout.js';

/** ↑↓ a row, PgUp/PgDn a page of the help overlay, within its text. */
export function scrollHelp(action: Action, ctx: ActionContext): void {
  const { columns, rows } = ctx.size;
  const L = layoutFor(columns, rows);
  const height = L.top + L.middle + L.bottom;
  const page = Math.max(1, height - 4);
  const step =
    { 'help-scroll-up': -1, 'help-scroll-down': 1, 'help-page-up': -page }[action as string] ??
    page;
  const max = helpScrollMax(columns, height);
  ctx.set({ helpScroll: Math.min(max, Math.max(0, ctx.ui.helpScroll + step)) });
}
