/**
 * `npm run bench -- --inproc [--json] [--reps N] [--only throughput,connections,memory,latency,frames,session]
 *  [--react prod|dev] [--cycles N] [--cpu-prof DIR] [--side socklab|bare]
 *  [--node-arg FLAG]… [--ink-caches unbounded] [--ink-output per-frame]`
 *
 * The in-process bench (the default until the real-CLI bench, pty/run.ts): the engine and the
 * dashboard rendered into a null terminal, in the bench's own scenario processes.
 * socklab against a bare node:net server doing the same reads, loopback only. Every
 * scenario runs in a fresh process (spawnScenario.ts); every sender in another (sender.ts).
 * Prints a table (or, with --json, JSON) of medians over --reps runs (default 3).
 *
 * --cpu-prof DIR writes a V8 profile of every scenario process into DIR (summarize them with
 * test/bench/profileSummary.ts); --side runs throughput for one side only, so its profile
 * holds that side alone.
 *
 * React: `prod` (default) loads React's production build, as socklab should run; `dev`
 * is what socklab ran before it chose the production build (kept to show the difference).
 */
import os from 'node:os';
import type { LatencyRun } from './latency.js';
import type { MemRun } from './memory.js';
import type { SessionPoint } from './session.js';
import { spawnScenario } from './spawnScenario.js';
import { percentile } from './stats.js';
import { type Results, rows, type Target, targets } from './summary.js';
import { formatTable } from './table.js';
import type { StreamRun } from './throughput.js';
import { transpileBench } from './transpile.js';

const argv = process.argv.slice(2).filter((a) => a !== '--inproc');
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const json = argv.includes('--json');
const reps = Number(opt('reps') ?? 3);
const cycles = Number(opt('cycles') ?? 100_000);
const only = new Set((opt('only') ?? 'throughput,connections,memory,latency').split(','));
const react = opt('react') ?? 'prod';
const cpuProf = opt('cpu-prof');
const execArgv = cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : [];
// e.g. --node-arg --max-semi-space-size=4: V8 settings for the scenario processes.
argv.forEach((a, i) => {
  if (a === '--node-arg' && argv[i + 1]) execArgv.push(argv[i + 1]);
});
const side = opt('side');
const env = {
  NODE_ENV: react === 'dev' ? 'development' : 'production',
  BENCH_INK_CACHES: opt('ink-caches') ?? 'bounded',
  BENCH_INK_OUTPUT: opt('ink-output') ?? 'kept',
};

/** A 200 MB run lasts 0.1–0.3 s here, and a shared machine's speed drifts by more than the
 *  gap being measured: many short pairs give a steadier median ratio than a few. */
const THROUGHPUT_PAIRS = 11;

const THROUGHPUT = [
  { bufferSize: 65_536, bytes: 200e6 },
  { bufferSize: 1024, bytes: 200e6 },
  { bufferSize: 5, bytes: 20e6 },
];

const log = (s: string) => {
  if (!json) process.stderr.write(`${s}\n`);
};

const loadAtStart = os.loadavg()[0];

async function main(): Promise<void> {
  const t0 = performance.now();
  const build = transpileBench();
  try {
    await runAll(build.dir, t0);
  } finally {
    build.remove();
  }
}

async function runAll(dir: string, t0: number): Promise<void> {
  const failures: Target[] = [];
  /** One scenario process; a failure is reported as a missed target, not a crash. */
  const seconds: Record<string, number> = {};
  const spawn = async <T>(name: string, args: object, timeoutS: number): Promise<T | null> => {
    const t = performance.now();
    try {
      return await spawnScenario<T>(dir, name, args, env, timeoutS * 1000, execArgv);
    } catch (err) {
      failures.push({ text: `${name} ran to the end`, measured: String(err), pass: false });
      log(`  ✗ ${String(err)}`);
      return null;
    } finally {
      seconds[name] = (seconds[name] ?? 0) + (performance.now() - t) / 1000;
    }
  };
  const results: Results = { throughput: [], memory: [], latency: [] };
  if (only.has('throughput')) {
    for (const t of THROUGHPUT) {
      log(`throughput N=${t.bufferSize} …`);
      const tReps = Math.max(reps, THROUGHPUT_PAIRS);
      const runs = await spawn<StreamRun[]>(
        'throughput',
        { ...t, reps: tReps, side },
        60 + 30 * tReps,
      );
      if (runs) results.throughput.push(runs);
    }
  }
  if (only.has('connections')) {
    log('connections …');
    const c = await spawn<NonNullable<Results['connections']>>(
      'connections',
      { reps },
      90 + 45 * reps,
    );
    if (c) results.connections = c;
  }
  if (only.has('frames')) {
    // Not in the default set: for `--cpu-prof` of the dashboard's frames alone.
    log('frames …');
    const f = await spawn<number[][]>('frames', { reps }, 60 + 30 * reps);
    if (f) {
      const all = f.flat();
      const at = (p: number) => percentile(all, p);
      log(`  ${all.length} frames: p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms`);
    }
  }
  if (only.has('session')) {
    // Not in the default set (~2 min): memory over 2,000 frames, each with new text.
    log('session …');
    const points = await spawn<SessionPoint[]>('session', { frames: 2000 }, 300);
    for (const p of points ?? []) {
      log(
        `  ${p.frames} frames, ${p.messages} messages: heap ${p.heapMiB.toFixed(1)} MB, RSS ${p.rssMiB.toFixed(0)} MB`,
      );
    }
  }
  if (only.has('memory')) {
    for (let i = 0; i < reps; i++) {
      for (const side of i % 2 ? ['socklab', 'bare'] : ['bare', 'socklab']) {
        log(`memory ${side} ${i + 1}/${reps} …`);
        const m = await spawn<MemRun>('memory', { side, cycles }, 30 + cycles / 1000);
        if (m) results.memory.push(m);
      }
    }
  }
  if (only.has('latency')) {
    log('latency …');
    results.latency = (await spawn<LatencyRun[]>('latency', { reps }, 30 + 15 * reps)) ?? [];
  }
  const wallS = (performance.now() - t0) / 1000;
  const table = rows(results);
  const checks = [...targets(results, table), ...failures];
  const load = [loadAtStart, os.loadavg()[0]];
  if (json) {
    const cpus = os.cpus().length;
    const meta = { node: process.version, cpus, react, reps, cycles, wallS, seconds, load };
    process.stdout.write(`${JSON.stringify({ meta, rows: table, targets: checks, results })}\n`);
    return;
  }
  const header =
    `socklab bench — Node ${process.version}, ${os.cpus().length} CPUs, loopback, ` +
    `React ${react === 'dev' ? 'development' : 'production'} build, medians of ${reps} runs (throughput: ${Math.max(reps, THROUGHPUT_PAIRS)}); ` +
    'MiB = 2^20 B, the units of the screen';
  const busy =
    Math.max(...load) > os.cpus().length
      ? `\n⚠ load average ${load.map((x) => x.toFixed(1)).join(' → ')} on ${os.cpus().length} CPUs: other work shared the machine, ratios are noisy`
      : '';
  const spent = Object.entries(seconds)
    .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
    .join(', ');
  process.stdout.write(formatTable(header + busy, table, checks, wallS, spent));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
