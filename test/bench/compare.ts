/**
 * `node --import tsx test/bench/compare.ts before.json after.json`: two `npm run bench --
 * --json` outputs side by side (socklab's figure and its ratio to the baseline).
 */
import fs from 'node:fs';
import type { Row, Target } from './summary.js';

interface Report {
  rows: Row[];
  targets: Target[];
  meta: { wallS: number };
}

const [a, b] = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as Report);
if (!a || !b) {
  console.error('usage: compare.ts before.json after.json');
  process.exit(2);
}
const num = (n: number | null | undefined, d = 2) =>
  n == null || !Number.isFinite(n) ? '—' : n.toFixed(Math.abs(n) >= 100 ? 0 : d);
const key = (r: Row) => `${r.section} | ${r.label}`;
const after = new Map(b.rows.map((r) => [key(r), r]));
console.log(
  `${''.padEnd(58)}${'before'.padStart(9)}${'ratio'.padStart(7)}${'after'.padStart(9)}${'ratio'.padStart(7)}`,
);
let section = '';
for (const r of a.rows) {
  const n = after.get(key(r));
  if (r.section !== section) {
    section = r.section;
    console.log(section);
  }
  console.log(
    `  ${`${r.label} (${r.unit})`.padEnd(56)}${num(r.socklab).padStart(9)}${num(r.ratio).padStart(7)}` +
      `${num(n?.socklab).padStart(9)}${num(n?.ratio).padStart(7)}`,
  );
}
console.log('\nTargets (before → after)');
for (const t of a.targets) {
  const n = b.targets.find((x) => x.text === t.text);
  const mark = (x?: Target) => (x ? (x.pass ? '✓' : '✗') : '·');
  console.log(
    `  ${mark(t)} → ${mark(n)}  ${t.text.padEnd(54)} ${t.measured} → ${n?.measured ?? '—'}`,
  );
}
console.log(`\nwall time ${a.meta.wallS.toFixed(0)} s → ${b.meta.wallS.toFixed(0)} s`);
