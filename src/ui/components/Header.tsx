import { Box, Text } from 'ink';
import { formatBytes, formatCount } from '../../format/units.js';
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
  const t = snap.totals;
  const fill = sliderFill(snap.bufferSize);
  const bar = '█'.repeat(fill) + '░'.repeat(BUFFER_STEPS.length - fill);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold color={theme.accent}>
          socklab {version}
        </Text>
        {`  listening ${t.listeners} · open ${t.openConnections} · in ${formatBytes(t.bytesIn)} · out ${formatBytes(t.bytesOut)} · reads ${formatCount(t.reads)}  `}
        <Text bold color={snap.mode === 'sequential' ? theme.warn : theme.ok}>
          {snap.mode === 'sequential' ? 'SEQUENTIAL (one at a time)' : 'concurrent'}
        </Text>
      </Text>
      <Text wrap="truncate">
        <Text bold inverse={sliderFocused} color={sliderFocused ? theme.focus : undefined}>
          {sliderFocused ? '▸ buffer ' : '  buffer '}
        </Text>
        <Text color={theme.accent}>1 B ▕{bar}▏ 64 KiB</Text>
        <Text bold>{`  ${formatCount(snap.bufferSize)} B per read`}</Text>
        <Text
          color={theme.dim}
        >{`  recv(${snap.bufferSize}) · -/+ to change · one application read per record`}</Text>
      </Text>
    </Box>
  );
}
