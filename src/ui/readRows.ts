import { describeBurst } from '../format/burst.js';
import { escapeBytes, hexBytes } from '../format/escapeBytes.js';
import { formatAge, formatClock, formatCount } from '../format/units.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import { closeReasonText } from '../i18n/labels.js';
import type { BurstView, ConnectionView, ReadRecord, TimelineEntry } from '../state/types.js';

export interface Row {
  key: string;
  kind: 'burst' | 'read' | 'sent' | 'event' | 'gap' | 'more';
  text: string;
  /** Place in the store's one order (a burst's summary just before its first read in view). */
  seq: number;
  /** For a read: its burst summary's row key. */
  group?: string;
}

/** Rows a timeline merges at most, the newest (32 connections of the listener's scope). */
const MAX_ITEMS = 1000;

type Item =
  | { seq: number; conn: ConnectionView; read: ReadRecord }
  | { seq: number; conn: ConnectionView; entry: TimelineEntry }
  | { seq: number; conn: ConnectionView; gap: number };

/**
 * The whole timeline of `conns`, oldest first: each burst as "28 B in 6 reads: 5 5 5 5 5 3"
 * then its reads (←, size, escaped or hex preview), what socklab sent (→) and the events
 * between them. Where the read ring has dropped a connection's older reads, a row says how many.
 */
export function timelineRows(conns: readonly ConnectionView[], hex: boolean, width = 120): Row[] {
  // A narrow pane drops the milliseconds so the burst summary fits.
  const clock = width < 80 ? 8 : 12;
  const items: Item[] = [];
  for (const c of conns) {
    for (const read of c.recentReads) items.push({ seq: read.seq, conn: c, read });
    for (const entry of c.timeline) items.push({ seq: entry.seq, conn: c, entry });
    const dropped = c.reads - c.recentReads.length;
    if (dropped > 0 && c.recentReads.length > 0) {
      items.push({ seq: c.recentReads[0].seq - 0.75, conn: c, gap: dropped });
    }
  }
  items.sort((a, b) => a.seq - b.seq);
  const rows: Row[] = [];
  const headed = new Set<string>();
  const stamp = (time: number, conn: number) => `${formatClock(time).slice(0, clock)} #${conn}  `;
  // A proxy's legs say which way their reads went: → client to server, ← server to client.
  const arrow = (c: ConnectionView) => (c.proxy?.role === 'accepted' ? '→' : '←');
  const way = (c: ConnectionView) => (c.proxy ? `${arrow(c)} ` : '');
  // What socklab itself sent (s) on a proxied leg goes the way that leg's writes go.
  const sentArrow = (c: ConnectionView) => (c.proxy?.role === 'accepted' ? '←' : '→');
  for (const it of items.slice(-MAX_ITEMS)) {
    const id = it.conn.id;
    if ('gap' in it) {
      const text = t('reads.notKept', { n: formatCount(it.gap), id });
      rows.push({ key: `g${id}`, kind: 'gap', text, seq: it.seq });
    } else if ('read' in it) {
      const r = it.read;
      const key = `${id}:${r.burst}`;
      if (!headed.has(key)) {
        headed.add(key);
        const b: BurstView | undefined = it.conn.bursts.find((x) => x.burst === r.burst);
        const summary = b ? describeBurst(b) : `${formatCount(r.size)} B`;
        const text = `${stamp(b ? b.time : r.time, id)}${way(it.conn)}${summary}`;
        rows.push({ key: `b${key}`, kind: 'burst', text, seq: r.seq - 0.5 });
      }
      const text = `  ${arrow(it.conn)} ${formatCount(r.size).padStart(5)} B  ${preview(r.preview, r.size, hex)}`;
      rows.push({ key: `r${r.seq}`, kind: 'read', text, seq: r.seq, group: `b${key}` });
    } else {
      const e = it.entry;
      const what =
        e.kind === 'sent'
          ? `${sentArrow(it.conn)} ${formatCount(e.size).padStart(5)} B  ${e.preview ? preview(e.preview, e.size, hex) : ''}`
          : eventText(e);
      rows.push({
        key: `e${e.seq}`,
        kind: e.kind === 'sent' ? 'sent' : 'event',
        text: `${stamp(e.time, id)}${what}`.trimEnd(),
        seq: e.seq,
      });
    }
  }
  return rows;
}

function preview(bytes: Uint8Array, size: number, hex: boolean): string {
  const shown = hex ? hexBytes(bytes) : `"${escapeBytes(bytes)}"`;
  return size > bytes.length ? `${shown}…` : shown;
}

const EVENT_WORDS: Record<Exclude<TimelineEntry['kind'], 'sent'>, MessageKey> = {
  accepted: 'timeline.accepted',
  connected: 'timeline.connected',
  queued: 'timeline.queued',
  dequeued: 'timeline.dequeued',
  'read-paused': 'timeline.readPaused',
  'read-resumed': 'timeline.readResumed',
  'fin-in': 'timeline.finIn',
  'fin-out': 'timeline.finOut',
  'rst-in': 'timeline.rstIn',
  'rst-out': 'timeline.rstOut',
  error: 'timeline.error',
  closed: 'timeline.closed',
};

function eventText(e: TimelineEntry): string {
  if (e.kind === 'sent') return '';
  if (e.kind === 'closed' && e.reason) return closeReasonText(e.reason, e.code ?? '');
  return t(EVENT_WORDS[e.kind], {
    code: e.code ?? '',
    waited: formatAge(e.waitedMs ?? 0),
  });
}

/** Which rows of `total` are in view, ending at `end` (exclusive), with room for the markers. */
export function place(total: number, room: number, end: number): { start: number; end: number } {
  if (total <= room) return { start: 0, end: total };
  // Too short for markers: just the rows.
  if (room < 3) {
    const e = Math.min(Math.max(end, room), total);
    return { start: e - room, end: e };
  }
  const e = Math.min(Math.max(end, 1), total);
  const start = e - (room - (e < total ? 2 : 1));
  if (start > 0) return { start, end: e };
  // The top is in view: no marker above, fill down to the one below.
  return { start: 0, end: room - 1 };
}

/** Where the view ends for a scroll anchor: after the last row at or before it (null: the newest). */
export function endFor(rows: readonly Row[], anchor: number | null): number {
  if (anchor === null) return rows.length;
  let n = 0;
  while (n < rows.length && rows[n].seq <= anchor) n++;
  return n;
}

export interface TimelineView {
  rows: Row[];
  above: number;
  below: number;
}

/**
 * At most `room` rows of the timeline ending at the scroll `anchor` (the `seq` of the bottom
 * row; null follows the newest), with "N more above/below" rows where some are out of view.
 */
export function readRows(
  conns: readonly ConnectionView[],
  room: number,
  hex: boolean,
  width = 120,
  anchor: number | null = null,
): Row[] {
  return timelineView(timelineRows(conns, hex, width), room, anchor).rows;
}

export function timelineView(
  all: readonly Row[],
  room: number,
  anchor: number | null,
): TimelineView {
  if (room <= 0) return { rows: [], above: 0, below: 0 };
  const { start: first, end } = place(all.length, room, endFor(all, anchor));
  // A burst whose summary is out of view keeps it on top (it holds the burst's exact totals),
  // in place of its oldest read in view.
  const lead = all[first];
  const head = first > 0 && lead.group ? all.find((r) => r.key === lead.group) : undefined;
  const start = head && end - first > 1 && all[first + 1].group === lead.group ? first + 1 : first;
  const rows = all.slice(start, end);
  if (start > first && head) rows.unshift(head);
  const above = start - (start > first ? 1 : 0);
  const below = all.length - end;
  if (room >= 3 && above > 0) rows.unshift(more('above', above));
  if (room >= 3 && below > 0) rows.push(more('below', below));
  return { rows, above, below };
}

const more = (where: 'above' | 'below', n: number): Row => ({
  key: `more-${where}`,
  kind: 'more',
  text: t(where === 'above' ? 'reads.moreAbove' : 'reads.moreBelow', { n: formatCount(n) }),
  seq: Number.NaN,
});
