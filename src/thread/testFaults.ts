import type { Store } from '../state/store.js';

/**
 * Faults the tests inject into the real CLI (env SOCKLAB_TEST_FAULT), since a worker crash and
 * a slow frame cannot be produced from outside: `engine-crash` throws in the engine thread
 * at the first accepted connection; `slow-frame:MS` makes every frame take MS ms.
 */
export function injectFault(store: Store): void {
  if (process.env.SOCKLAB_TEST_FAULT !== 'engine-crash') return;
  const stop = store.tap({
    event(e) {
      if (e.type !== 'accepted') return;
      stop();
      setImmediate(() => {
        throw new Error('injected engine fault (SOCKLAB_TEST_FAULT=engine-crash)');
      });
    },
  });
}

/** The ms each frame is held for (`slow-frame:MS`), or 0. */
export function slowFrameMs(): number {
  const m = /^slow-frame:(\d+)$/.exec(process.env.SOCKLAB_TEST_FAULT ?? '');
  return m ? Math.min(Number(m[1]), 5000) : 0;
}
