import { Text } from 'ink';
import { formatAddress } from '../../core/explainErrno.js';
import { escapeText } from '../../format/escapeBytes.js';
import { formatBytes } from '../../format/units.js';
import type { ListenerView } from '../../state/types.js';
import { theme } from '../theme.js';
import { contentRows, Pane, visibleWindow } from './Pane.js';

interface Props {
  listeners: readonly ListenerView[];
  selectedId: number | null;
  focused: boolean;
  width: number;
  height: number;
}

export function listenerState(l: ListenerView): string {
  if (l.state === 'failed') return `failed ${l.error?.code ?? ''}`;
  return l.state;
}

/** One row per listener: address, state, open · queued · total, bytes in. */
export function ListenersPane({ listeners, selectedId, focused, width, height }: Props) {
  const room = contentRows(height);
  const sel = Math.max(
    0,
    listeners.findIndex((l) => l.id === selectedId),
  );
  const [from, to] = visibleWindow(listeners.length, sel, room);
  return (
    <Pane
      title="Listeners"
      info={`${listeners.length}`}
      focused={focused}
      width={width}
      height={height}
    >
      {listeners.length === 0 ? (
        <Text wrap="truncate" color={theme.dim}>
          none — press n to listen
        </Text>
      ) : null}
      {listeners.slice(from, to).map((l) => {
        const selected = l.id === selectedId;
        const addr = escapeText(formatAddress(l.host, l.boundPort ?? l.port));
        const exposed = l.host === '0.0.0.0' || l.host === '::' ? ' ⚠ all interfaces' : '';
        const color =
          l.state === 'failed' ? theme.error : l.state === 'closed' ? theme.dim : undefined;
        return (
          <Text key={l.id} wrap="truncate" color={color} inverse={selected && focused}>
            {selected ? '▶' : ' '} #{l.id} {addr} {listenerState(l)}
            {l.state === 'failed'
              ? ' (r retries)'
              : ` ${l.open - l.queued} open · ${l.queued} queued · ${l.total} total · ${formatBytes(l.bytesIn)} in${l.echo ? ' · echo' : ''}${l.refused ? ` · ${l.refused} refused` : ''}${exposed}`}
          </Text>
        );
      })}
    </Pane>
  );
}
