import type { EngineLink } from '../thread/link.js';

/**
 * Resolves once client `id` is no longer connecting (connected, refused, timed out), or after
 * `ms`: the key after `c` (Enter: type a message) then finds the client it expects.
 */
export function whenConnected(engine: EngineLink, id: number, ms = 6000): Promise<void> {
  const settled = () => {
    const c = engine.getSnapshot().connections.find((x) => x.id === id);
    return c?.state !== 'connecting';
  };
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const stop = engine.subscribe(() => {
      if (settled()) done();
    });
    const timer = setTimeout(done, ms);
    timer.unref?.();
  });
}
