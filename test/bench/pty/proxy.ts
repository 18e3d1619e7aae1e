/**
 * `npm run bench -- --only proxy`: socklab's proxy (the built CLI in a pty, its dashboard
 * live) against a bare Node relay (`socket.pipe`, its own process), both in front of the
 * same sink, in turn. Two figures: the latency a relay adds to one small chunk (one-way,
 * client → relay → sink, against the same chunk sent to the sink directly) and the
 * throughput of one stream written in 64 KiB chunks with 64 KiB reads.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { sleep } from '../clock.js';
import { percentile } from '../stats.js';
import { cpuSeconds } from './procStat.js';
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

/** A sink that reads everything; for the latency runs it notes when each numbered chunk came. */
async function sink(): Promise<{
  server: net.Server;
  port: number;
  bytes(): number;
  arrived: Map<number, number>;
}> {
  let bytes = 0;
  const arrived = new Map<number, number>();
  const server = net.createServer((s) => {
    s.setNoDelay(true);
    s.on('data', (d: Buffer) => {
      bytes += d.length;
      // A ping is 16 bytes: its sequence number in the first 8.
      if (d.length === 16) arrived.set(Number(d.readBigUInt64BE(0)), performance.now());
    });
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as net.AddressInfo).port, bytes: () => bytes, arrived };
}

const connect = (port: number) =>
  new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.setNoDelay(true);
    s.once('error', reject);
  });

/** One-way delays (ms) of `n` pings 5 ms apart, client → port → sink. */
async function pings(port: number, sk: Awaited<ReturnType<typeof sink>>, n: number) {
  const s = await connect(port);
  const sent = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const b = Buffer.alloc(16);
    b.writeBigUInt64BE(BigInt(i), 0);
    sent.set(i, performance.now());
    s.write(b);
    await sleep(5);
  }
  await sleep(200);
  s.destroy();
  const out: number[] = [];
  for (const [i, at] of sent) {
    const got = sk.arrived.get(i);
    if (got !== undefined) out.push(got - at);
  }
  sk.arrived.clear();
  return out;
}

/**
 * One stream of `seconds`, 64 KiB writes, through the relay into the sink: MiB/s, and the
 * relay process's CPU-seconds per GiB (both of socklab's threads), less stretched by a busy
 * machine than wall time.
 */
async function stream(relay: Relay, sk: Awaited<ReturnType<typeof sink>>, seconds: number) {
  const s = await connect(relay.port);
  const cpu0 = cpuSeconds(relay.pid);
  const block = Buffer.alloc(64 * 1024, 0x61);
  const b0 = sk.bytes();
  const t0 = performance.now();
  let stop = false;
  const pump = () => {
    while (!stop && s.write(block)) {}
  };
  s.on('drain', pump);
  pump();
  await sleep(seconds * 1000);
  stop = true;
  const got = sk.bytes() - b0;
  const ms = performance.now() - t0;
  const cpu = cpuSeconds(relay.pid) - cpu0;
  s.destroy();
  return { mibPerS: got / MB / (ms / 1000), cpuSPerGiB: cpu / (got / 2 ** 30) };
}

export async function proxyBench(c: CliConfig, reps: number, seconds: number): Promise<PtyRow[]> {
  const sk = await sink();
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
        await stream(relay, sk, 1); // warm-up
        const run = await stream(relay, sk, seconds);
        got[side] = run.mibPerS;
        tput[side].push(run.mibPerS);
        cpu[side].push(run.cpuSPerGiB);
      } finally {
        await relay.close();
      }
    }
    if (got.bare && got.socklab) ratios.push(got.socklab / got.bare);
  }
  await new Promise((r) => sk.server.close(r));
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
