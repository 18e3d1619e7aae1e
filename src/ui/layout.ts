export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface Layout {
  left: number;
  right: number;
  full: number;
  top: number;
  middle: number;
  bottom: number;
}

/**
 * Pane sizes for a terminal. Header 2 rows, prompt/status 1, footer 1, and one row kept
 * free: Ink 6 clears and redraws the whole screen when a frame is as tall as the terminal.
 */
export function layoutFor(columns: number, rows: number): Layout {
  const panes = rows - 5;
  const top = Math.max(6, Math.floor(panes * 0.26));
  const middle = Math.max(6, Math.floor(panes * 0.34));
  const left = Math.floor(columns * 0.6);
  return { left, right: columns - left, full: columns, top, middle, bottom: panes - top - middle };
}
