import { t } from '../i18n/i18n.js';
import type { BurstView } from '../state/types.js';
import { formatCount } from './units.js';

/** Sizes listed one by one up to this many; longer bursts fold runs ("1024 ×63"). */
const LIST_MAX = 12;

/** "28 B in 6 reads: 5 5 5 5 5 3" — how TCP cut one arrival of bytes into reads. */
export function describeBurst(b: BurstView): string {
  const head = t(b.reads === 1 ? 'burst.one' : 'burst.other', {
    bytes: formatCount(b.bytes),
    reads: formatCount(b.reads),
  });
  if (b.reads === 1) return head;
  if (!b.sizes) {
    return b.minSize === b.maxSize
      ? `${head}: ${formatCount(b.minSize)} ×${formatCount(b.reads)}`
      : t('burst.range', { head, min: formatCount(b.minSize), max: formatCount(b.maxSize) });
  }
  if (b.sizes.length <= LIST_MAX) return `${head}: ${b.sizes.map(formatCount).join(' ')}`;
  return `${head}: ${foldRuns(b.sizes)}`;
}

export function foldRuns(sizes: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < sizes.length) {
    let j = i;
    while (j + 1 < sizes.length && sizes[j + 1] === sizes[i]) j++;
    const run = j - i + 1;
    parts.push(
      run > 2
        ? `${formatCount(sizes[i])} ×${formatCount(run)}`
        : sizes
            .slice(i, j + 1)
            .map(formatCount)
            .join(' '),
    );
    i = j + 1;
  }
  return parts.join(' ');
}
