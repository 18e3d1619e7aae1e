import { sparkline } from '../format/sparkline.js';
import { formatRate } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import type { ConnectionView } from '../state/types.js';
import type { ActionContext } from './actions.js';
import { contentRows } from './components/Pane.js';
import { layoutFor } from './layout.js';
import { endFor, place, timelineRows } from './readRows.js';
import type { Selection } from './selection.js';
import type { UiState } from './uiState.js';

/**
 * The connections whose timeline the reads pane shows: the whole listener's, the selected
 * connection's, or a client's whose server is not socklab's (its received data has no other
 * pane) while the client pane has the user's attention or nothing else is selected.
 */
export function readsConnections(ui: UiState, sel: Selection): readonly ConnectionView[] {
  if (ui.readsScope === 'listener') return [...sel.connections, ...sel.legs.values()];
  const external = sel.client && sel.client.linkedId === null ? sel.client : null;
  if (external && (ui.readsOf === 'client' || ui.focus === 'client' || !sel.connection)) {
    return [external];
  }
  return sel.connection ? withPartner(sel.connection, sel) : [];
}

/** A proxied connection's timeline is its pair's: both directions in one order. */
function withPartner(c: ConnectionView, sel: Selection): readonly ConnectionView[] {
  const partner = c.proxy?.partner == null ? undefined : sel.legs.get(c.proxy.partner);
  return partner ? [c, partner] : [c];
}

export function readsTitle(ui: UiState, sel: Selection): string {
  if (ui.readsScope === 'listener')
    return t('reads.titleListener', { id: sel.listener?.id ?? '-' });
  const [c] = readsConnections(ui, sel);
  if (!c) return t('reads.title');
  return t(c.kind === 'client' ? 'reads.titleClient' : 'reads.titleConn', { id: c.id });
}

/**
 * The shown connection's last 30 s, one cell a second from its first busy one, and its rate
 * now; null in the listener's scope or before it read.
 */
export function readsSpark(ui: UiState, sel: Selection): string | null {
  if (ui.readsScope === 'listener') return null;
  const [c] = readsConnections(ui, sel);
  const last30 = c ? c.spark.slice(-30) : [];
  const first = last30.findIndex((v) => v > 0);
  if (!c || first < 0) return null;
  const spark = sparkline(last30.slice(first));
  return t('reads.spark', { spark, rate: formatRate(c.rate.bytesPerSec) });
}

/** What a scroll position belongs to: it holds while the pane shows the same thing. */
export function readsKey(ui: UiState, sel: Selection): string {
  if (ui.readsScope === 'listener') return `l${sel.listener?.id ?? '-'}`;
  const [c] = readsConnections(ui, sel);
  return c ? `c${c.id}` : '-';
}

/** The scroll anchor for what the pane shows now; null follows the newest. */
export function readsAnchor(ui: UiState, sel: Selection): number | null {
  const s = ui.readsScroll;
  return s && s.key === readsKey(ui, sel) ? s.anchor : null;
}

export type ReadsScroll = 'up' | 'down' | 'pageup' | 'pagedown' | 'home' | 'end';

/** ↑↓ a row, PgUp/PgDn a page (one row of the last page kept), Home the oldest, End follows. */
export function scrollReads(name: ReadsScroll, ctx: ActionContext): boolean {
  const { ui, sel, size } = ctx;
  const L = layoutFor(size.columns, size.rows);
  const width = ui.lab ? L.right : L.full;
  const room = contentRows(L.bottom);
  const rows = timelineRows(readsConnections(ui, sel), ui.hex, width);
  if (rows.length <= room) return false;
  const now = place(rows.length, room, endFor(rows, readsAnchor(ui, sel)));
  const page = Math.max(1, now.end - now.start - 1);
  const step = {
    up: -1,
    down: 1,
    pageup: -page,
    pagedown: page,
    home: -rows.length,
    end: rows.length,
  }[name];
  const end = Math.max(0, now.end + step);
  if (end >= rows.length) ctx.set({ readsScroll: null });
  else {
    const anchor = end === 0 ? Number.NEGATIVE_INFINITY : rows[end - 1].seq;
    ctx.set({ readsScroll: { key: readsKey(ui, sel), anchor } });
  }
  return true;
}
