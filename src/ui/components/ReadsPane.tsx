import { Text } from 'ink';
import { formatCount } from '../../format/units.js';
import { t } from '../../i18n/i18n.js';
import type { ConnectionView } from '../../state/types.js';
import { timelineRows, timelineView } from '../readRows.js';
import { theme } from '../theme.js';
import { contentRows, Pane } from './Pane.js';

interface Props {
  title: string;
  conns: readonly ConnectionView[];
  hex: boolean;
  focused: boolean;
  width: number;
  height: number;
  bufferSize: number;
  /** The seq of the bottom row when scrolled back; null follows the newest. */
  anchor?: number | null;
  /** The connection's last 30 s and rate (readsSpark), after the title. */
  spark?: string | null;
}

/**
 * The connection's timeline: every read with its byte count grouped by burst (←), what
 * socklab sent (→) and the events between; network bytes always escaped.
 */
export function ReadsPane({
  title,
  conns,
  hex,
  focused,
  width,
  height,
  bufferSize,
  anchor = null,
  spark = null,
}: Props) {
  const all = timelineRows(conns, hex, width);
  // Until data flows, the hint how to send some stays above the events.
  const data = all.some((r) => r.kind === 'read' || r.kind === 'sent');
  const room = contentRows(height) - (data ? 0 : 1);
  const { rows } = timelineView(all, room, anchor);
  const follow = t(anchor === null ? 'reads.following' : 'reads.scrolled');
  return (
    <Pane
      title={conns.length > 0 ? `${title} · ${follow}${spark ? ` · ${spark}` : ''}` : title}
      info={t('reads.info', {
        view: t(hex ? 'reads.hex' : 'reads.text'),
        bytes: formatCount(bufferSize),
      })}
      focused={focused}
      width={width}
      height={height}
    >
      {!data ? (
        <Text wrap="truncate" color={theme.dim}>
          {t('reads.empty')}
        </Text>
      ) : null}
      {rows.map((r) => (
        <Text
          key={r.key}
          wrap="truncate"
          bold={r.kind === 'burst'}
          color={
            r.kind === 'burst'
              ? theme.accent
              : r.kind === 'more' || r.kind === 'gap' || r.kind === 'event'
                ? theme.dim
                : undefined
          }
        >
          {r.text}
        </Text>
      ))}
    </Pane>
  );
}
