import type { ConnHandle } from './connection.js';

export interface SendOptions {
  repeat?: number;
  intervalMs?: number;
}

/**
 * Write `bytes` to an open connection `repeat` times, `intervalMs` apart (0: as fast as the
 * peer's window lets). Repeats respect the window: while the connection is blocked
 * (WRITE_BOUND) they wait for 'drain' instead of piling up in memory. Interval timers are
 * kept in `timers` so closing the engine stops them.
 */
export function sendRepeated(
  h: ConnHandle,
  bytes: Uint8Array,
  options: SendOptions,
  timers: Set<NodeJS.Timeout>,
): void {
  const repeat = Math.max(1, options.repeat ?? 1);
  const interval = Math.max(0, options.intervalMs ?? 0);
  let left = repeat;
  if (interval === 0) {
    const pump = () => {
      while (left > 0 && !h.writeBlocked) {
        if (!h.write(bytes)) return;
        left--;
      }
      if (left > 0) h.whenDrained(pump);
    };
    pump();
    return;
  }
  const tick = () => {
    if (!h.writable || left <= 0) {
      clearInterval(timer);
      timers.delete(timer);
    } else if (!h.writeBlocked && h.write(bytes)) {
      left--;
    }
  };
  const timer = setInterval(tick, interval);
  timers.add(timer);
  tick();
}
