/**
 * `npm run bench:kernel [-- --sizes 1000,10000 --reps 15]` (also `npm run bench -- --only kernel`):
 * the cost of one sample of the kernel's view with N sockets open (N/2 socklab clients and
 * the N/2 connections its listener accepted, all in this process, loopback only), on this
 * machine's real /proc:
 *   - read: only reading /proc/net/tcp and tcp6 (the kernel's part, whatever parses it);
 *   - full: read and parse every line of /proc/net/tcp{,6} (the ports view with every port);
 *   - filtered: the same read, parsing only socklab's ports (what the rows' sampler reads);
 *   - tick: one whole sampler tick (filtered read + matching every row, no change to publish);
 *   - owners: one scan of every /proc/PID/fd (the ports view meeting an unknown socket).
 * Medians over --reps. Bounded: at most 60 s to open the sockets, else it says how many opened.
 */
import fs from 'node:fs';
import { Engine } from '../../src/core/engine.js';
import { SAMPLE_MS } from '../../src/kernel/kernelWatch.js';
import { LinuxProcSource } from '../../src/kernel/linuxSource.js';
import { OwnerIndex } from '../../src/kernel/owners.js';
import { Store } from '../../src/state/store.js';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const sizes = (opt('sizes') ?? '1000,10000').split(',').map(Number);
const reps = Number(opt('reps') ?? 15);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

async function openSockets(engine: Engine, store: Store, port: number, n: number): Promise<number> {
  const deadline = Date.now() + 60_000;
  const pairs = Math.floor(n / 2);
  for (let made = 0; made < pairs && Date.now() < deadline; ) {
    const batch = Math.min(200, pairs - made);
    for (let i = 0; i < batch; i++) engine.connect('127.0.0.1', port);
    made += batch;
    while (Date.now() < deadline) {
      // Both ends: the client connected and the listener accepted it.
      const open = [...store.connections.values()].filter((c) => c.state === 'open').length;
      if (open >= 2 * made) break;
      await sleep(20);
    }
  }
  return [...store.connections.values()].filter((c) => c.state === 'open').length;
}

async function one(n: number) {
  const store = new Store();
  const source = new LinuxProcSource();
  const engine = new Engine(store, { kernel: source, maxConnections: 1_000_000 });
  engine.listen('127.0.0.1', 0);
  while (store.listeners.get(1)?.state !== 'listening') await sleep(10);
  const port = store.listeners.get(1)?.boundPort as number;
  const open = await openSockets(engine, store, port, n);
  const ports = new Set<number>([port]);
  for (const c of store.connections.values()) ports.add(c.local.port);
  const lines = source.sample().length;
  const read: number[] = [];
  const full: number[] = [];
  const filtered: number[] = [];
  const tick: number[] = [];
  const owners: number[] = [];
  engine.kernel.tick(); // the first tick publishes every row's state: not what a steady tick costs
  for (let i = 0; i < reps; i++) {
    read.push(
      time(() => {
        fs.readFileSync('/proc/net/tcp', 'latin1');
        fs.readFileSync('/proc/net/tcp6', 'latin1');
      }),
    );
    full.push(time(() => source.sample()));
    filtered.push(time(() => source.sample(ports)));
    await sleep(SAMPLE_MS + 10); // past the sample cache: the tick reads /proc again
    tick.push(time(() => engine.kernel.tick()));
  }
  const all = source.sample();
  for (let i = 0; i < Math.min(reps, 5); i++) {
    owners.push(time(() => new OwnerIndex('/proc').owners(all)));
  }
  await engine.closeAll();
  return {
    asked: n,
    open,
    procLines: lines,
    read: median(read),
    full: median(full),
    filtered: median(filtered),
    tick: median(tick),
    owners: median(owners),
  };
}

const rows = [];
for (const n of sizes) {
  process.stderr.write(`kernel sample with ${n} sockets…\n`);
  rows.push(await one(n));
  await sleep(500);
}
const ms = (x: number) => `${x.toFixed(2)} ms`;
console.log(
  'sockets open | lines in /proc/net/tcp{,6} | read only | full parse | filtered (rows) | sampler tick | owners scan',
);
for (const r of rows) {
  console.log(
    `${r.open} (asked ${r.asked}) | ${r.procLines} | ${ms(r.read)} | ${ms(r.full)} | ${ms(r.filtered)} | ${ms(r.tick)} | ${ms(r.owners)}`,
  );
}
console.log(
  `medians of ${reps} (owners: of ${Math.min(reps, 5)}); at most ${1000 / SAMPLE_MS} ticks a second`,
);
