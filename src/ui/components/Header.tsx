import { Box, Text } from 'ink';
import { formatBytes, formatCount } from '../../format/units.js';
import { t } from '../../i18n/i18n.js';
import type { Snapshot } from '../../state/types.js';
import { BUFFER_STEPS, sliderFill } from '../slider.js';
import { theme } from '../theme.js';

interface Props {
  snap: Snapshot;
  version: string;
  sliderFocused: boolean;
}

/** Name, totals, the buffer slider and the mode: two rows. */
export function Header({ snap, version, sliderFocused }: Props) {
  const totals = snap.totals;
  const fill = sliderFill(snap.bufferSize);
  const bar = '█'.repeat(fill) + '░'.repeat(BUFFER_STEPS.length - fill);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold color={theme.accent}>
          {t('header.title', { version })}
        </Text>
        {`  ${t('header.totals', {
          listeners: totals.listeners,
          open: totals.openConnections,
          bytesIn: formatBytes(totals.bytesIn),
          bytesOut: formatBytes(totals.bytesOut),
          reads: formatCount(totals.reads),
        })}  `}
        <Text bold color={snap.mode === 'sequential' ? theme.warn : theme.ok}>
          {t(snap.mode === 'sequential' ? 'header.sequential' : 'header.concurrent')}
        </Text>
      </Text>
      <Text wrap="truncate">
        <Text bold inverse={sliderFocused} color={sliderFocused ? theme.focus : undefined}>
          {`${sliderFocused ? '▸' : ' '} ${t('header.buffer')} `}
        </Text>
        <Text color={theme.accent}>{t('header.scale', { bar })}</Text>
        <Text bold>{`  ${t('header.perRead', { bytes: formatCount(snap.bufferSize) })}`}</Text>
        <Text color={theme.dim}>{`  ${t('header.hint', { bytes: snap.bufferSize })}`}</Text>
      </Text>
    </Box>
  );
}
