import { Text } from 'ink';
import { escapeText } from '../../format/escapeBytes.js';
import { formatAge, formatBytes, formatCount } from '../../format/units.js';
import type { ConnectionView, ListenerView } from '../../state/types.js';
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
}

export function connState(c: ConnectionView): string {
  return c.state === 'queued' ? `queued #${c.queuePosition}` : c.state;
}

const host = (a: string) => escapeText(a.includes(':') ? `[${a}]` : a);

/** Accepted connections of the selected listener; the peer's ephemeral port stands out. */
export function ConnectionsPane({
  listener,
  connections,
  selectedId,
  focused,
  width,
  height,
  now,
}: Props) {
  const room = contentRows(height);
  const sel = Math.max(
    0,
    connections.findIndex((c) => c.id === selectedId),
  );
  const [from, to] = visibleWindow(connections.length, sel, room);
  const title = listener ? `Connections on #${listener.id}` : 'Connections';
  const info =
    connections.length > room
      ? `${from + 1}–${to} of ${connections.length}`
      : `${connections.length}`;
  return (
    <Pane
      title={title}
      info={`${info} · peer = client's ephemeral port`}
      focused={focused}
      width={width}
      height={height}
    >
      {connections.length === 0 ? (
        <Text wrap="truncate" color={theme.dim}>
          none yet — press c, or run socklab send HOST:PORT
        </Text>
      ) : null}
      {connections.slice(from, to).map((c) => {
        const selected = c.id === selectedId;
        const age = formatAge((c.closedAt ?? now) - c.openedAt);
        const closed = c.closedAt !== null;
        return (
          <Text
            key={c.id}
            wrap="truncate"
            inverse={selected && focused}
            color={closed ? theme.dim : undefined}
          >
            {selected ? '▶' : ' '} #{c.id} {host(c.peer.address)}:
            <Text bold underline color={theme.port}>
              {c.peer.port}
            </Text>
            {` → :${c.local.port} `}
            <Text color={c.state === 'queued' ? theme.warn : undefined} bold={c.state === 'queued'}>
              {connState(c)}
            </Text>
            {c.linkedId !== null ? (
              <Text color={theme.client}>{` ◆ client #${c.linkedId}`}</Text>
            ) : null}
            {` ${age} · in ${formatBytes(c.bytesIn)}/${formatCount(c.reads)} read${c.reads === 1 ? '' : 's'} · out ${formatBytes(c.bytesOut)}`}
          </Text>
        );
      })}
    </Pane>
  );
}
