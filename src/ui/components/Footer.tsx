import { Text } from 'ink';
import { type HintContext, hintsFor, type KeyLayer } from '../keymap.js';
import { theme } from '../theme.js';

/** Key hints for what has the keys (see hintsFor); truncated to one row. */
export function Footer({ layer, context }: { layer: KeyLayer; context?: HintContext }) {
  const hints = hintsFor(layer, context);
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
