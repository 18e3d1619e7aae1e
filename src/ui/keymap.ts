import type { Key } from 'ink';
import type { PaneId } from './uiState.js';

/** One binding: where it works, the keys shown, what it does. Footer and help read this table. */
export interface Binding {
  where: PaneId | 'global';
  keys: string;
  label: string;
  action: Action;
  /** Key names that trigger it (see keyName). */
  match: readonly string[];
}

export type Action =
  | 'focus-next'
  | 'focus-prev'
  | 'up'
  | 'down'
  | 'buffer-down'
  | 'buffer-up'
  | 'new-listener'
  | 'close'
  | 'retry'
  | 'reset'
  | 'half-close'
  | 'mode'
  | 'client'
  | 'target'
  | 'message'
  | 'server-send'
  | 'hex'
  | 'scope'
  | 'echo'
  | 'nodelay'
  | 'dismiss-all'
  | 'help'
  | 'labs'
  | 'report'
  | 'quit';

const b = (
  where: Binding['where'],
  keys: string,
  label: string,
  action: Action,
  ...match: string[]
): Binding => ({
  where,
  keys,
  label,
  action,
  match,
});

export const BINDINGS: readonly Binding[] = [
  b('slider', '←/→', 'buffer size', 'buffer-down', 'left'),
  b('slider', '', '', 'buffer-up', 'right'),
  b('listeners', '↑↓', 'select', 'up', 'up'),
  b('listeners', '', '', 'down', 'down'),
  b('listeners', 'x', 'close listener', 'close', 'x'),
  b('listeners', 'r', 'retry failed', 'retry', 'r'),
  b('connections', '↑↓', 'select', 'up', 'up'),
  b('connections', '', '', 'down', 'down'),
  b('connections', 's', 'send to it', 'server-send', 's', 'enter'),
  b('connections', 'x', 'close', 'close', 'x'),
  b('connections', 'r', 'reset (RST)', 'reset', 'r'),
  b('connections', 'f', 'half-close (FIN)', 'half-close', 'f'),
  b('reads', 'h', 'hex/text', 'hex', 'h'),
  b('reads', 'a', 'this connection / whole listener', 'scope', 'a'),
  b('reads', 's', 'send to connection', 'server-send', 's'),
  b('client', '↑↓', 'select client', 'up', 'up'),
  b('client', '', '', 'down', 'down'),
  b('client', 'Enter', 'type a message', 'message', 'enter', 'i'),
  b('client', 't', 'connect to host:port', 'target', 't'),
  b('client', 'f', 'half-close (FIN)', 'half-close', 'f'),
  b('client', 'x', 'close', 'close', 'x'),
  b('client', 'r', 'reset (RST)', 'reset', 'r'),
  b('client', 'd', 'Nagle on/off', 'nodelay', 'd'),
  b('errors', '↑↓', 'select', 'up', 'up'),
  b('errors', '', '', 'down', 'down'),
  b('errors', 'x', 'dismiss', 'close', 'x', 'delete'),
  b('errors', 'X', 'dismiss all', 'dismiss-all', 'X'),
  // '\t': Tabs pressed faster than a frame arrive as one chunk of text ("\t\t\t").
  b('global', 'Tab', 'next pane', 'focus-next', 'tab', '\t'),
  b('global', '', '', 'focus-prev', 'shift-tab'),
  b('global', '-/+', 'buffer', 'buffer-down', '-', '_'),
  b('global', '', '', 'buffer-up', '+', '='),
  b('global', 'n', 'new listener', 'new-listener', 'n'),
  b('global', 'c', 'client to listener', 'client', 'c'),
  b('global', 'm', 'sequential/concurrent', 'mode', 'm'),
  b('global', 'e', 'echo', 'echo', 'e'),
  b('global', 'h', 'hex', 'hex', 'h'),
  b('global', 'l', 'guided labs', 'labs', 'l'),
  b('global', 'w', 'write report', 'report', 'w'),
  b('global', '?', 'help', 'help', '?'),
  b('global', 'q', 'quit', 'quit', 'q', 'ctrl-c'),
];

/** The pane's own binding first, then the global one. */
export function findAction(focus: PaneId, name: string): Action | null {
  const own = BINDINGS.find((x) => x.where === focus && x.match.includes(name));
  if (own) return own.action;
  return BINDINGS.find((x) => x.where === 'global' && x.match.includes(name))?.action ?? null;
}

/** Hints for the footer: the focused pane's keys, then the global ones. */
export function hintsFor(focus: PaneId): { keys: string; label: string }[] {
  const shown = (x: Binding) => x.keys !== '';
  return [
    ...BINDINGS.filter((x) => x.where === focus && shown(x)),
    ...BINDINGS.filter((x) => x.where === 'global' && shown(x)),
  ];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: a leading ESC may be left in
const CSI_SEQUENCE = /^\x1b*\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]$/;

/**
 * A CSI sequence Ink did not name: a terminal's answer to a query (DA "ESC[?1;2c", DSR
 * "ESC[12;5R") or an unknown key. Ink hands it on without its ESC; it is not typed text,
 * and split into characters it would press `?` and `c`.
 */
export function isControlSequence(input: string): boolean {
  return input.length > 1 && CSI_SEQUENCE.test(input);
}

/** Ink's (input, key) as one name: 'tab', 'shift-tab', 'up', 'enter', 'ctrl-c', or the character. */
export function keyName(input: string, key: Key): string {
  if (key.ctrl && input === 'c') return 'ctrl-c';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.delete) return 'delete';
  if (key.backspace) return 'backspace';
  return input;
}
