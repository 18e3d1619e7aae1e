import type { ConnRun } from './connections.js';
import type { LatencyRun } from './latency.js';
import type { MemRun } from './memory.js';
import { Sender } from './senderClient.js';
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

  memory: (a: { side: Side; cycles: number }): Promise<MemRun> =>
    withSenders(1, async ([s]) => (await import('./memory.js')).memoryOnce(a.side, s, a.cycles)),

  latency: (a: { reps: number }): Promise<LatencyRun[]> =>
    withSenders(2, async ([streamer, ticker]) => {
      const { latencyOnce } = await import('./latency.js');
      return alternate(a.reps, (side) => latencyOnce(side, streamer, ticker));
    }),
};
