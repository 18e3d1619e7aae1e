// A busy stream's flushes are spaced by what drawing them costs, also when the drawing is
// done in another thread and only reported back (the engine thread's store, the UI's frames).
import { afterEach, expect, it, vi } from 'vitest';
import { FlushPacer } from '../../src/state/flushPacer.js';

afterEach(() => {
  vi.useRealTimers();
});

function pacedFlushes(reportedMs: number): number[] {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'queueMicrotask'] });
  const at: number[] = [];
  const pacer: FlushPacer = new FlushPacer(
    { flushMs: 40, frameBudget: 0.05, maxFlushMs: 250 },
    () => {
      pacer.begin();
      at.push(performance.now());
      pacer.ended();
      vi.runAllTicks();
      pacer.observe(reportedMs);
    },
  );
  // More reads on a busy stream, every 5 ms for 2 s; each flush costs ~0 ms here.
  for (let t = 0; t < 2000; t += 5) {
    pacer.touch(false);
    vi.advanceTimersByTime(5);
  }
  pacer.cancel();
  return at.slice(1).map((x, i) => x - at[i]);
}

it('spaces a stream by the frame cost another thread reports (12 ms at a 5 % budget: 240 ms)', () => {
  const gaps = pacedFlushes(12);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(235);
});
