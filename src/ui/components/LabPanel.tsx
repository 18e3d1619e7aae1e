import { Text } from 'ink';
import { wrapText } from '../../format/wrapText.js';
import { t } from '../../i18n/i18n.js';
import { findLab, GUIDED_LABS, labStepText, labText, labTitle } from '../../labs/guidedLabs.js';
import type { Snapshot } from '../../state/types.js';
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

/** One lab: what to observe, the steps with their Python calls, the question and (on `a`) the answer. */
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
  const listener = snap.listeners.find((l) => l.state === 'listening') ?? null;
  const vars = open.answer ? lab.answerVars({ snap, listener }) : {};
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
      {wrapText(labText(lab, 'observe'), width - 2).map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      {lab.steps.map((s, i) => (
        <Text key={s.text} wrap="truncate">
          {`${i + 1}. `}
          <Text color={theme.accent}>{s.python}</Text>
          {`  ${labStepText(s)}`}
        </Text>
      ))}
      <Text wrap="wrap">
        <Text bold>{t('lab.question')}: </Text>
        {labText(lab, 'question')}
      </Text>
      {open.answer ? (
        <>
          <Text wrap="wrap" color={theme.ok}>
            <Text bold>{t('lab.answer')}: </Text>
            {labText(lab, 'answer', vars)}
          </Text>
          <Text wrap="wrap" color={theme.warn}>
            <Text bold>{t('lab.wrong')}: </Text>
            {labText(lab, 'wrong')}
          </Text>
        </>
      ) : (
        <Text color={theme.dim} wrap="truncate">
          {t('lab.hidden')}
        </Text>
      )}
    </Overlay>
  );
}
