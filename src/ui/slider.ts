/** The buffer slider's stops: a log scale from one byte to 64 KiB. */
export const BUFFER_STEPS = [
  1, 2, 5, 10, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536,
] as const;

/** The next stop above (dir 1) or below (dir -1) the current size, which may sit between stops. */
export function stepBuffer(current: number, dir: 1 | -1): number {
  if (dir > 0) return BUFFER_STEPS.find((s) => s > current) ?? current;
  return [...BUFFER_STEPS].reverse().find((s) => s < current) ?? current;
}

/** How many stops are at or below `size`: the filled part of the bar. */
export function sliderFill(size: number): number {
  return BUFFER_STEPS.filter((s) => s <= size).length;
}
