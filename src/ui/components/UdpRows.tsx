import { Text } from 'ink';
import { formatAddress } from '../../format/address.js';
import { clip } from '../../format/clip.js';
import { escapeText } from '../../format/escapeBytes.js';
import { formatBytes, formatCount } from '../../format/units.js';
import { t } from '../../i18n/i18n.js';
import { udpStateText } from '../../i18n/udpText.js';
import type { UdpSocketView } from '../../udp/udpTypes.js';
import { theme } from '../theme.js';

/** One line about a UDP socket or client, escaped and cut before layout. */
export function udpRowText(u: UdpSocketView, width: number): string {
  const address = formatAddress(u.host, u.boundPort ?? u.port);
  const owner = u.owner ? ` ${t('lab.owner', { id: u.owner.lab })}` : '';
  const text =
    u.kind === 'client'
      ? t('udp.row.client', {
          id: u.id,
          target: u.target ? formatAddress(u.target.address, u.target.port) : '?',
          port: u.boundPort ?? '—',
        })
      : t('udp.row', {
          id: u.id,
          address: `${address}${owner}`,
          state: udpStateText(u),
          datagramsIn: formatCount(u.datagramsIn),
          bytesIn: formatBytes(u.bytesIn),
          bytesOut: formatBytes(u.bytesOut),
        });
  const k = u.kernel && (u.kernel.rxQueue > 0 || u.kernel.drops > 0) ? u.kernel : null;
  const kernel = k
    ? ` · ${t('udp.kernel', { rx: formatCount(k.rxQueue), drops: formatCount(k.drops) })}`
    : '';
  return escapeText(clip(text + kernel, width));
}

/** A UDP client's counts, on the row under the list (the row itself says where it sends). */
export function udpClientTotals(u: UdpSocketView, width: number): string {
  const text = t('udp.client.totals', {
    id: u.id,
    connected: u.connected ? t('udp.connected') : '',
    datagramsOut: formatCount(u.datagramsOut),
    bytesOut: formatBytes(u.bytesOut),
    datagramsIn: formatCount(u.datagramsIn),
    // Bound is what a client is while it works: only the other states are news.
    state: u.state === 'listening' ? '' : ` · ${udpStateText(u)}`,
  });
  return escapeText(clip(text, width));
}

/** A UDP socket's row in the listeners pane (after the TCP listeners). */
export function UdpRow({
  u,
  selected,
  focused,
  width,
}: {
  u: UdpSocketView;
  selected: boolean;
  focused: boolean;
  width: number;
}) {
  const color = u.state === 'failed' ? theme.error : u.state === 'closed' ? theme.dim : undefined;
  return (
    <Text wrap="truncate" color={color} inverse={selected && focused}>
      {selected ? '▶ ' : '  '}
      {udpRowText(u, width)}
    </Text>
  );
}
