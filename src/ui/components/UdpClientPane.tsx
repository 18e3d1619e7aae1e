import { Text } from 'ink';
import { clip } from '../../format/clip.js';
import { escapeText } from '../../format/escapeBytes.js';
import { wrapText } from '../../format/wrapText.js';
import { explainError } from '../../i18n/explainError.js';
import { t } from '../../i18n/i18n.js';
import type { UdpSocketView } from '../../udp/udpTypes.js';
import { theme } from '../theme.js';
import { contentRows, Pane, visibleWindow } from './Pane.js';
import { udpClientTotals, udpRowText } from './UdpRows.js';

/** The client pane while it shows UDP clients (U): each one's target, counts, last error. */
export function UdpClientPane({
  clients,
  selected,
  focused,
  width,
  height,
}: {
  clients: readonly UdpSocketView[];
  selected: UdpSocketView | null;
  focused: boolean;
  width: number;
  height: number;
}) {
  const room = contentRows(height);
  const err = selected?.lastError ?? selected?.error ?? null;
  const totals = selected ? 1 : 0;
  const listRoom = Math.max(1, Math.min(clients.length, room - totals - (err ? 3 : 0)));
  // The explanation wrapped into the rows left (rows that do not fit must not be drawn).
  const why = err
    ? wrapText(`${err.code}: ${escapeText(clip(explainError(err), 2000))}`, width - 4).slice(
        0,
        Math.max(0, room - listRoom - totals),
      )
    : [];
  const sel = Math.max(
    0,
    clients.findIndex((c) => c.id === selected?.id),
  );
  const [from, to] = visibleWindow(clients.length, sel, listRoom);
  return (
    <Pane
      title={t('udp.client.title')}
      info={t('udp.client.info')}
      focused={focused}
      width={width}
      height={height}
    >
      {clients.length === 0 ? (
        <Text wrap="truncate" color={theme.dim}>
          {t('udp.client.empty')}
        </Text>
      ) : null}
      {clients.slice(from, to).map((c) => (
        <Text key={c.id} wrap="truncate" inverse={c.id === selected?.id && focused}>
          {c.id === selected?.id ? '▶ ' : '  '}
          {udpRowText(c, width)}
        </Text>
      ))}
      {selected ? (
        <Text wrap="truncate" color={theme.dim}>
          {`  ${udpClientTotals(selected, width)}`}
        </Text>
      ) : null}
      {why.map((line, i) => (
        <Text key={i} wrap="truncate" color={theme.error}>
          {`  ${line}`}
        </Text>
      ))}
    </Pane>
  );
}
