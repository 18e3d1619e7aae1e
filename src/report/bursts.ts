import { describeBurst } from '../format/burst.js';
import { escapeBytes } from '../format/escapeBytes.js';
import { formatClock } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import type { ConnectionView } from '../state/types.js';
import { mdCode } from './markdown.js';

/** Preview characters shown per burst (escaped bytes). */
const PREVIEW_CHARS = 120;

/** One list item per burst still in the ring: its reads and, in a code span, what they held. */
export function burstLines(c: ConnectionView, indent = ''): string[] {
  const lines: string[] = [];
  for (const b of c.bursts) {
    const reads = c.recentReads.filter((r) => r.burst === b.burst);
    const text = reads.map((r) => escapeBytes(r.preview)).join('');
    const cut = reads.length < b.reads || reads.some((r) => r.size > r.preview.length);
    const more = cut || text.length > PREVIEW_CHARS ? '…' : '';
    const preview = reads.length ? ` — ${mdCode(text.slice(0, PREVIEW_CHARS))}${more}` : '';
    lines.push(`${indent}- ${formatClock(b.time)} ${describeBurst(b)}${preview}`);
  }
  if (c.reads > 0 && c.bursts.length === 0) lines.push(`${indent}- ${t('report.noReads')}`);
  return lines;
}
