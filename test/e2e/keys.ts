// Byte sequences a real xterm sends for named keys (normal cursor-key mode).
export const KEYS = {
  enter: '\r',
  tab: '\t',
  'shift-tab': '\u001b[Z',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  esc: '\u001b',
  'ctrl-c': '\u0003',
  backspace: '\u007f',
  pageup: '\u001b[5~',
  pagedown: '\u001b[6~',
} as const;

export type KeyName = keyof typeof KEYS;
