import { Text } from 'ink';
import { formatAddress } from '../../format/address.js';
import { clip } from '../../format/clip.js';
import { escapeText } from '../../format/escapeBytes.js';
import { formatClock, formatCount } from '../../format/units.js';
import { wrapText } from '../../format/wrapText.js';
import { entryText } from '../../i18n/entryText.js';
import { t } from '../../i18n/i18n.js';
import { subjectText } from '../../i18n/labels.js';
import type { ErrorEntry } from '../../state/types.js';
import { theme } from '../theme.js';
import { contentRows, Pane } from './Pane.js';

interface Props {
  errors: readonly ErrorEntry[];
  selectedId: number | null;
  focused: boolean;
  width: number;
  height: number;
}

/** Bind and client errors and notes, newest first, until dismissed; the selected one in full. */
export function ErrorsPane({ errors, selectedId, focused, width, height }: Props) {
  const room = contentRows(height);
  const inner = Math.max(10, width - 2);
  const selected = errors.find((e) => e.id === selectedId) ?? errors[0];
  const rows: { key: string; text: string; color?: string; bold?: boolean }[] = [];
  for (const e of errors) {
    if (rows.length >= room) break;
    const isSel = e === selected;
    const code = e.error?.code ?? t(e.kind === 'note' ? 'errors.note' : 'errors.error');
    const where =
      e.error?.address !== undefined && e.error.port !== undefined
        ? ` ${formatAddress(e.error.address, e.error.port)}`
        : '';
    const head = `${isSel ? '▶' : ' '} ${code} ${subjectText(e.subject)}${where}${e.error?.syscall ? ` (${e.error.syscall})` : ''} ${formatClock(e.time).slice(0, 8)}`;
    const color = e.kind === 'note' ? theme.warn : theme.error;
    // Cut to what the pane can show before escaping and wrapping: a 100 KB host in an
    // entry froze every frame.
    rows.push({
      key: `${e.id}`,
      text: clip(escapeText(clip(head, inner)), inner),
      color,
      bold: isSel,
    });
    const text = escapeText(clip(entryText(e), inner * room));
    if (isSel) {
      // The selected entry's explanation wraps over the rows that are left, keeping one per other entry.
      const spare = Math.max(1, room - rows.length - Math.min(errors.length - 1, 2));
      const lines = wrapText(text, inner - 2);
      for (const [i, line] of lines.slice(0, spare).entries()) {
        rows.push({ key: `${e.id}-${i}`, text: `  ${line}` });
      }
    } else {
      rows[rows.length - 1].text = clip(`${rows[rows.length - 1].text} — ${text}`, inner);
    }
  }
  return (
    <Pane
      title={t('errors.title')}
      info={errors.length ? t('errors.info', { count: formatCount(errors.length) }) : ''}
      focused={focused}
      width={width}
      height={height}
    >
      {errors.length === 0 ? (
        <Text wrap="truncate" color={theme.dim}>
          {t('errors.empty')}
        </Text>
      ) : null}
      {rows.slice(0, room).map((r) => (
        <Text key={r.key} wrap="truncate" color={r.color} bold={r.bold}>
          {r.text}
        </Text>
      ))}
    </Pane>
  );
}
