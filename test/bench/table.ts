import type { Row, Target } from './summary.js';

function num(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '—';
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** The human-readable report. */
export function formatTable(
  header: string,
  rows: Row[],
  targets: Target[],
  wallS: number,
  spent: string,
): string {
  const lines = [header, ''];
  const w = [44, 12, 12, 7];
  lines.push(
    `${''.padEnd(w[0])}${'baseline'.padStart(w[1])}${'socklab'.padStart(w[2])}${'ratio'.padStart(w[3])}  unit`,
  );
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push(section);
    }
    lines.push(
      `  ${r.label.padEnd(w[0] - 2)}${num(r.baseline).padStart(w[1])}${num(r.socklab).padStart(w[2])}${(r.ratio === null ? '—' : r.ratio.toFixed(2)).padStart(w[3])}  ${r.unit}`,
    );
  }
  lines.push('', 'Targets');
  for (const t of targets) lines.push(`  ${t.pass ? '✓' : '✗'} ${t.text.padEnd(54)} ${t.measured}`);
  lines.push('', `bench wall time ${wallS.toFixed(0)} s (${spent})`);
  return `${lines.join('\n')}\n`;
}
