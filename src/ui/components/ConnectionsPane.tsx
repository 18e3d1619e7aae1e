import { Text } from 'ink';
import { formatHost } from '../../format/address.js';
import { escapeText } from '../../format/escapeBytes.js';
import { formatAge, formatBytes, formatCount, formatRate } from '../../format/units.js';
import { t } from '../../i18n/i18n.js';
import { kernelColumn } from '../../i18n/kernelText.js';
import { connectionStateText } from '../../i18n/labels.js';
import type { ConnectionView, ListenerView } from '../../state/types.js';
import { pairText } from '../proxyRow.js';
import { theme } from '../theme.js';
import { contentRows, Pane, visibleWindow } from './Pane.js';

interface Props {
  listener: ListenerView | null;
  connections: readonly ConnectionView[];
  selectedId: number | null;
  focused: boolean;
  width: number;
  height: number;
  now: number;
  /** A proxy's dialled legs by id: the other half of each proxied row. */
  legs?: ReadonlyMap<number, ConnectionView>;
}

/** "open", "queued #2"; once closed, who closed it and how ("reset by peer"). */
export function connState(c: ConnectionView): string {
  return escapeText(connectionStateText(c));
}

const host = (a: string) => escapeText(formatHost(a));

/**
 * The kernel's state and queues of the row's socket, as `ss` says them (" · TIME-WAIT",
 * " · Recv-Q 28"). ESTAB on an open or queued row says nothing the row does not: only its
 * queues show, when bytes wait (the ports view, k, lists every state).
 */
export function KernelColumn({ c }: { c: ConnectionView }) {
  const k = c.kernel;
  if (!k) return null;
  const implied = k.state === 'ESTABLISHED' && (c.state === 'open' || c.state === 'queued');
  const busy = k.recvQ > 0 || k.sendQ > 0;
  if (implied && !busy) return null;
  return <Text color={busy ? theme.warn : theme.dim}>{` · ${kernelColumn(k, implied)}`}</Text>;
}

/** Accepted connections of the selected listener; the peer's ephemeral port stands out. */
/** A proxied row's dialled leg, when it has one. */
const legOf = (c: ConnectionView, legs?: ReadonlyMap<number, ConnectionView>) =>
  c.proxy?.partner == null ? undefined : legs?.get(c.proxy.partner);

export function ConnectionsPane({
  listener,
  connections,
  selectedId,
  focused,
  width,
  height,
  now,
  legs,
}: Props) {
  const room = contentRows(height);
  const sel = Math.max(
    0,
    connections.findIndex((c) => c.id === selectedId),
  );
  const [from, to] = visibleWindow(connections.length, sel, room);
  const title = listener ? t('conns.titleOn', { id: listener.id }) : t('conns.title');
  const count =
    connections.length > room
      ? t('conns.range', {
          from: formatCount(from + 1),
          to: formatCount(to),
          count: formatCount(connections.length),
        })
      : formatCount(connections.length);
  return (
    <Pane
      title={title}
      info={t('conns.info', { count })}
      focused={focused}
      width={width}
      height={height}
    >
      {connections.length === 0 ? (
        <Text wrap="truncate" color={theme.dim}>
          {t('conns.empty')}
        </Text>
      ) : null}
      {connections.slice(from, to).map((c) => {
        const selected = c.id === selectedId;
        const age = formatAge((c.closedAt ?? now) - c.openedAt);
        const closed = c.closedAt !== null;
        const leg = legOf(c, legs);
        const legHeld = leg?.writeWaiting ?? null;
        return (
          <Text
            key={c.id}
            wrap="truncate"
            inverse={selected && focused}
            color={closed ? theme.dim : undefined}
          >
            {selected ? '▶' : ' '} #{c.id}{' '}
            {c.peer.address === '' ? (
              <Text color={theme.warn}>{t('conns.peerUnknown')}</Text>
            ) : (
              <>
                {host(c.peer.address)}:
                <Text bold underline color={theme.port}>
                  {c.peer.port}
                </Text>
              </>
            )}
            {` → :${c.local.port} `}
            <Text color={c.state === 'queued' ? theme.warn : undefined} bold={c.state === 'queued'}>
              {connState(c)}
            </Text>
            {c.writeWaiting !== null ? (
              <Text color={theme.warn} bold>
                {` · ${t('conns.blocked', { bytes: formatBytes(c.writeWaiting) })}`}
              </Text>
            ) : null}
            {/* The other direction: the target does not read what the proxy forwards. */}
            {legHeld !== null ? (
              <Text color={theme.warn} bold>
                {` · ${t('proxy.upstreamBlocked', {
                  bytes: formatBytes(legHeld),
                })}`}
              </Text>
            ) : null}
            {/* The pair's far end after what blocks: a narrow pane truncates the end. */}
            {c.proxy ? <Text color={theme.client}>{pairText(c, leg)}</Text> : null}
            <KernelColumn c={c} />
            {c.readPaused ? (
              <Text color={theme.warn} bold>
                {` · ${t('conns.paused', { held: formatBytes(c.heldUnread ?? 0) })}`}
              </Text>
            ) : null}
            {c.linkedId !== null ? (
              <Text color={theme.client}>
                {` ◆ ${c.owner ? t('conns.linkedLab', { lab: c.owner.lab, id: c.linkedId }) : t('conns.linked', { id: c.linkedId })}`}
              </Text>
            ) : null}
            {/* The rate before the totals: a narrow pane truncates the end. */}
            {c.rate.bytesPerSec > 0
              ? ` ${t('conns.rate', {
                  rate: formatRate(c.rate.bytesPerSec),
                  reads: formatCount(c.rate.readsPerSec),
                })} ·`
              : ''}
            {` ${t(c.reads === 1 ? 'conns.row.one' : 'conns.row.other', {
              age,
              bytesIn: formatBytes(c.bytesIn),
              reads: formatCount(c.reads),
              bytesOut: formatBytes(c.bytesOut),
            })}`}
          </Text>
        );
      })}
    </Pane>
  );
}
