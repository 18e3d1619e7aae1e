import type { PtyRow } from './summary.js';

function num(n: number | null): string {
  if (n === null || Number.isNaN(n)) return '—';
  if (!Number.isFinite(n)) return '∞';
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** The human-readable report: every figure, issue 14's target beside it, and whether met. */
export function formatPtyTable(header: string, rows: PtyRow[], footer: string[]): string {
  const w = [62, 10, 10, 6, 7];
  const lines = [header, ''];
  lines.push(
    `${''.padEnd(w[0])}${'bare'.padStart(w[1])}${'socklab'.padStart(w[2])}${'ratio'.padStart(w[3])}  ${'unit'.padEnd(w[4])}target`,
  );
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push(section);
    }
    const met = r.met === undefined ? '' : r.met ? '  ✓ met' : '  ✗ missed';
    lines.push(
      `  ${r.label.padEnd(w[0] - 2)}${num(r.bare).padStart(w[1])}${num(r.socklab).padStart(w[2])}` +
        `${(r.ratio === null || Number.isNaN(r.ratio) ? '—' : r.ratio.toFixed(2)).padStart(w[3])}  ` +
        `${r.unit.padEnd(w[4])}${r.target ?? ''}${met}`,
    );
  }
  const judged = rows.filter((r) => r.met !== undefined);
  lines.push(
    '',
    `Targets met: ${judged.filter((r) => r.met).length} of ${judged.length}`,
    ...footer,
  );
  return `${lines.join('\n')}\n`;
}
