import { describeBurst } from '../format/burst.js';
import { escapeBytes, hexBytes } from '../format/escapeBytes.js';
import { formatClock } from '../format/units.js';
import type { BurstView, ConnectionView, ReadRecord } from '../state/types.js';

export interface Row {
  key: string;
  kind: 'burst' | 'read';
  text: string;
}

interface Group {
  key: string;
  head: Row;
  reads: Row[];
  /** The escaped (or hex) preview of the earliest of its reads in view. */
  firstPreview: string;
  /** Reads the whole burst had (more than `reads` when its first ones are out of view). */
  readsInBurst: number;
}

/**
 * At most `room` rows for the reads pane: each burst as "28 B in 6 reads: 5 5 5 5 5 3",
 * then its reads with size and escaped (or hex) preview. When space is short, the newest
 * bursts keep their summary line first and older bursts lose their read lines (their summary
 * then ends with the preview of their earliest read in view).
 */
export function readRows(
  conns: readonly ConnectionView[],
  room: number,
  hex: boolean,
  width = 120,
): Row[] {
  if (room <= 0) return [];
  // A narrow pane drops the milliseconds so the burst summary fits.
  const clock = width < 80 ? 8 : 12;
  const groups = groupReads(newestReads(conns, room), conns, hex, clock).slice(-room);
  let spare = room - groups.length;
  const shown = new Map<Group, number>();
  for (let i = groups.length - 1; i >= 0 && spare > 0; i--) {
    const n = Math.min(spare, groups[i].reads.length);
    shown.set(groups[i], n);
    spare -= n;
  }
  const rows: Row[] = [];
  for (const g of groups) {
    const n = shown.get(g) ?? 0;
    // A burst with no room for its read lines still shows what its earliest read in view
    // held, after "…" when the burst's first reads are out of view.
    const lead = g.reads.length < g.readsInBurst ? '…' : '';
    rows.push(n === 0 ? { ...g.head, text: `${g.head.text}  ${lead}${g.firstPreview}` } : g.head);
    rows.push(...g.reads.slice(g.reads.length - n));
  }
  return rows;
}

/** Only the newest `room` reads of each connection can be shown, so merge just those. */
function newestReads(conns: readonly ConnectionView[], room: number): ReadRecord[] {
  const reads: ReadRecord[] = [];
  for (const c of conns) {
    const r = c.recentReads;
    for (let i = Math.max(0, r.length - room); i < r.length; i++) reads.push(r[i]);
  }
  reads.sort((a, b) => a.seq - b.seq);
  return reads.slice(-room);
}

function groupReads(
  reads: ReadRecord[],
  conns: readonly ConnectionView[],
  hex: boolean,
  clock: number,
): Group[] {
  const byConn = new Map(conns.map((c) => [c.id, c]));
  const groups: Group[] = [];
  let current: Group | undefined;
  for (const r of reads) {
    const key = `${r.conn}:${r.burst}`;
    if (current?.key !== key) {
      const b: BurstView | undefined = byConn.get(r.conn)?.bursts.find((x) => x.burst === r.burst);
      const summary = b ? describeBurst(b) : `${r.size} B`;
      current = {
        key,
        head: {
          key: `b${key}`,
          kind: 'burst',
          text: `${formatClock(b ? b.time : r.time).slice(0, clock)} #${r.conn}  ${summary}`,
        },
        reads: [],
        firstPreview: '',
        readsInBurst: b ? b.reads : 0,
      };
      groups.push(current);
    }
    const preview = hex ? hexBytes(r.preview) : `"${escapeBytes(r.preview)}"`;
    const more = r.size > r.preview.length ? '…' : '';
    if (current.reads.length === 0) current.firstPreview = `${preview}${more}`;
    current.reads.push({
      key: `r${r.seq}`,
      kind: 'read',
      text: `    ${String(r.size).padStart(5)} B  ${preview}${more}`,
    });
  }
  return groups;
}
