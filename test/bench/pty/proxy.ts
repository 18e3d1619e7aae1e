/**
 * `npm run bench -- --only proxy`: socklab's proxy (the built CLI in a pty, its dashboard
 * live) against a bare Node relay (`socket.pipe`, its own process), both in front of the
 * same sink, in turn. Two figures: the latency a relay adds to one small chunk (one-way,
 * client → relay → sink, against the same chunk sent to the sink directly) and the
 * throughput of one stream written in 64 KiB chunks with 64 KiB reads. The sender, the
 * sink and the pinger run in processes of their own, as in the other pty benches: the bench's
 * thread parses the dashboard's frames, and a terminal must not slow the traffic it shows.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Sender } from '../senderClient.js';
import { percentile } from '../stats.js';
import { cpuSeconds } from './procStat.js';
import type { SinkCommand, SinkReply } from './proxySink.js';
import { PtyCli } from './ptyCli.js';
import type { CliConfig } from './servers.js';
import type { PtyRow } from './summary.js';

const MB = 2 ** 20;

const BARE_RELAY = `
const net = require('node:net');
const [to] = process.argv.slice(1).map(Number);
const srv = net.createServer((c) => {
  const up = net.connect(to, '127.0.0.1');
  c.setNoDelay(true); up.setNoDelay(true);
  c.pipe(up); up.pipe(c);
  c.on('error', () => up.destroy()); up.on('error', () => c.destroy());
});
srv.listen(0, '127.0.0.1', () => console.log('PORT ' + srv.address().port));
`;

interface Relay {
  port: number;
  pid: number;
  close(): Promise<void>;
}

async function bareRelay(sink: number): Promise<Relay> {
  const child: ChildProcess = spawn(process.execPath, ['-e', BARE_RELAY, String(sink)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`bare relay exited (${code})`)));
  });
  return {
    port,
    pid: child.pid as number,
    close: async () => {
      child.kill();
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function socklabProxy(c: CliConfig, sink: number): Promise<Relay> {
  const cli = new PtyCli({
    argv: [process.execPath, c.cli, '--proxy', `127.0.0.1:0=127.0.0.1:${sink}`, '-b', '65536'],
    cwd: c.root,
  });
  const re = /#1 127\.0\.0\.1:(\d+) ⇄/;
  await cli.waitFor((x) => re.test(x.screen()), 'the proxy listening', 20_000);
  const port = Number(re.exec(cli.screen())?.[1]);
  return { port, pid: cli.pid, close: () => cli.quit() };
}

// Beside this file: proxySink.ts under tsx, or proxySink.js in the transpiled copy.
const TS = import.meta.url.endsWith('.ts');
const SINK = fileURLToPath(new URL(TS ? './proxySink.ts' : './proxySink.js', import.meta.url));

interface Sink {
  port: number;
  ask(c: SinkCommand): Promise<SinkReply>;
  close(): void;
}

/** The far end (proxySink.ts), in its own process like the sender. */
async function startSink(): Promise<Sink> {
  const child = fork(SINK, [], { execArgv: TS ? ['--import', 'tsx'] : [], stdio: 'inherit' });
  const pending = new Map<number, (r: SinkReply) => void>();
  let nextId = 1;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (r: SinkReply) => {
      if (r.id === 0) return resolve(r.port as number);
      pending.get(r.id)?.(r);
      pending.delete(r.id);
    });
  });
  return {
    port,
    async ask(c) {
      const id = nextId++;
      const reply = new Promise<SinkReply>((resolve) => pending.set(id, resolve));
      child.send({ ...c, id });
      const r = await reply;
      if (r.error) throw new Error(`sink ${c.cmd}: ${r.error}`);
      return r;
    },
    close: () => child.disconnect(),
  };
}

/**
 * One stream of `seconds`, 64 KiB writes (the sender process), through the relay into the
 * sink: MiB/s, and the relay process's CPU-seconds per GiB (both of socklab's threads), less
 * stretched by a busy machine than wall time.
 */
async function stream(relay: Relay, sk: Sink, sender: Sender, seconds: number) {
  const cpu0 = cpuSeconds(relay.pid);
  const b0 = (await sk.ask({ cmd: 'bytes' })).bytes ?? 0;
  // Ends with FIN, and returns once the sink's close came back through the relay: every
  // byte sent has passed it.
  const run = await sender.ask({
    cmd: 'stream',
    port: relay.port,
    bytes: 1e15,
    chunk: 64 * 1024,
    ms: seconds * 1000,
  });
  const cpu = cpuSeconds(relay.pid) - cpu0;
  const got = ((await sk.ask({ cmd: 'bytes' })).bytes ?? 0) - b0;
  const ms = run.ms ?? Number.NaN;
  return { mibPerS: got / MB / (ms / 1000), cpuSPerGiB: cpu / (got / 2 ** 30) };
}

const pings = async (port: number, sk: Sink, n: number) =>
  (await sk.ask({ cmd: 'pings', port, n })).delays ?? [];

export async function proxyBench(c: CliConfig, reps: number, seconds: number): Promise<PtyRow[]> {
  const sk = await startSink();
  const sender = new Sender();
  const direct = await pings(sk.port, sk, 200);
  const lat: Record<'bare' | 'socklab', number[]> = { bare: [], socklab: [] };
  const tput: Record<'bare' | 'socklab', number[]> = { bare: [], socklab: [] };
  const cpu: Record<'bare' | 'socklab', number[]> = { bare: [], socklab: [] };
  const ratios: number[] = [];
  for (let i = 0; i < reps; i++) {
    const order = i % 2 ? (['socklab', 'bare'] as const) : (['bare', 'socklab'] as const);
    const got: Partial<Record<'bare' | 'socklab', number>> = {};
    for (const side of order) {
      const relay = side === 'bare' ? await bareRelay(sk.port) : await socklabProxy(c, sk.port);
      try {
        lat[side].push(...(await pings(relay.port, sk, 200)));
        await stream(relay, sk, sender, 1); // warm-up
        const run = await stream(relay, sk, sender, seconds);
        got[side] = run.mibPerS;
        tput[side].push(run.mibPerS);
        cpu[side].push(run.cpuSPerGiB);
      } finally {
        await relay.close();
      }
    }
    // Each pair as it comes: on a busy 2-core machine single runs vary by ±20 %.
    if (got.bare && got.socklab) {
      ratios.push(got.socklab / got.bare);
      const r = (got.socklab / got.bare).toFixed(2);
      console.error(
        `  run ${i + 1}: bare ${got.bare.toFixed(0)} · socklab ${got.socklab.toFixed(0)} MiB/s (${r})`,
      );
    }
  }
  sender.close();
  sk.close();
  const p = (v: number[], q: number) => percentile(v, q);
  const added = (side: 'bare' | 'socklab', q: number) => p(lat[side], q) - p(direct, q);
  const section = 'proxy (--proxy, dashboard live in the pty) vs bare socket.pipe relay';
  const ratio = ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? null;
  return [
    {
      section,
      label: 'added latency per 16 B chunk, p50',
      unit: 'ms',
      bare: added('bare', 50),
      socklab: added('socklab', 50),
      ratio: null,
    },
    {
      section,
      label: 'added latency per 16 B chunk, p99',
      unit: 'ms',
      bare: added('bare', 99),
      socklab: added('socklab', 99),
      ratio: null,
    },
    {
      section,
      label: 'throughput, 64 KiB reads and writes',
      unit: 'MiB/s',
      bare: p(tput.bare, 50),
      socklab: p(tput.socklab, 50),
      ratio,
      target: '≥ 0.8×',
      met: ratio !== null && ratio >= 0.8,
    },
    {
      section,
      label: 'relay CPU per GiB (socklab: both threads)',
      unit: 'CPU-s',
      bare: p(cpu.bare, 50),
      socklab: p(cpu.socklab, 50),
      ratio: p(cpu.socklab, 50) / p(cpu.bare, 50),
    },
  ];
}
