import { Worker } from 'node:worker_threads';
import type { LogTarget, RunOptions } from '../session.js';
import type { Snapshot } from '../state/types.js';
import type { EngineLink } from './link.js';
import type { EngineStart, FromEngine, ToEngine } from './protocol.js';
import { SnapshotMirror } from './snapshotDelta.js';

export interface WorkerEngine extends EngineLink {
  /** Close every socket and flush the log in the engine thread, then end it. */
  shutdown(): Promise<void>;
}

/**
 * The bundled CLI runs dist/engine.js beside dist/cli.js. From source (tsx: the tests), the
 * TypeScript worker, imported once tsx's loader is in place in the new thread (on Node 20 a
 * worker's own entry file is loaded before `--import` hooks apply to it).
 */
function workerScript(): { script: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (/\/cli\.js$/.test(here)) return { script: new URL('./engine.js', here), eval: false };
  const entry = new URL('./engineWorker.ts', here).href;
  const script = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}));`;
  return { script, eval: true };
}

/**
 * Start the engine in its own thread. `onCrash` is told once if the thread dies without being
 * asked to (an uncaught error there): its sockets are closed with it.
 */
export function startWorkerEngine(
  opts: RunOptions,
  log: LogTarget | null,
  lang: string,
  onCrash: (error: Error) => void,
): WorkerEngine {
  const { script, eval: isEval } = workerScript();
  const workerData: EngineStart = { opts, log, lang };
  // The thread inherits node's own options (--cpu-prof, --max-semi-space-size…).
  const worker = new Worker(script, {
    eval: isEval,
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  const mirror = new SnapshotMirror();
  const subscribers = new Set<() => void>();
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let busy = performance.eventLoopUtilization();
  let ending = false;
  let crashed: Error | null = null;
  let closed: () => void = () => {};
  const closedSeen = new Promise<void>((r) => {
    closed = r;
  });
  const post = (m: ToEngine) => {
    if (!crashed) worker.postMessage(m);
  };
  const request = <T>(m: (id: number) => ToEngine): Promise<T> => {
    if (crashed) return Promise.reject(crashed);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      post(m(id));
    });
  };

  worker.on('message', (m: FromEngine) => {
    switch (m.type) {
      case 'delta':
        mirror.apply(m.delta);
        for (const fn of subscribers) fn();
        // After the render the new snapshot asked for, so a slow frame slows the deltas
        // (they gather in the engine thread), never the sockets; with what the UI thread
        // worked since the last one (its renders, throttled ones included), so the engine
        // spaces a busy stream's frames by the screen's cost, not its own.
        setImmediate(() => {
          const now = performance.eventLoopUtilization();
          const ms = now.active - busy.active;
          busy = now;
          post({ type: 'ack', ms });
        });
        return;
      case 'result': {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.ok) p?.resolve(m.value);
        else p?.reject(new Error(m.error));
        return;
      }
      case 'full': {
        const p = pending.get(m.id);
        pending.delete(m.id);
        p?.resolve(m.snapshot);
        return;
      }
      case 'closed':
        closed();
        return;
    }
  });
  const fail = (error: Error) => {
    if (crashed || ending) return;
    crashed = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    onCrash(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    closed();
    fail(new Error(`exit ${code}`));
  });

  return {
    subscribe(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    getSnapshot: () => mirror.current,
    call: (name, ...args) => request((id) => ({ type: 'call', id, name, args })),
    watch(ids) {
      post({ type: 'watch', ids: [...ids] });
    },
    fullSnapshot: () => request<Snapshot>((id) => ({ type: 'full', id })),
    async shutdown() {
      if (ending) return closedSeen;
      ending = true;
      if (crashed) return;
      post({ type: 'shutdown' });
      // A thread that cannot close in time is ended: its sockets close with it.
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await closedSeen;
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
