import { formatAddress } from '../format/address.js';
import { formatCount } from '../format/units.js';
import { faultText } from '../i18n/faultText.js';
import { t } from '../i18n/i18n.js';
import { connectionStateText, listenerStateText } from '../i18n/labels.js';
import type { Snapshot } from '../state/types.js';
import { mdText } from './markdown.js';

/**
 * The report's proxies: each with its target and faults, then each proxied pair as one line
 * (client → proxy ⇄ proxy's own port → target) with both directions' bytes and reads.
 * Nothing when no proxy ran.
 */
export function proxySection(snap: Snapshot): string[] {
  const proxies = snap.listeners.filter((l) => l.proxy);
  if (proxies.length === 0) return [];
  const byId = new Map(snap.connections.map((c) => [c.id, c]));
  const out = [`## ${t('report.proxies')}`, ''];
  for (const l of proxies) {
    const p = l.proxy;
    if (!p) continue;
    const target = mdText(formatAddress(p.target.address, p.target.port));
    out.push(
      t('report.proxyRow', {
        id: l.id,
        address: mdText(formatAddress(l.host, l.boundPort ?? l.port)),
        target,
        state: listenerStateText(l.state, mdText(l.error?.code ?? '')),
        up: faultText(p.faults.upstream),
        down: faultText(p.faults.downstream),
      }),
    );
    for (const c of snap.connections) {
      if (c.proxy?.role !== 'accepted' || c.proxy.listener !== l.id) continue;
      const up = c.proxy.partner === null ? undefined : byId.get(c.proxy.partner);
      out.push(
        `  ${t('report.pairRow', {
          id: c.id,
          client: mdText(formatAddress(c.peer.address, c.peer.port)),
          port: c.local.port,
          up: up?.id ?? '—',
          upPort: up?.local.port ?? '—',
          target,
          bytesUp: formatCount(c.bytesIn),
          readsUp: formatCount(c.reads),
          bytesDown: formatCount(up?.bytesIn ?? 0),
          readsDown: formatCount(up?.reads ?? 0),
          state: mdText(connectionStateText(c)),
        })}`,
      );
    }
  }
  out.push('');
  return out;
}
