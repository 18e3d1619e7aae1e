import { Text } from 'ink';
import { formatAddress } from '../../format/address.js';
import { clip } from '../../format/clip.js';
import { escapeText } from '../../format/escapeBytes.js';
import { formatClock, formatCount } from '../../format/units.js';
import { t } from '../../i18n/i18n.js';
import { computedNote, recvfromText } from '../../i18n/udpText.js';
import type { UdpSocketView } from '../../udp/udpTypes.js';
import { theme } from '../theme.js';
import { contentRows, Pane } from './Pane.js';

/**
 * In place of the reads: each datagram, whole, with its true size and what recvfrom(N) at
 * the slider's N would return and discard — said to be computed, as the OS would do it.
 */
export function UdpDatagramsPane({
  u,
  focused,
  width,
  height,
  bufferSize,
}: {
  u: UdpSocketView;
  focused: boolean;
  width: number;
  height: number;
  /** The slider now: each datagram says what recvfrom(N) would do with this N. */
  bufferSize: number;
}) {
  const k = u.kernel;
  const room = Math.max(0, contentRows(height) - 1 - (k ? 1 : 0));
  const rows = u.datagrams.slice(-room);
  return (
    <Pane
      title={t('udp.reads.title', { id: u.id })}
      focused={focused}
      width={width}
      height={height}
    >
      <Text wrap="truncate" color={theme.dim}>
        {escapeText(clip(computedNote(bufferSize), width))}
      </Text>
      {k ? (
        <Text wrap="truncate" color={k.drops > 0 ? theme.warn : theme.dim}>
          {clip(
            t(k.drops > 0 ? 'udp.kernel.long' : 'udp.kernel.none', {
              rx: formatCount(k.rxQueue),
              drops: formatCount(k.drops),
            }),
            width,
          )}
        </Text>
      ) : null}
      {rows.length === 0 ? (
        <Text wrap="truncate" color={theme.dim}>
          {t('udp.reads.empty')}
        </Text>
      ) : null}
      {rows.map((d, i) => (
        <Text key={`${d.time}-${i}`} wrap="truncate">
          {`${formatClock(d.time)} `}
          {escapeText(
            clip(
              t('udp.reads.row', {
                from: formatAddress(d.from.address, d.from.port),
                bytes: formatCount(d.bytes),
                recvfrom: recvfromText(d.bytes, bufferSize, d.preview),
              }),
              width,
            ),
          )}
        </Text>
      ))}
    </Pane>
  );
}
