import { Box, Text } from 'ink';
import { formatBytes, formatCount, formatRate } from '../../format/units.js';
import { t } from '../../i18n/i18n.js';
import type { Mode, Snapshot, Totals } from '../../state/types.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { BUFFER_STEPS, sliderFill } from '../slider.js';
import { theme } from '../theme.js';

interface Props {
  snap: Snapshot;
  version: string;
  sliderFocused: boolean;
}

const width = (s: string) => [...s].length;

/**
 * The first row's counts and mode label, fitted to `columns`: the mode always shows (its
 * short form if need be), listening and open always; bytes in, out and reads follow while
 * they fit, whole, never cut mid-number.
 */
export function headerRow(
  totals: Totals,
  mode: Mode,
  title: string,
  columns: number,
): { counts: string; mode: string } {
  const open =
    totals.bothEndsHere > 0
      ? t('header.openBoth', {
          count: formatCount(totals.openConnections),
          both: formatCount(totals.bothEndsHere),
        })
      : t('header.open', { count: formatCount(totals.openConnections) });
  const kept = [t('header.listening', { count: formatCount(totals.listeners) }), open];
  const optional = [t('header.in', { bytes: formatBytes(totals.bytesIn) })];
  // While something reads, its rate comes next (bytes/s and reads/s over the last second).
  if (totals.rate.readsPerSec > 0) {
    optional.push(
      t('header.rate', {
        rate: formatRate(totals.rate.bytesPerSec),
        reads: formatCount(totals.rate.readsPerSec),
      }),
    );
  }
  optional.push(
    t('header.out', { bytes: formatBytes(totals.bytesOut) }),
    t('header.reads', { count: formatCount(totals.reads) }),
  );
  const long = t(mode === 'sequential' ? 'header.sequential' : 'header.concurrent');
  const short = mode === 'sequential' ? t('header.sequentialShort') : long;
  // title, two spaces, the counts joined by " · ", two spaces, the mode
  const fits = (parts: string[], m: string) =>
    width(title) + 2 + width(parts.join(' · ')) + 2 + width(m) <= columns;
  const label = fits(kept, long) ? long : short;
  for (const part of optional) {
    if (!fits([...kept, part], label)) break;
    kept.push(part);
  }
  return { counts: kept.join(' · '), mode: label };
}

/** Name, totals, the buffer slider and the mode: two rows. */
export function Header({ snap, version, sliderFocused }: Props) {
  const { columns } = useTerminalSize();
  const fill = sliderFill(snap.bufferSize);
  const bar = '█'.repeat(fill) + '░'.repeat(BUFFER_STEPS.length - fill);
  const title = t('header.title', { version });
  const row = headerRow(snap.totals, snap.mode, title, columns);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold color={theme.accent}>
          {title}
        </Text>
        {`  ${row.counts}  `}
        <Text bold color={snap.mode === 'sequential' ? theme.warn : theme.ok}>
          {row.mode}
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
