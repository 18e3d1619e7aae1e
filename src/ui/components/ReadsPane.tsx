import { Text } from 'ink';
import { t } from '../../i18n/i18n.js';
import type { ConnectionView } from '../../state/types.js';
import { readRows } from '../readRows.js';
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
}

/** Every read with its byte count, grouped by burst; network bytes always escaped. */
export function ReadsPane({ title, conns, hex, focused, width, height, bufferSize }: Props) {
  const rows = readRows(conns, contentRows(height), hex, width);
  return (
    <Pane
      title={title}
      info={t('reads.info', { view: t(hex ? 'reads.hex' : 'reads.text'), bytes: bufferSize })}
      focused={focused}
      width={width}
      height={height}
    >
      {rows.length === 0 ? (
        <Text wrap="truncate" color={theme.dim}>
          {t('reads.empty')}
        </Text>
      ) : null}
      {rows.map((r) => (
        <Text
          key={r.key}
          wrap="truncate"
          bold={r.kind === 'burst'}
          color={r.kind === 'burst' ? theme.accent : undefined}
        >
          {r.text}
        </Text>
      ))}
    </Pane>
  );
}
