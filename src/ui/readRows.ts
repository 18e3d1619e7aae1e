import { describeBurst } from '../format/burst.js';
import { escapeBytes, hexBytes } from '../format/escapeBytes.js';
import { formatClock } from '../format/units.js';
import type { ConnectionView, ReadRecord } from '../state/types.js';

export interface Row {
  key: string;
  kind: 'burst' | 'read';
  text: string;
}

/**
 * The last `room` rows of the reads pane: each burst as "28 B in 6 reads: 5 5 5 5 5 3"
 * followed by its reads, each with its size and an escaped (or hex) preview.
 */
export function readRows(conns: readonly ConnectionView[], room: number, hex: boolean): Row[] {
  if (room <= 0) return [];
  // Only the newest `room` reads of each connection can be shown, so merge just those.
  const reads: ReadRecord[] = [];
  for (const c of conns) {
    const r = c.recentReads;
    for (let i = Math.max(0, r.length - room); i < r.length; i++) reads.push(r[i]);
  }
  reads.sort((a, b) => a.seq - b.seq);
  const byConn = new Map(conns.map((c) => [c.id, c]));
  const rows: Row[] = [];
  let last = '';
  for (const r of reads.slice(-room)) {
    const burstKey = `${r.conn}:${r.burst}`;
    if (burstKey !== last) {
      last = burstKey;
      const b = byConn.get(r.conn)?.bursts.find((x) => x.burst === r.burst);
      const summary = b ? describeBurst(b) : '';
      rows.push({
        key: `b${burstKey}`,
        kind: 'burst',
        text: `${formatClock(r.time)} #${r.conn}  ${summary}`,
      });
    }
    const preview = hex ? hexBytes(r.preview) : `"${escapeBytes(r.preview)}"`;
    const more = r.size > r.preview.length ? '…' : '';
    rows.push({
      key: `r${r.seq}`,
      kind: 'read',
      text: `    ${String(r.size).padStart(5)} B  ${preview}${more}`,
    });
  }
  return rows.slice(-room);
}
