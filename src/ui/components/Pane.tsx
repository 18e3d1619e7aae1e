import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { theme } from '../theme.js';

interface Props {
  title: string;
  info?: string;
  focused: boolean;
  width: number;
  height: number;
  children: ReactNode;
}

/** A bordered pane of a fixed size: its children must fit in `height - 3` rows (border + title). */
export function Pane({ title, info, focused, width, height, children }: Props) {
  return (
    <Box
      flexDirection="column"
      borderStyle={focused ? 'bold' : 'round'}
      borderColor={focused ? theme.focus : theme.border}
      width={width}
      height={height}
      overflowY="hidden"
    >
      <Text wrap="truncate">
        <Text bold inverse={focused && theme.noColor} color={focused ? theme.focus : undefined}>
          {focused ? '▸ ' : '  '}
          {title}
        </Text>
        {info ? <Text color={theme.dim}> {info}</Text> : null}
      </Text>
      {children}
    </Box>
  );
}

/** Rows a pane of `height` has for content. */
export const contentRows = (height: number) => Math.max(0, height - 3);

/** The slice of `count` rows that keeps `selected` visible, at most `room` rows. */
export function visibleWindow(count: number, selected: number, room: number): [number, number] {
  if (count <= room) return [0, count];
  const start = Math.min(Math.max(0, selected - room + 1), count - room);
  return [start, start + room];
}
