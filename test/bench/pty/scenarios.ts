import { Sender } from '../senderClient.js';
import type { PtyConnRun } from './connections.js';
import type { KeyRun } from './keys.js';
import type { PtyMemRun } from './memory.js';
import type { CliConfig, Side } from './servers.js';
import type { StartRun } from './start.js';
import type { PtyStreamRun } from './throughput.js';

// Modules are imported when run (as in ../scenarios.ts): a scenario loads only what it uses.

async function withSender<T>(fn: (s: Sender) => Promise<T>): Promise<T> {
  const s = new Sender();
  try {
    return await fn(s);
  } finally {
    s.close();
  }
}

/** Bare and socklab in turn, the first side alternating so drift in load hits both alike. */
async function alternate<T>(reps: number, once: (side: Side) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < reps; i++) {
    for (const side of (i % 2 ? ['socklab', 'bare'] : ['bare', 'socklab']) as Side[]) {
      out.push(await once(side));
    }
  }
  return out;
}

/** The real-CLI scenarios child.ts runs by name: JSON-able args in, JSON out. */
export const ptyScenarios = {
  'pty-throughput': (a: CliConfig & { bufferSize: number; reps: number; seconds: number }) =>
    withSender(async (s): Promise<PtyStreamRun[]> => {
      const { ptyStreamOnce } = await import('./throughput.js');
      return alternate(a.reps, (side) => ptyStreamOnce(a, side, s, a.bufferSize, a.seconds));
    }),

  'pty-keys': (a: CliConfig & { streams: (number | null)[]; presses: number }) =>
    withSender(async (s): Promise<KeyRun[]> => {
      const { keysOnce } = await import('./keys.js');
      const out: KeyRun[] = [];
      for (const n of a.streams) out.push(await keysOnce(a, s, n, a.presses));
      return out;
    }),

  'pty-memory': (a: CliConfig & { side: Side; churn: number; churnS: number }) =>
    withSender(async (s): Promise<PtyMemRun> => {
      const { ptyMemoryOnce } = await import('./memory.js');
      return ptyMemoryOnce(a, a.side, s, a.churn, a.churnS);
    }),

  'pty-connections': (a: CliConfig & { levels: number[] }) =>
    withSender(async (s): Promise<PtyConnRun[]> => {
      const { ptyConnectionsOnce } = await import('./connections.js');
      const out: PtyConnRun[] = [];
      for (const side of ['bare', 'socklab'] as const) {
        out.push(await ptyConnectionsOnce(a, side, s, a.levels));
      }
      return out;
    }),

  'pty-start': async (a: CliConfig & { reps: number; npmReps: number }): Promise<StartRun> =>
    (await import('./start.js')).startOnce(a, a.reps, a.npmReps),
};
