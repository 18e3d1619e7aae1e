import { Text } from 'ink';
import { formatAddress } from '../../format/address.js';
import { clip } from '../../format/clip.js';
import { escapeText } from '../../format/escapeBytes.js';
import { formatBytes, formatCount } from '../../format/units.js';
import { t } from '../../i18n/i18n.js';
import type { UdpSocketView } from '../../udp/udpTypes.js';
import { theme } from '../theme.js';
import { contentRows, Pane } from './Pane.js';

/** In place of the connections: UDP has none, so one row per sender, newest first. */
export function UdpPeersPane({
  u,
  focused,
  width,
  height,
}: {
  u: UdpSocketView;
  focused: boolean;
  width: number;
  height: number;
}) {
  const room = contentRows(height);
  const more = u.peersEvicted > 0 ? 1 : 0;
  const shown = u.peers.slice(0, Math.max(0, room - more));
  return (
    <Pane
      title={t('udp.peers.title', { id: u.id })}
      info={t('udp.peers.info', { count: formatCount(u.peers.length) })}
      focused={focused}
      width={width}
      height={height}
    >
      {u.peers.length === 0 ? (
        <Text wrap="truncate" color={theme.dim}>
          {t('udp.peers.empty')}
        </Text>
      ) : null}
      {shown.map((p) => (
        <Text key={`${p.address}|${p.port}`} wrap="truncate">
          {escapeText(
            clip(
              t('udp.peers.row', {
                from: formatAddress(p.address, p.port),
                datagrams: formatCount(p.datagrams),
                bytes: formatBytes(p.bytes),
                last: formatCount(p.lastSize),
              }),
              width,
            ),
          )}
        </Text>
      ))}
      {more ? (
        <Text wrap="truncate" color={theme.dim}>
          {t('udp.peers.evicted', { count: formatCount(u.peersEvicted) })}
        </Text>
      ) : null}
    </Pane>
  );
}
