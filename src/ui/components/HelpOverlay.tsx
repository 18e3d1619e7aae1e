import { Box, Text } from 'ink';
import { wrapRuns } from '../../format/wrapText.js';
import { type MessageKey, t } from '../../i18n/i18n.js';
import { BINDINGS, type Binding } from '../keymap.js';
import { PANES } from '../uiState.js';
import { Overlay } from './Overlay.js';

const WHERE_LABEL: Record<string, MessageKey> = {
  global: 'help.where.global',
  slider: 'help.where.slider',
  listeners: 'help.where.listeners',
  connections: 'help.where.connections',
  reads: 'help.where.reads',
  client: 'help.where.client',
  errors: 'help.where.errors',
  'lab-list': 'help.where.labList',
  lab: 'help.where.lab',
  help: 'help.where.help',
  ports: 'help.where.ports',
};

/** The help's text as the overlay's rows (`bold` = a group's heading), wrapped to `width`. */
export function helpRows(width: number): { bold: boolean; text: string }[][] {
  const order: Binding['where'][] = ['global', ...PANES, 'lab-list', 'lab', 'help', 'ports'];
  const rows: { bold: boolean; text: string }[][] = [];
  for (const where of order) {
    const keys = BINDINGS.filter((x) => x.where === where && x.keys !== '');
    // One entry per group ("Listeners  ↑↓ select · …"), wrapped: a heading line plus a keys
    // line outgrew a 24-row screen.
    const text = keys.map((k) => `${k.keys} ${k.label}`).join(' · ');
    const runs = [
      { text: t(WHERE_LABEL[where]), style: true },
      { text: ` ${text}`, style: false },
    ];
    // Two spaces after the heading (wrapping folds spaces into one): the first row has one
    // cell less to wrap in.
    wrapRuns(runs, width - 1, width).forEach((line, i) => {
      const row = line.map((r) => ({ bold: r.style, text: r.text }));
      if (i === 0 && row.length > 1 && row[0].bold) row[1] = { ...row[1], text: ` ${row[1].text}` };
      rows.push(row);
    });
  }
  for (const line of wrapRuns([{ text: t('help.textBox'), style: false }], width)) {
    rows.push(line.map((r) => ({ bold: false, text: r.text })));
  }
  return rows;
}

/** The first row `scroll` may show: the last page still fills the overlay. */
export function helpScrollMax(width: number, height: number): number {
  const room = Math.max(1, height - 3);
  const n = helpRows(width - 4).length;
  // Taller than the room: one row is the marker saying where the view is.
  return n > room ? n - Math.max(1, room - 1) : 0;
}

/** The whole keymap, from the same table the footer uses; ↑↓ scroll it when it is taller. */
export function HelpOverlay({
  width,
  height,
  scroll = 0,
}: {
  width: number;
  height: number;
  scroll?: number;
}) {
  const rows = helpRows(width - 4);
  const room = Math.max(1, height - 3);
  const from = Math.min(Math.max(0, scroll), helpScrollMax(width, height));
  const more = rows.length > room;
  // With more rows than room, the last row says where the view is.
  const shown = rows.slice(from, from + (more ? room - 1 : room));
  return (
    <Overlay title={t('help.title')} width={width} height={height} paddingX={1}>
      {shown.map((row, i) => (
        <Box key={`${from + i}`} flexShrink={0}>
          <Text wrap="truncate">
            {row.map((r, j) =>
              r.bold ? (
                <Text key={`${j}`} bold>
                  {r.text}
                </Text>
              ) : (
                r.text
              ),
            )}
          </Text>
        </Box>
      ))}
      {more ? (
        <Box flexShrink={0}>
          <Text dimColor wrap="truncate">
            {t('help.more', { from: from + 1, to: from + shown.length, total: rows.length })}
          </Text>
        </Box>
      ) : null}
    </Overlay>
  );
}
