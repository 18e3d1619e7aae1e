import { Box, Text } from 'ink';
import { wrapText } from '../../format/wrapText.js';
import { t } from '../../i18n/i18n.js';
import { findLab, GUIDED_LABS, labStepText, labText, labTitle } from '../../labs/guidedLabs.js';
import type { Snapshot } from '../../state/types.js';
import { theme } from '../theme.js';
import type { OpenLab } from '../uiState.js';

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
    <Box
      flexDirection="column"
      borderStyle="double"
      borderColor={theme.accent}
      width={width}
      height={height}
      overflow="hidden"
    >
      <Text bold color={theme.accent} wrap="truncate">
        {t('lab.list.title')}
      </Text>
      {GUIDED_LABS.map((l, i) => (
        <Text key={l.id} wrap="truncate" inverse={i === selected}>
          {i === selected ? '▶ ' : '  '}
          {labTitle(l)}
        </Text>
      ))}
    </Box>
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
  const vars = lab.answerVars({ snap, listener });
  return (
    <Box
      flexDirection="column"
      borderStyle="double"
      borderColor={theme.accent}
      width={width}
      height={height}
      overflow="hidden"
    >
      <Text wrap="truncate">
        <Text bold color={theme.accent}>
          {labTitle(lab)}
        </Text>
        <Text color={theme.dim}> {t('lab.panel.keys')}</Text>
      </Text>
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
    </Box>
  );
}
