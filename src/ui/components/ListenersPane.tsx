import { Text } from 'ink';
import { formatAddress, isAllInterfaces } from '../../format/address.js';
import { clip } from '../../format/clip.js';
import { escapeText } from '../../format/escapeBytes.js';
import { formatBytes, formatCount, formatRate } from '../../format/units.js';
import { t } from '../../i18n/i18n.js';
import { listenerStateText } from '../../i18n/labels.js';
import type { ListenerView } from '../../state/types.js';
import type { UdpSocketView } from '../../udp/udpTypes.js';
import { proxyFaultsText, proxyTargetText } from '../proxyRow.js';
import { theme } from '../theme.js';
import { contentRows, Pane, visibleWindow } from './Pane.js';
import { UdpRow } from './UdpRows.js';

interface Props {
  listeners: readonly ListenerView[];
  selectedId: number | null;
  focused: boolean;
  width: number;
  height: number;
  /** UDP sockets, listed after the TCP listeners; `udpSelected` when one is the selection. */
  udp?: readonly UdpSocketView[];
  udpSelected?: number | null;
}

/** "accept queue 2/4096": connections the kernel completed that no accept() took yet, of the backlog. */
const acceptQueue = (l: ListenerView) =>
  t('kernel.acceptQueue', {
    count: formatCount(l.acceptQueue ?? 0),
    backlog: formatCount(l.backlog),
  });

export function listenerState(l: ListenerView): string {
  return listenerStateText(l.state, l.error?.code ?? '');
}

/** One row per listener: address, state, open · queued · total, bytes in. */
export function ListenersPane({
  listeners,
  selectedId,
  focused,
  width,
  height,
  udp = [],
  udpSelected = null,
}: Props) {
  const room = contentRows(height);
  const udpAt = udp.findIndex((u) => u.id === udpSelected);
  const sel = Math.max(
    0,
    udpAt >= 0 ? listeners.length + udpAt : listeners.findIndex((l) => l.id === selectedId),
  );
  const [from, to] = visibleWindow(listeners.length + udp.length, sel, room);
  const tcpSelected = udpAt >= 0 ? null : selectedId;
  return (
    <Pane
      title={t('listeners.title')}
      info={
        udp.length
          ? t('udp.listenersInfo', {
              tcp: formatCount(listeners.length),
              udp: formatCount(udp.length),
            })
          : `${listeners.length}`
      }
      focused={focused}
      width={width}
      height={height}
    >
      {listeners.length === 0 && udp.length === 0 ? (
        <Text wrap="truncate" color={theme.dim}>
          {t('listeners.empty')}
        </Text>
      ) : null}
      {listeners.slice(from, to).map((l) => {
        const selected = l.id === tcpSelected;
        const addr = escapeText(clip(formatAddress(l.host, l.boundPort ?? l.port), width));
        const exposed =
          l.boundAddress !== null && isAllInterfaces(l.boundAddress)
            ? ` ⚠ ${t('listeners.allInterfaces')}`
            : '';
        const color =
          l.state === 'failed' ? theme.error : l.state === 'closed' ? theme.dim : undefined;
        return (
          <Text key={l.id} wrap="truncate" color={color} inverse={selected && focused}>
            {/* The warning and the refusals come early: a narrow pane truncates the end. */}
            {selected ? '▶' : ' '} #{l.id} {addr}
            {exposed}
            {l.proxy ? <Text color={theme.client}>{proxyTargetText(l)}</Text> : null}
            {l.owner ? ` ${t('lab.owner', { id: l.owner.lab })}` : ''}{' '}
            {escapeText(listenerState(l))}
            {l.proxy ? <Text color={theme.client}>{proxyFaultsText(l)}</Text> : null}
            {/* Connections waiting in the kernel's accept queue, when any (Node accepts at once, so
                they wait only while the engine thread is busy): early on the row. The backlog shows
                in the ports view (k), as ss shows it. */}
            {l.acceptQueue ? <Text color={theme.warn}>{` · ${acceptQueue(l)} ·`}</Text> : null}
            {l.halfOpen ? ` ${t('listeners.halfOpen')}` : ''}
            {l.state === 'failed'
              ? ` ${t('listeners.retry')}`
              : ` ${t('listeners.open', { count: formatCount(l.open - l.queued) })}${l.rate.bytesPerSec > 0 ? ` · ${t('listeners.rate', { rate: formatRate(l.rate.bytesPerSec), reads: formatCount(l.rate.readsPerSec) })}` : ''}${l.refused ? ` · ${t('listeners.refused', { count: formatCount(l.refused) })}` : ''} · ${t('listeners.stats', { queued: formatCount(l.queued), total: formatCount(l.total), bytesIn: formatBytes(l.bytesIn) })}${l.echo ? ` · ${t('listeners.echo')}` : ''}`}
          </Text>
        );
      })}
      {udp
        .slice(Math.max(0, from - listeners.length), Math.max(0, to - listeners.length))
        .map((u) => (
          <UdpRow
            key={`u${u.id}`}
            u={u}
            selected={u.id === udpSelected}
            focused={focused}
            width={width}
          />
        ))}
    </Pane>
  );
}
