import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { theme } from '../theme.js';

interface Props {
  title: ReactNode;
  width: number;
  height: number;
  children: ReactNode;
  paddingX?: number;
}

/** A double-bordered box with a title row: help, the lab list and a lab's panel. */
export function Overlay({ title, width, height, children, paddingX = 0 }: Props) {
  return (
    <Box
      flexDirection="column"
      borderStyle="double"
      borderColor={theme.accent}
      width={width}
      height={height}
      paddingX={paddingX}
      overflow="hidden"
    >
      <Box flexShrink={0}>
        <Text bold color={theme.accent} wrap="truncate">
          {title}
        </Text>
      </Box>
      {children}
    </Box>
  );
}
