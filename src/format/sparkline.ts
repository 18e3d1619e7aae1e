const BARS = '▁▂▃▄▅▆▇█';

/** One cell per value, scaled to the largest; a quiet second is a blank. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  if (max <= 0) return ' '.repeat(values.length);
  return values
    .map((v) =>
      v <= 0 ? ' ' : BARS[Math.min(BARS.length - 1, Math.floor((v / max) * BARS.length))],
    )
    .join('');
}
