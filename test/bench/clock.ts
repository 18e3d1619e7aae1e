/**
 * Wall-clock milliseconds with sub-millisecond resolution, comparable between processes on
 * one machine (each process's monotonic clock anchored at its own `timeOrigin`).
 */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Poll `fn` every `everyMs` until it is true; reject after `timeoutMs` with `what`. */
export async function until(
  fn: () => boolean,
  what: string,
  timeoutMs = 60_000,
  everyMs = 2,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
