import { formatAddress } from '../format/address.js';
import { escapeText } from '../format/escapeBytes.js';
import { ARROW, faultText } from '../i18n/faultText.js';
import { t } from '../i18n/i18n.js';
import { connectionStateText } from '../i18n/labels.js';
import { DIRECTIONS } from '../state/proxyTypes.js';
import type { ConnectionView, ListenerView } from '../state/types.js';

/**
 * The dialled half of a proxied pair's row: its own ephemeral port and the target, then its
 * state when it differs ("⇄ :41222 → 127.0.0.1:9999", "⇄ 127.0.0.1:9 ECONNREFUSED").
 */
export function pairText(c: ConnectionView, leg: ConnectionView | undefined): string {
  if (!c.proxy) return '';
  const why = c.error?.code ?? leg?.error?.code;
  const to = leg ? formatAddress(leg.peer.address, leg.peer.port) : '?';
  if (!leg || leg.local.port === 0) {
    const text = why ? `⇄ ${to} ${why}` : t('proxy.pairDialling', { target: to });
    return escapeText(` ${text}`);
  }
  const own = ` ⇄ :${leg.local.port} → ${to}`;
  const state = connectionStateText(leg);
  const mine = connectionStateText(c);
  return escapeText(state === mine ? own : `${own} ${t('proxy.upstreamState', { state })}`);
}

/** A proxy's target, early on its row: " ⇄ 127.0.0.1:9999". */
export function proxyTargetText(l: ListenerView): string {
  const p = l.proxy;
  return p ? escapeText(` ⇄ ${formatAddress(p.target.address, p.target.port)}`) : '';
}

/**
 * Its active faults per direction, after its state (" · → pace 30 ms · ← latency 200 ms");
 * nothing when there are none, so the state and counts stay in a narrow pane.
 */
export function proxyFaultsText(l: ListenerView): string {
  const p = l.proxy;
  if (!p) return '';
  const on = DIRECTIONS.filter((d) => faultText(p.faults[d]) !== t('proxy.noFaults'));
  return escapeText(on.map((d) => ` · ${ARROW[d]} ${faultText(p.faults[d])}`).join(''));
}
