/**
 * `npm run bench [-- --json] [--only throughput,keys,memory,connections,start,proxy] [--reps N]
 *  [--seconds S] [--sizes 65536,1024,5] [--presses N] [--churn N] [--churn-s S]
 *  [--concurrent 1000,10000] [--start-reps N] [--npm-reps N] [--save FILE]`
 *
 * --save FILE also writes the JSON (what --json prints) to FILE, beside the printed table.
 *
 * The built CLI (dist/cli.js) as users run it: in a real pty at 120×40 whose output
 * @xterm/headless parses, against a bare node:net server process reading the same N bytes
 * per read, in the same run, with the same sender (another process). Every figure is read
 * from outside: the sender's clock, /proc/PID/stat and /proc/PID/status, the screen.
 * Each scenario runs in a fresh process (spawnScenario.ts), plain JS (transpile.ts).
 *
 * A quick run: `npm run bench -- --only throughput --reps 1 --seconds 1 --sizes 1024`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnScenario } from '../spawnScenario.js';
import { transpileBench } from '../transpile.js';
import type { PtyConnRun } from './connections.js';
import type { KeyRun } from './keys.js';
import type { PtyMemRun } from './memory.js';
import { openFileLimits } from './procStat.js';
import type { CliConfig } from './servers.js';
import type { StartRun } from './start.js';
import { type PtyResults, type PtyRow, ptyRows } from './summary.js';
import { formatPtyTable } from './table.js';
import type { PtyStreamRun } from './throughput.js';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const nums = (name: string, fallback: string) => (opt(name) ?? fallback).split(',').map(Number);
const json = argv.includes('--json');
const only = new Set((opt('only') ?? 'throughput,keys,memory,connections,start').split(','));
const reps = Number(opt('reps') ?? 3);
const seconds = Number(opt('seconds') ?? 3);
const sizes = nums('sizes', '65536,1024,5');
const presses = Number(opt('presses') ?? 12);
const churn = Number(opt('churn') ?? 1_000_000);
const churnS = Number(opt('churn-s') ?? 240);
const concurrent = nums('concurrent', '1000,10000');
const startReps = Number(opt('start-reps') ?? 5);
const npmReps = Number(opt('npm-reps') ?? 3);

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const cfg: CliConfig = { root: ROOT, cli: path.join(ROOT, 'dist/cli.js') };

const log = (s: string) => {
  if (!json) process.stderr.write(`${s}\n`);
};
const uptime = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`;
  }
};

async function main(): Promise<void> {
  const t0 = performance.now();
  const loadAtStart = uptime();
  const build = transpileBench();
  const seconds_: Record<string, number> = {};
  const failures: string[] = [];
  const spawn = async <T>(name: string, args: object, timeoutS: number): Promise<T | null> => {
    const t = performance.now();
    try {
      return await spawnScenario<T>(build.dir, name, { ...cfg, ...args }, {}, timeoutS * 1000);
    } catch (err) {
      failures.push(`${name}: ${String(err)}`);
      log(`  ✗ ${String(err)}`);
      return null;
    } finally {
      seconds_[name] = (seconds_[name] ?? 0) + (performance.now() - t) / 1000;
    }
  };
  const r: PtyResults = { throughput: [], keys: [], memory: [], connections: [], start: null };
  // Not in the default set: `--only proxy` (test/bench/pty/proxy.ts).
  const proxyRows: PtyRow[] = [];
  try {
    if (only.has('throughput')) {
      for (const bufferSize of sizes) {
        log(`throughput N=${bufferSize}, ${reps}× ${seconds} s per side …`);
        const a = { bufferSize, reps, seconds };
        const runs = await spawn<PtyStreamRun[]>(
          'pty-throughput',
          a,
          60 + reps * 2 * (seconds + 15),
        );
        if (runs?.length) r.throughput.push(runs);
      }
    }
    if (only.has('keys')) {
      const streams = [null, ...sizes.map((n) => (n === 5 ? 1 : n))].sort(
        (a, b) => (a ?? -1) - (b ?? -1),
      );
      log(
        `keys: ${presses} presses each, idle and streaming at N=${streams.slice(1).join(', ')} …`,
      );
      const a = { streams, presses };
      r.keys =
        (await spawn<KeyRun[]>('pty-keys', a, 60 + streams.length * (20 + presses * 21))) ?? [];
    }
    if (only.has('memory')) {
      for (const side of ['bare', 'socklab'] as const) {
        log(
          `memory ${side}: 1M reads, then ${churn.toLocaleString('en-US')} closed connections (≤ ${churnS} s) …`,
        );
        const m = await spawn<PtyMemRun>('pty-memory', { side, churn, churnS }, churnS + 180);
        if (m) r.memory.push(m);
      }
    }
    if (only.has('connections')) {
      log(`connections: ${concurrent.join(', ')} held open …`);
      const c = await spawn<PtyConnRun[]>('pty-connections', { levels: concurrent }, 600);
      r.connections = c ?? [];
    }
    if (only.has('proxy')) {
      log(`proxy: ${reps}× latency pings and ${seconds} s streams, socklab and a bare relay …`);
      const { proxyBench } = await import('./proxy.js');
      proxyRows.push(...(await proxyBench(cfg, reps, seconds)));
    }
    if (only.has('start')) {
      log(`start: ${startReps} spawns, ${npmReps} npm start …`);
      r.start = await spawn<StartRun>(
        'pty-start',
        { reps: startReps, npmReps },
        60 + 30 * (startReps + npmReps),
      );
    }
  } finally {
    build.remove();
  }
  const wallS = (performance.now() - t0) / 1000;
  const rows = [...ptyRows(r), ...proxyRows];
  const loadAtEnd = uptime();
  const limits = openFileLimits();
  const meta = {
    node: process.version,
    cpus: os.cpus().length,
    reps,
    seconds,
    wallS,
    scenarioSeconds: seconds_,
    uptimeAtStart: loadAtStart,
    uptimeAtEnd: loadAtEnd,
    openFiles: limits,
    failures,
  };
  const report = `${JSON.stringify({ meta, rows, results: r })}\n`;
  const save = opt('save');
  if (save) fs.writeFileSync(save, report);
  if (json) {
    process.stdout.write(report);
    return;
  }
  const header =
    `socklab bench, the built CLI in a real pty 120×40 (@xterm/headless) vs a bare node:net server — ` +
    `Node ${process.version}, ${os.cpus().length} CPUs, loopback, MiB = 2^20 B, the units of the screen`;
  const spent = Object.entries(seconds_)
    .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
    .join(', ');
  const footer = [
    ...failures.map((f) => `✗ ${f}`),
    `open files: soft ${limits.soft}, hard ${limits.hard}`,
    `at start: ${loadAtStart}`,
    `at end:   ${loadAtEnd}`,
    `bench wall time ${wallS.toFixed(0)} s (${spent})`,
  ];
  process.stdout.write(formatPtyTable(header, rows, footer));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
