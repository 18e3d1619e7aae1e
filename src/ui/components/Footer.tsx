import { Text } from 'ink';
import { hintsFor } from '../keymap.js';
import { theme } from '../theme.js';
import type { PaneId } from '../uiState.js';

/** Key hints for the focused pane, then the global keys; truncated to one row. */
export function Footer({ focus }: { focus: PaneId }) {
  const hints = hintsFor(focus);
  return (
    <Text wrap="truncate">
      {hints.map((h, i) => (
        <Text key={`${h.keys}${i}`}>
          <Text bold color={theme.accent}>
            {h.keys}
          </Text>
          <Text color={theme.dim}>{` ${h.label}  `}</Text>
        </Text>
      ))}
    </Text>
  );
}
