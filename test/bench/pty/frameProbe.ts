/**
 * Preloaded into the built CLI by the connections scenario only (`node --import
 * frameProbe.js dist/cli.js`, env BENCH_PROBE_FILE): socklab has no bench hooks, and a pty
 * shows when a frame arrived, not how long the process was busy making it.
 *
 * A frame's time here is the event-loop task that drew it: from the start of the timer or
 * immediate callback that began the task (the store's flush, Ink's throttle) to the end of
 * the terminal write that ends the frame — snapshot, React, Yoga, Ink and the write, while
 * every socket waits. A write in a later loop iteration than the callback (ELU idle time
 * moved: the loop polled in between, e.g. a key's frame drawn from a stdin read) is not
 * timed. Each SIGUSR2 also takes a process.memoryUsage() sample (the heap, seen from inside).
 * Everything goes to BENCH_PROBE_FILE as JSON when the process exits.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.env.BENCH_PROBE_FILE;
if (file) install(file);

function install(file: string): void {
  /** Pairs, flat: wall ms (clock.ts) at the end of the write, the frame's ms. */
  const frames: number[] = [];
  let taskStart = -1;
  let idleAtStart = -1;
  // Idle time grows only when the loop returns from polling: unchanged = the same task.
  const idle = () => performance.eventLoopUtilization().idle;
  type Timer = (fn: (...a: unknown[]) => unknown, ...rest: unknown[]) => unknown;
  const wrap = (orig: Timer): Timer =>
    function (this: unknown, fn, ...rest) {
      if (typeof fn !== 'function') return orig.call(this, fn, ...rest);
      return orig.call(
        this,
        function (this: unknown, ...args: unknown[]) {
          taskStart = performance.now();
          idleAtStart = idle();
          return fn.apply(this, args);
        },
        ...rest,
      );
    };
  const g = globalThis as unknown as Record<string, Timer>;
  for (const name of ['setTimeout', 'setInterval', 'setImmediate']) {
    const orig = g[name];
    g[name] = Object.assign(wrap(orig), orig);
  }
  const out = process.stdout;
  const write = out.write.bind(out) as (...a: unknown[]) => boolean;
  out.write = ((...args: unknown[]) => {
    const ok = write(...args);
    if (taskStart >= 0 && idle() === idleAtStart) {
      const now = performance.now();
      frames.push(performance.timeOrigin + now, now - taskStart);
      taskStart = -1;
    }
    return ok;
  }) as typeof out.write;
  const memory: NodeJS.MemoryUsage[] = [];
  process.on('SIGUSR2', () => memory.push(process.memoryUsage()));
  process.on('exit', () => fs.writeFileSync(file, JSON.stringify({ frames, memory })));
}

/** What the probe wrote (readProbe). */
export interface ProbeLog {
  frames: number[];
  memory: NodeJS.MemoryUsage[];
}
