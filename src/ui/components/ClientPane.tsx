import { Text } from 'ink';
import { clip } from '../../format/clip.js';
import { escapeBytes, escapeText } from '../../format/escapeBytes.js';
import { formatBytes } from '../../format/units.js';
import { explainError } from '../../i18n/explainError.js';
import { t } from '../../i18n/i18n.js';
import type { ConnectionView } from '../../state/types.js';
import { theme } from '../theme.js';
import { connState, KernelColumn } from './ConnectionsPane.js';
import { contentRows, Pane, visibleWindow } from './Pane.js';

interface Props {
  clients: readonly ConnectionView[];
  selected: ConnectionView | null;
  focused: boolean;
  width: number;
  height: number;
  /** A UDP socket is selected in the listeners pane: c has no TCP listener to connect to. */
  udpRow?: boolean;
}

/**
 * "#1: out 28 B · in 0 B"; a closed client says first how it closed, which its row (cut in a
 * narrow pane) may not show whole.
 */
function totals(c: ConnectionView): string {
  const vars = { id: c.id, bytesOut: formatBytes(c.bytesOut), bytesIn: formatBytes(c.bytesIn) };
  return c.closeReason
    ? t('client.totalsClosed', { ...vars, how: connState(c) })
    : t('client.totals', vars);
}

/** socklab's own clients: target, the client's local (ephemeral) port, state, bytes, replies. */
export function ClientPane({ clients, selected, focused, width, height, udpRow = false }: Props) {
  const room = contentRows(height);
  const replies = selected ? selected.recentReads.slice(-2) : [];
  // The totals row, then the error or "blocked" row (a blocked socket has no error yet).
  const listRoom = Math.max(1, room - 2 - replies.length);
  const sel = Math.max(
    0,
    clients.findIndex((c) => c.id === selected?.id),
  );
  const [from, to] = visibleWindow(clients.length, sel, listRoom);
  return (
    <Pane
      title={t('client.title')}
      info={t(udpRow ? 'client.infoUdpRow' : 'client.info')}
      focused={focused}
      width={width}
      height={height}
    >
      {clients.length === 0 ? (
        <Text wrap="truncate" color={theme.dim}>
          {t(udpRow ? 'client.emptyUdpRow' : 'client.empty')}
        </Text>
      ) : null}
      {clients.slice(from, to).map((c) => {
        const isSel = c.id === selected?.id;
        const closed = c.closedAt !== null;
        return (
          <Text
            key={c.id}
            wrap="truncate"
            inverse={isSel && focused}
            color={closed ? theme.dim : undefined}
          >
            {isSel ? '▶' : ' '} #{c.id} {c.owner ? `${t('lab.owner', { id: c.owner.lab })} · ` : ''}
            {t('client.localPort')}{' '}
            <Text bold underline color={theme.port}>
              {c.local.port || '—'}
            </Text>
            {` ${connState(c)}`}
            {c.writeWaiting !== null ? (
              <Text color={theme.warn} bold>{`, ${t('client.rowBlocked')}`}</Text>
            ) : null}
            {c.readPaused ? (
              <Text color={theme.warn} bold>{`, ${t('client.rowPaused')}`}</Text>
            ) : null}
            {` → ${escapeText(clip(c.target ?? '', width))}`}
          </Text>
        );
      })}
      {selected ? (
        <Text wrap="truncate" color={theme.dim}>
          {`  ${totals(selected)}${selected.noDelay ? ` · ${t('client.nodelay')}` : ''}`}
          {/* The kernel's view on the detail row: the list row keeps its target in sight. */}
          <KernelColumn c={selected} />
          {selected.error && selected.closeReason !== 'error' ? (
            <Text color={theme.error}>{` · ${escapeText(selected.error.code)}`}</Text>
          ) : null}
        </Text>
      ) : null}
      {selected && selected.writeWaiting !== null ? (
        <Text wrap="truncate" color={theme.warn}>
          {`  ${t('client.blocked', { bytes: formatBytes(selected.writeWaiting) })}`}
        </Text>
      ) : null}
      {replies.map((r) => (
        <Text key={r.seq} wrap="truncate" color={theme.dim}>
          {`  ← ${r.size} B "${escapeBytes(r.preview)}${r.size > r.preview.length ? '…' : ''}"`}
        </Text>
      ))}
      {selected?.error ? (
        <Text wrap="truncate" color={theme.error}>
          {`  ${escapeText(clip(explainError(selected.error), width))}`}
        </Text>
      ) : null}
    </Pane>
  );
}
