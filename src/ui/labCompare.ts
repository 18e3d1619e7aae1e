import type { Run } from '../format/wrapText.js';
import { wrapRuns } from '../format/wrapText.js';
import type { LabLine, LineStyle } from './labLines.js';

/** Cut or pad `s` to exactly `n` cells (the texts here are escaped: one cell a character). */
function fit(s: string, n: number): string {
  const chars = [...s];
  if (chars.length > n) return `${chars.slice(0, Math.max(0, n - 1)).join('')}…`;
  return s + ' '.repeat(n - chars.length);
}

/**
 * Two columns side by side ("TCP … │ UDP …"), then a note wrapped under them: a lab's live
 * comparison (3d), drawn above its text so it is in view while the result comes.
 */
export function compareLines(
  cmp: { left: string[]; right: string[]; note: string },
  width: number,
  style: { head: LineStyle; body: LineStyle; note: LineStyle },
): LabLine[] {
  const half = Math.max(4, Math.floor((width - 3) / 2));
  const out: LabLine[] = [];
  const rows = Math.max(cmp.left.length, cmp.right.length);
  for (let i = 0; i < rows; i++) {
    const s = i === 0 ? style.head : style.body;
    const row = `${fit(cmp.left[i] ?? '', half)} │ ${fit(cmp.right[i] ?? '', half)}`;
    out.push([{ text: row.trimEnd(), style: s }]);
  }
  const note: Run<LineStyle>[] = [{ text: cmp.note, style: style.note }];
  out.push(...wrapRuns(note, width));
  return out;
}
