import { median, percentile } from '../stats.js';
import type { PtyConnRun } from './connections.js';
import type { KeyRun } from './keys.js';
import type { PtyMemRun } from './memory.js';
import type { Side } from './servers.js';
import type { StartRun } from './start.js';
import type { PtyStreamRun } from './throughput.js';

export interface PtyResults {
  throughput: PtyStreamRun[][];
  keys: KeyRun[];
  memory: PtyMemRun[];
  connections: PtyConnRun[];
  start: StartRun | null;
}

/** One line of the table: socklab beside the bare server, and issue 14's target for it. */
export interface PtyRow {
  section: string;
  label: string;
  unit: string;
  bare: number | null;
  socklab: number | null;
  /** socklab ÷ bare (throughput: the median of the paired runs' ratios). */
  ratio: number | null;
  target?: string;
  met?: boolean;
}

const fmtN = (n: number) => n.toLocaleString('en-US');
const of = <T extends { side: Side }>(runs: readonly T[], side: Side) =>
  runs.filter((r) => r.side === side);
const sizeName = (n: number) => (n >= 1024 && n % 1024 === 0 ? `${n / 1024} KiB` : `${n} B`);

/** Runs come in bare/socklab pairs, one per repetition (order alternating). */
function pairedRatio<T extends { side: Side }>(runs: readonly T[], f: (r: T) => number): number {
  const ratios: number[] = [];
  for (let i = 0; i + 1 < runs.length; i += 2) {
    const b = runs.slice(i, i + 2).find((r) => r.side === 'bare');
    const s = runs.slice(i, i + 2).find((r) => r.side === 'socklab');
    if (b && s) ratios.push(f(s) / f(b));
  }
  return median(ratios);
}

const atMost = (limit: number, unit: string) => ({
  target: `≤ ${fmtN(limit)} ${unit}`,
  check: (v: number) => v <= limit,
});

export function ptyRows(r: PtyResults): PtyRow[] {
  const out: PtyRow[] = [];
  const push = (row: PtyRow, check?: (v: number) => boolean, on: 'socklab' | 'ratio' = 'ratio') => {
    const v = row[on];
    if (check && v !== null && Number.isFinite(v)) row.met = check(v);
    out.push(row);
  };
  for (const runs of r.throughput) {
    const n = runs[0].bufferSize;
    const reps = of(runs, 'bare').length;
    const secS = Math.min(...runs.map((x) => x.ms)) / 1000;
    const section = `Throughput N=${fmtN(n)} B, real pty 120×40 (runs ≥ ${secS.toFixed(1)} s, medians of ${reps})`;
    const min = n === 5 ? 0.7 : 0.9;
    const m = (side: Side, f: (x: PtyStreamRun) => number) => median(of(runs, side).map(f));
    const row = (label: string, unit: string, f: (x: PtyStreamRun) => number): PtyRow => ({
      section,
      label,
      unit,
      bare: m('bare', f),
      socklab: m('socklab', f),
      ratio: pairedRatio(runs, f),
    });
    push({ ...row('MiB/s', 'MiB/s', (x) => x.mibPerS), target: `ratio ≥ ${min}` }, (v) => v >= min);
    push(row('reads/s', 'k/s', (x) => x.readsPerS / 1000));
    push(row('CPU-seconds per GiB (server process)', 's/GiB', (x) => x.cpuSPerGB));
    push({ ...row('terminal (xterm) CPU-s per run', 's', (x) => x.terminalCpuS), ratio: null });
  }
  if (r.keys.length) {
    const section = 'Key → screen: `?` until the help overlay is on the pty screen';
    for (const k of r.keys) {
      const when = k.stream === null ? 'idle' : `during a stream, N=${sizeName(k.stream)}`;
      for (const p of [50, 95]) {
        const v = percentile(k.latencyMs, p);
        const during = k.stream !== null && p === 95;
        const row: PtyRow = {
          section,
          label: `p${p}, ${when} (${k.latencyMs.length} presses${k.missed ? `, ${k.missed} missed` : ''})`,
          unit: 'ms',
          bare: null,
          socklab: k.missed && p === 95 ? Number.POSITIVE_INFINITY : v,
          ratio: null,
        };
        if (during) {
          const t = atMost(100, 'ms');
          row.target = t.target;
          row.met = k.missed === 0 && t.check(v);
        }
        out.push(row);
      }
      if (k.streamMiBPerS !== null) {
        out.push({
          section,
          label: `  stream meanwhile, N=${sizeName(k.stream as number)}`,
          unit: 'MiB/s',
          bare: null,
          socklab: k.streamMiBPerS,
          ratio: null,
        });
      }
    }
  }
  if (r.memory.length) memoryRows(r.memory, out);
  if (r.connections.length) connectionRows(r.connections, out);
  if (r.start) {
    const section = 'Start';
    const first = median(r.start.firstFrameMs);
    const t = atMost(300, 'ms');
    out.push({
      section,
      label: `spawn → first frame, node dist/cli.js (median of ${r.start.firstFrameMs.length})`,
      unit: 'ms',
      bare: null,
      socklab: first,
      ratio: null,
      target: t.target,
      met: t.check(first),
    });
    out.push({
      section,
      label: 'spawn → listener #1 shown listening',
      unit: 'ms',
      bare: null,
      socklab: median(r.start.listeningMs),
      ratio: null,
    });
    if (r.start.npmStartMs.length) {
      const npm = median(r.start.npmStartMs);
      const tn = atMost(1500, 'ms');
      out.push({
        section,
        label: `npm start → first frame, nothing changed (median of ${r.start.npmStartMs.length})`,
        unit: 'ms',
        bare: null,
        socklab: npm,
        ratio: null,
        target: tn.target,
        met: tn.check(npm),
      });
    }
  }
  return out;
}

function memoryRows(runs: PtyMemRun[], out: PtyRow[]): void {
  const section = 'Memory, N=5: RSS (VmRSS) and heap, no GC forced; churn 100 in flight';
  const point = (side: Side, label: string) => {
    const p = of(runs, side).flatMap((x) => x.points.filter((q) => q.label === label));
    return p.length
      ? { rss: median(p.map((q) => q.rssMiB)), closed: median(p.map((q) => q.closed)) }
      : null;
  };
  const labels = runs[0].points.map((p) => p.label);
  for (const label of labels) {
    const b = point('bare', label);
    const s = point('socklab', label);
    const closed = Math.max(b?.closed ?? 0, s?.closed ?? 0);
    const cut = label.endsWith('closed') && runs.some((x) => x.cutShort);
    const row: PtyRow = {
      section,
      label: `RSS, ${label}${cut ? ` (cut short by time: ${fmtN(closed)} closed)` : ''}`,
      unit: 'MiB',
      bare: b?.rss ?? null,
      socklab: s?.rss ?? null,
      ratio: b && s ? s.rss / b.rss : null,
    };
    if (label === labels[labels.length - 1] && label.endsWith('closed') && b && s) {
      row.target = `≤ bare + 76 MiB (80 MB: ${(b.rss + 76).toFixed(0)})`;
      row.met = s.rss <= b.rss + 76;
    }
    out.push(row);
    const heap = of(runs, 'socklab').flatMap((x) =>
      x.points.filter((q) => q.label === label && q.heapMiB !== undefined),
    );
    if (heap.length) {
      const h = median(heap.map((q) => q.heapMiB as number));
      out.push({
        section,
        label: `  heap used, ${label}`,
        unit: 'MiB',
        bare: null,
        socklab: h,
        ratio: null,
      });
    }
  }
  const s100k = point('socklab', '100k closed');
  const last = point('socklab', labels[labels.length - 1]);
  if (s100k && last && labels.length > 3) {
    const growth = (last.rss / s100k.rss - 1) * 100;
    out.push({
      section,
      label: `RSS growth, 100k closed → ${labels[labels.length - 1]}`,
      unit: '%',
      bare: null,
      socklab: growth,
      ratio: null,
      target: '±10 %',
      met: Math.abs(growth) <= 10,
    });
  }
  const rate = (side: Side) =>
    median(
      of(runs, side).map(
        (x) =>
          x.churn.reduce((a, l) => a + l.connections, 0) /
          (x.churn.reduce((a, l) => a + l.ms, 0) / 1000),
      ),
    );
  const b = rate('bare');
  const s = rate('socklab');
  out.push({
    section,
    label: 'connect–send–close churn',
    unit: 'conn/s',
    bare: b,
    socklab: s,
    ratio: s / b,
    target: 'ratio ≥ 0.8',
    met: s / b >= 0.8,
  });
}

function connectionRows(runs: PtyConnRun[], out: PtyRow[]): void {
  const section = 'Connections held open (50 connecting at a time), a message every 10 ms';
  const bare = runs.find((x) => x.side === 'bare');
  const lab = runs.find((x) => x.side === 'socklab');
  const levels = (lab ?? bare)?.levels.map((l) => l.open) ?? [];
  for (const open of levels) {
    const b = bare?.levels.find((l) => l.open === open);
    const s = lab?.levels.find((l) => l.open === open);
    const at = fmtN(open);
    const pair = (
      label: string,
      unit: string,
      f: (l: (typeof lab & {})['levels'][number]) => number,
    ) => {
      const bv = b ? f(b) : null;
      const sv = s ? f(s) : null;
      out.push({
        section,
        label,
        unit,
        bare: bv,
        socklab: sv,
        ratio: bv !== null && sv !== null ? sv / bv : null,
      });
    };
    pair(`${at}: opened until all shown open`, 'conn/s', (l) => l.openPerS);
    pair(`${at}: RSS`, 'MiB', (l) => l.rssMiB);
    if (!s) continue;
    if (s.heapMiB !== undefined) {
      out.push({
        section,
        label: `${at}: heap used`,
        unit: 'MiB',
        bare: null,
        socklab: s.heapMiB,
        ratio: null,
      });
    }
    const frames = s.frameMs ?? [];
    for (const p of [50, 95]) {
      const v = percentile(frames, p);
      const row: PtyRow = {
        section,
        label: `${at}: frame (probe: task that drew it) p${p}, ${frames.length} frames`,
        unit: 'ms',
        bare: null,
        socklab: v,
        ratio: null,
      };
      if (p === 95) {
        row.target = '≤ 16 ms';
        row.met = v <= 16;
      }
      out.push(row);
    }
    const gaps = s.updateGapMs ?? [];
    for (const p of [50, 95]) {
      out.push({
        section,
        label: `${at}: between screen updates of the counters p${p}`,
        unit: 'ms',
        bare: null,
        socklab: percentile(gaps, p),
        ratio: null,
      });
    }
  }
}
