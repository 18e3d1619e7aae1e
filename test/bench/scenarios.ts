import type { ConnRun } from './connections.js';
import type { LatencyRun } from './latency.js';
import type { MemRun } from './memory.js';
import { Sender } from './senderClient.js';
import type { SessionPoint } from './session.js';
import type { StreamRun } from './throughput.js';

// Scenario modules are imported when run: the bare memory baseline must not load Ink.

type Side = 'bare' | 'socklab';

/** Bare and socklab in turn, the first side alternating so drift in load hits both alike. */
async function alternate<T>(reps: number, once: (side: Side) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < reps; i++) {
    const order: Side[] = i % 2 ? ['socklab', 'bare'] : ['bare', 'socklab'];
    for (const side of order) out.push(await once(side));
  }
  return out;
}

async function withSenders<T>(n: number, fn: (s: Sender[]) => Promise<T>): Promise<T> {
  const senders = Array.from({ length: n }, () => new Sender());
  try {
    return await fn(senders);
  } finally {
    for (const s of senders) s.close();
  }
}

/** Every scenario child.ts can run, by name. Each takes JSON-able args and returns JSON. */
export const scenarios = {
  throughput: (a: {
    bufferSize: number;
    bytes: number;
    reps: number;
    side?: Side;
  }): Promise<StreamRun[]> =>
    withSenders(1, async ([s]) => {
      const { streamOnce } = await import('./throughput.js');
      if (a.side) {
        // One side alone (for a profile of it): no pairs, no ratio.
        const out: StreamRun[] = [];
        for (let i = 0; i <= a.reps; i++)
          out.push(await streamOnce(a.side, s, a.bufferSize, a.bytes));
        return out.slice(1);
      }
      // Untimed first: both processes' JIT warms up (a cold 200 MB run spends half its
      // time ramping up), and the socklab side's dashboard code with it.
      for (const side of ['bare', 'socklab'] as const) {
        await streamOnce(side, s, a.bufferSize, a.bytes);
      }
      return alternate(a.reps, (side) => streamOnce(side, s, a.bufferSize, a.bytes));
    }),

  connections: (a: { reps: number }): Promise<{ runs: ConnRun[]; idleFrameMs: number[][] }> =>
    withSenders(1, async ([s]) => {
      const { connectionsOnce } = await import('./connections.js');
      const { idleFrames } = await import('./idleFrames.js');
      // Untimed first, to warm up the JIT of all three processes.
      for (const side of ['bare', 'socklab'] as const) await connectionsOnce(side, s, 0.2);
      const runs = await alternate(a.reps, (side) => connectionsOnce(side, s));
      const idleFrameMs: number[][] = [];
      for (let i = 0; i < a.reps; i++) idleFrameMs.push(await idleFrames(1500));
      return { runs, idleFrameMs };
    }),

  /** Only the frames of `connections` (1,000 held, 10,000 reads), for a profile of a frame. */
  frames: (a: { reps: number }): Promise<number[][]> =>
    withSenders(1, async ([s]) => {
      const { framesWithReads } = await import('./connections.js');
      const { LabServer } = await import('./labServer.js');
      const out: number[][] = [];
      for (let i = 0; i < a.reps; i++) {
        const server = await LabServer.start(1024);
        await s.ask({ cmd: 'open', port: server.port, n: 1000, inflight: 50 });
        const { until } = await import('./clock.js');
        await until(() => server.accepted === 1000, '1,000 accepts');
        out.push((await framesWithReads(server, s, 1000)).run.frameMs ?? []);
        await s.ask({ cmd: 'closeAll' });
        await server.close();
      }
      return out;
    }),

  /** Memory over a long run of frames with new text in each (not in the default set). */
  session: async (a: { frames: number }): Promise<SessionPoint[]> =>
    (await import('./session.js')).sessionOnce(a.frames),

  memory: (a: { side: Side; cycles: number }): Promise<MemRun> =>
    withSenders(1, async ([s]) => (await import('./memory.js')).memoryOnce(a.side, s, a.cycles)),

  latency: (a: { reps: number }): Promise<LatencyRun[]> =>
    withSenders(2, async ([streamer, ticker]) => {
      const { latencyOnce } = await import('./latency.js');
      return alternate(a.reps, (side) => latencyOnce(side, streamer, ticker));
    }),
};
