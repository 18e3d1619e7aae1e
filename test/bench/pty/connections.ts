import { sleep, wallNow } from '../clock.js';
import type { Sender } from '../senderClient.js';
import { Probe } from './probe.js';
import { rssMiB } from './procStat.js';
import type { PtyCli } from './ptyCli.js';
import { type CliConfig, type Server, type Side, startBare, startSocklab } from './servers.js';

export interface ConnLevel {
  /** Connections held open at once. */
  open: number;
  /** Connections opened for this level per second, until the server had them all open. */
  openPerS: number;
  rssMiB: number;
  /** socklab: heap used (the probe's process.memoryUsage(), MiB). */
  heapMiB?: number;
  /** socklab: ms of each frame drawn while a message every 10 ms changed the counters. */
  frameMs?: number[];
  /** socklab: ms between successive changes of the header's counters on the screen. */
  updateGapMs?: number[];
}

export interface PtyConnRun {
  side: Side;
  levels: ConnLevel[];
}

const INFLIGHT = 50;
const MESSAGE = 'socklab bench\n';
/** 300 messages, one every 10 ms, on the held connections in turn: ~3 s of frames. */
const TRICKLE = { cmd: 'trickle', message: MESSAGE, intervalMs: 10, count: 300 } as const;

/**
 * Connections held open at each of `levels` (e.g. 1,000 then 10,000), opened 50 at a time.
 * At each, socklab's frames are timed (frameProbe.ts, preloaded) and the screen's updates
 * watched while a trickle of messages keeps its counters changing.
 */
export async function ptyConnectionsOnce(
  c: CliConfig,
  side: Side,
  sender: Sender,
  levels: number[],
): Promise<PtyConnRun> {
  const probe = new Probe();
  const max = String(Math.max(...levels) + 100);
  const server: Server & { cli?: PtyCli } =
    side === 'bare'
      ? await startBare(1024)
      : await startSocklab(c, ['--max-connections', max], probe);
  const out: ConnLevel[] = [];
  const windows: [number, number][] = [];
  let held = 0;
  try {
    for (const open of levels) {
      const t0 = performance.now();
      await sender.ask({ cmd: 'open', port: server.port, n: open - held, inflight: INFLIGHT });
      await server.openReached(open);
      const openPerS = (open - held) / ((performance.now() - t0) / 1000);
      held = open;
      await sleep(500);
      const level: ConnLevel = { open, openPerS, rssMiB: 0 };
      const cli = server.cli;
      if (cli) {
        const gaps: number[] = [];
        let last = cli.row(0);
        let lastAt = -1;
        const stop = cli.watch((at) => {
          const row = cli.row(0);
          if (row === last) return;
          if (lastAt >= 0) gaps.push(at - lastAt);
          last = row;
          lastAt = at;
        });
        const from = wallNow();
        await sender.ask(TRICKLE);
        await sleep(200);
        windows.push([from, wallNow()]);
        stop();
        level.updateGapMs = gaps;
        probe.sample(server.pid);
      }
      await sleep(300);
      level.rssMiB = rssMiB(server.pid);
      out.push(level);
    }
    await sender.ask({ cmd: 'closeAll' });
    await server.settledReads(held);
  } finally {
    await server.close();
  }
  if (side === 'socklab') {
    const log = probe.read();
    out.forEach((level, i) => {
      const [from, to] = windows[i];
      level.frameMs = [];
      for (let k = 0; k < log.frames.length; k += 2) {
        if (log.frames[k] >= from && log.frames[k] <= to) level.frameMs.push(log.frames[k + 1]);
      }
      level.heapMiB = (log.memory[i]?.heapUsed ?? Number.NaN) / 2 ** 20;
    });
  }
  return { side, levels: out };
}
