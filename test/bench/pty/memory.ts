import { sleep } from '../clock.js';
import type { Sender } from '../senderClient.js';
import { Probe } from './probe.js';
import { rssMiB } from './procStat.js';
import { type CliConfig, type Server, type Side, startBare, startSocklab } from './servers.js';

export interface PtyMemPoint {
  label: string;
  reads: number;
  closed: number;
  rssMiB: number;
  /** socklab: heap used, MiB (the probe's process.memoryUsage(), no GC forced). */
  heapMiB?: number;
}

export interface ChurnLeg {
  /** Connect–send–close cycles completed, and ms for them (sender's view). */
  connections: number;
  ms: number;
}

export interface PtyMemRun {
  side: Side;
  points: PtyMemPoint[];
  churn: ChurnLeg[];
  /** Whether the time bound cut the churn short of `target` closed connections. */
  cutShort: boolean;
}

const INFLIGHT = 100;

/**
 * One fresh server at N = 5: RSS at the start, after a 5 MB stream (≥ 1,000,000 reads),
 * after 100,000 connect–send–close cycles (100 in flight) and after `churn` in all (the
 * churn stops starting new cycles after `churnS` seconds). RSS as the OS reports it, with
 * no GC forced: what the process holds, seen from outside.
 */
export async function ptyMemoryOnce(
  c: CliConfig,
  side: Side,
  sender: Sender,
  churn: number,
  churnS: number,
): Promise<PtyMemRun> {
  const probe = side === 'socklab' ? new Probe() : null;
  const server: Server = probe
    ? await startSocklab(c, ['--buffer', '5'], probe)
    : await startBare(5);
  const points: PtyMemPoint[] = [];
  const churnLegs: ChurnLeg[] = [];
  let closed = 0;
  let reads = 0;
  let cutShort = false;
  const measure = async (label: string) => {
    await sleep(500); // let the last frame be drawn, as it would be for a user
    points.push({ label, reads, closed, rssMiB: rssMiB(server.pid) });
    probe?.sample(server.pid);
  };
  try {
    await measure('start');
    await sender.ask({ cmd: 'stream', port: server.port, bytes: 5e6, chunk: 65_536 });
    closed = 1;
    reads = await server.settledReads(closed);
    await measure('1M reads');
    const deadline = performance.now() + churnS * 1000;
    for (const upTo of new Set([Math.min(100_000, churn), churn])) {
      const n = upTo - (closed - 1);
      const ms = deadline - performance.now();
      if (n <= 0 || ms <= 0) continue;
      const cyc = {
        cmd: 'cycles',
        port: server.port,
        n,
        inflight: INFLIGHT,
        message: 'x',
      } as const;
      const r = await sender.ask({ ...cyc, ms });
      churnLegs.push({ connections: r.connections ?? 0, ms: r.ms ?? Number.NaN });
      closed += r.connections ?? 0;
      reads = await server.settledReads(closed);
      if ((r.connections ?? 0) < n) cutShort = true;
      await measure(`${upTo >= 1e6 ? `${upTo / 1e6}M` : `${upTo / 1000}k`} closed`);
    }
  } finally {
    await server.close();
  }
  if (probe) {
    const { memory } = probe.read();
    points.forEach((p, i) => {
      p.heapMiB = (memory[i]?.heapUsed ?? Number.NaN) / 2 ** 20;
    });
  }
  return { side, points, churn: churnLegs, cutShort };
}
