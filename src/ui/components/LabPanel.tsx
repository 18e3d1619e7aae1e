import { Text } from 'ink';
import { t } from '../../i18n/i18n.js';
import { findLab, GUIDED_LABS, labTitle } from '../../labs/guidedLabs.js';
import type { Snapshot } from '../../state/types.js';
import { labLines, labWindow } from '../labLines.js';
import { theme } from '../theme.js';
import type { OpenLab } from '../uiState.js';
import { Overlay } from './Overlay.js';

/** The list of guided labs, one per experiment of the course's socket lab. */
export function LabList({
  selected,
  width,
  height,
}: {
  selected: number;
  width: number;
  height: number;
}) {
  return (
    <Overlay title={t('lab.list.title')} width={width} height={height}>
      {GUIDED_LABS.map((l, i) => (
        <Text key={l.id} wrap="truncate" inverse={i === selected}>
          {i === selected ? '▶ ' : '  '}
          {labTitle(l)}
        </Text>
      ))}
    </Overlay>
  );
}

/**
 * One lab: what to observe, the steps with their Python calls, the question and (on `a`) the
 * answer, wrapped at words. Text taller than the panel scrolls, with a row saying where it is:
 * rows that do not fit must not be drawn, or Yoga squeezes them onto each other.
 */
export function LabPanel({
  open,
  snap,
  width,
  height,
}: {
  open: OpenLab;
  snap: Snapshot;
  width: number;
  height: number;
}) {
  const lab = findLab(open.id);
  if (!lab) return null;
  const { lines } = labLines(lab, open.answer, snap, width - 2);
  const view = labWindow(lines.length, height, open.scroll ?? 0);
  return (
    <Overlay
      title={
        <>
          {labTitle(lab)}
          <Text bold={false} color={theme.dim}>
            {' '}
            {t('lab.panel.keys')}
          </Text>
        </>
      }
      width={width}
      height={height}
    >
      {lines.slice(view.from, view.from + view.shown).map((line, i) => (
        <Text key={view.from + i} wrap="truncate">
          {line.map((run, k) => (
            <Text key={k} color={run.style.color} bold={run.style.bold}>
              {run.text}
            </Text>
          ))}
        </Text>
      ))}
      {view.marker ? (
        <Text color={theme.dim} wrap="truncate">
          {t(view.marker === 'more' ? 'lab.panel.more' : 'lab.panel.end', {
            from: view.from + 1,
            to: view.from + view.shown,
            total: lines.length,
          })}
        </Text>
      ) : null}
    </Overlay>
  );
}
