import { Box, Text } from 'ink';
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
};

/** The whole keymap, from the same table the footer uses. */
export function HelpOverlay({ width, height }: { width: number; height: number }) {
  const order: Binding['where'][] = ['global', ...PANES, 'lab-list', 'lab', 'help'];
  const groups = order.map((where) => ({
    where,
    keys: BINDINGS.filter((x) => x.where === where && x.keys !== ''),
  }));
  // One line per group ("Listeners  ↑↓ select · …"): as a heading line plus a keys line,
  // the wrapped lists outgrew a 24-row screen and Yoga drew them over the title.
  const lines: { key: string; text: string; head?: string }[] = groups.map((g) => ({
    key: g.where,
    head: t(WHERE_LABEL[g.where]),
    text: g.keys.map((k) => `${k.keys} ${k.label}`).join(' · '),
  }));
  lines.push({
    key: 'texts',
    text: t('help.textBox'),
  });
  return (
    <Overlay title={t('help.title')} width={width} height={height} paddingX={1}>
      {lines.slice(0, Math.max(0, height - 3)).map((l) => (
        <Box key={l.key} flexShrink={0}>
          <Text wrap="wrap">
            {l.head ? <Text bold>{l.head}</Text> : null}
            {l.head ? `  ${l.text}` : l.text}
          </Text>
        </Box>
      ))}
    </Overlay>
  );
}
