import type { Key } from 'ink';
import { type MessageKey, t } from '../i18n/i18n.js';
import type { PaneId } from './uiState.js';

/** One binding: where it works, the keys shown, what it does. Footer and help read this table. */
/** Where a binding works: a pane, everywhere, or while the lab list, a lab or the help is open. */
export type KeyLayer = PaneId | 'global' | 'lab-list' | 'lab' | 'help' | 'ports';

export interface Binding {
  where: KeyLayer;
  keys: string;
  /** What it does, in the current language ('' for a binding not shown). */
  readonly label: string;
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
  | 'fault'
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
  | 'half-open'
  | 'nodelay'
  | 'dismiss-all'
  | 'help'
  | 'labs'
  | 'report'
  | 'quit'
  | 'lab-list-up'
  | 'lab-list-down'
  | 'lab-open'
  | 'lab-list-close'
  | 'lab-run'
  | 'lab-answer'
  | 'lab-close'
  | 'lab-scroll-up'
  | 'lab-scroll-down'
  | 'lab-page-up'
  | 'lab-page-down'
  | 'help-close'
  | 'help-scroll-up'
  | 'help-scroll-down'
  | 'help-page-up'
  | 'help-page-down'
  | 'reads-up'
  | 'reads-down'
  | 'reads-page-up'
  | 'reads-page-down'
  | 'reads-home'
  | 'reads-end'
  | 'pause-reading'
  | 'ports'
  | 'ports-close'
  | 'ports-all'
  | 'ports-up'
  | 'ports-down'
  | 'udp-open'
  | 'udp-client'
  | 'udp-clients';

const b = (
  where: Binding['where'],
  keys: string,
  label: MessageKey | '',
  action: Action,
  ...match: string[]
): Binding => ({
  where,
  keys,
  // Read at draw time, so a language chosen after this module loaded applies.
  get label() {
    return label === '' ? '' : t(label);
  },
  action,
  match,
});

export const BINDINGS: readonly Binding[] = [
  // While the lab list is open it takes every key; while help is open, these and no other.
  b('lab-list', '↑↓', 'key.labChoose', 'lab-list-up', 'up'),
  b('lab-list', '', '', 'lab-list-down', 'down'),
  b('lab-list', 'Enter', 'key.labOpen', 'lab-open', 'enter'),
  b('lab-list', 'Esc/l', 'key.labListClose', 'lab-list-close', 'esc', 'l'),
  b('lab-list', 'q', 'key.quit', 'quit', 'q', 'ctrl-c'),
  // Beside an open lab the panes still answer every other key.
  b('lab', 'g', 'key.labRun', 'lab-run', 'g'),
  b('lab', 'a', 'key.labAnswer', 'lab-answer', 'a'),
  b('lab', '↑↓ PgUp/PgDn', 'key.labScroll', 'lab-scroll-up', 'up'),
  b('lab', '', '', 'lab-scroll-down', 'down'),
  b('lab', '', '', 'lab-page-up', 'pageup'),
  b('lab', '', '', 'lab-page-down', 'pagedown'),
  b('lab', 'Esc', 'key.labClose', 'lab-close', 'esc'),
  b('help', '?/Esc', 'key.helpClose', 'help-close', '?', 'esc'),
  b('help', '↑↓ PgUp/PgDn', 'key.helpScroll', 'help-scroll-up', 'up'),
  b('help', '', '', 'help-scroll-down', 'down'),
  b('help', '', '', 'help-page-up', 'pageup'),
  b('help', '', '', 'help-page-down', 'pagedown'),
  b('help', 'q', 'key.quit', 'quit', 'q', 'ctrl-c'),
  // The ports view (the kernel's sockets) covers the panes and takes only its own keys.
  b('ports', 'k/Esc', 'key.portsClose', 'ports-close', 'k', 'esc'),
  b('ports', 'a', 'key.portsAll', 'ports-all', 'a'),
  b('ports', '↑↓', 'key.portsScroll', 'ports-up', 'up'),
  b('ports', '', '', 'ports-down', 'down'),
  b('ports', 'q', 'key.quit', 'quit', 'q', 'ctrl-c'),
  b('slider', '←/→', 'key.bufferSize', 'buffer-down', 'left'),
  b('slider', '', '', 'buffer-up', 'right'),
  b('listeners', '↑↓', 'key.select', 'up', 'up'),
  b('listeners', '', '', 'down', 'down'),
  b('listeners', 'x', 'key.closeListener', 'close', 'x'),
  b('listeners', 'r', 'key.retry', 'retry', 'r'),
  b('listeners', 'o', 'key.halfOpen', 'half-open', 'o'),
  b('listeners', 'F', 'key.fault', 'fault', 'F'),
  b('connections', '↑↓', 'key.select', 'up', 'up'),
  b('connections', '', '', 'down', 'down'),
  b('connections', 's', 'key.sendToIt', 'server-send', 's', 'enter'),
  b('connections', 'x', 'key.close', 'close', 'x'),
  b('connections', 'r', 'key.reset', 'reset', 'r'),
  b('connections', 'f', 'key.halfClose', 'half-close', 'f'),
  b('connections', 'p', 'key.pauseReading', 'pause-reading', 'p'),
  b('reads', 'h', 'key.hexText', 'hex', 'h'),
  b('reads', 'a', 'key.scope', 'scope', 'a'),
  b('reads', 's', 'key.sendToConnection', 'server-send', 's'),
  b('reads', 'p', 'key.pauseReading', 'pause-reading', 'p'),
  b('reads', '↑↓ PgUp/PgDn Home/End', 'key.readsScroll', 'reads-up', 'up'),
  b('reads', '', '', 'reads-down', 'down'),
  b('reads', '', '', 'reads-page-up', 'pageup'),
  b('reads', '', '', 'reads-page-down', 'pagedown'),
  b('reads', '', '', 'reads-home', 'home'),
  b('reads', '', '', 'reads-end', 'end'),
  b('client', '↑↓', 'key.selectClient', 'up', 'up'),
  b('client', '', '', 'down', 'down'),
  b('client', 'Enter', 'key.typeMessage', 'message', 'enter', 'i'),
  b('client', 't', 'key.connectTo', 'target', 't'),
  b('client', 'f', 'key.halfClose', 'half-close', 'f'),
  b('client', 'x', 'key.close', 'close', 'x'),
  b('client', 'r', 'key.reset', 'reset', 'r'),
  b('client', 'd', 'key.nagle', 'nodelay', 'd'),
  b('client', 'p', 'key.pauseReading', 'pause-reading', 'p'),
  b('client', 'u', 'key.udpClient', 'udp-client', 'u'),
  b('client', 'U', 'key.udpClients', 'udp-clients', 'U'),
  b('errors', '↑↓', 'key.select', 'up', 'up'),
  b('errors', '', '', 'down', 'down'),
  b('errors', 'x', 'key.dismiss', 'close', 'x', 'delete'),
  b('errors', 'X', 'key.dismissAll', 'dismiss-all', 'X'),
  // '\t': Tabs pressed faster than a frame arrive as one chunk of text ("\t\t\t").
  b('global', 'Tab', 'key.nextPane', 'focus-next', 'tab', '\t'),
  b('global', '', '', 'focus-prev', 'shift-tab'),
  b('global', '-/+', 'key.buffer', 'buffer-down', '-', '_'),
  b('global', '', '', 'buffer-up', '+', '='),
  b('global', 'n', 'key.newListener', 'new-listener', 'n'),
  b('global', 'c', 'key.client', 'client', 'c'),
  b('global', 'u', 'key.udpOpen', 'udp-open', 'u'),
  b('global', 'm', 'key.mode', 'mode', 'm'),
  b('global', 'e', 'key.echo', 'echo', 'e'),
  b('global', 'h', 'key.hex', 'hex', 'h'),
  b('global', 'l', 'key.labs', 'labs', 'l'),
  b('global', 'k', 'key.ports', 'ports', 'k'),
  b('global', 'w', 'key.report', 'report', 'w'),
  b('global', '?', 'key.help', 'help', '?'),
  b('global', 'q', 'key.quit', 'quit', 'q', 'ctrl-c'),
];

/** What is open, which decides the layers a key goes through. */
export interface KeyState {
  focus: PaneId;
  labList: boolean;
  lab: boolean;
  help: boolean;
  /** The ports view is open (any value but null). */
  ports?: object | null;
}

/** The layers a key is offered to, in order: an open overlay first, the focused pane, then global. */
export function keyLayers(s: KeyState): readonly KeyLayer[] {
  if (s.labList) return ['lab-list'];
  // Help covers the lab too: only its own keys act while it is open.
  if (s.help) return ['help'];
  if (s.ports) return ['ports'];
  return s.lab ? ['lab', s.focus, 'global'] : [s.focus, 'global'];
}

/**
 * Every action bound to `name` in the layers, in order: the first that applies is done (a lab's
 * ↑↓ scroll only a text taller than its panel; otherwise the pane's ↑↓ select).
 */
export function actionsFor(s: KeyState, name: string): Action[] {
  const out: Action[] = [];
  for (const where of keyLayers(s)) {
    for (const x of BINDINGS) if (x.where === where && x.match.includes(name)) out.push(x.action);
  }
  return out;
}

/** What the footer must know of the selection: keys that would be refused, and UDP's own words. */
export interface HintContext {
  /** An action that would only say why it does nothing here (udpGuard): not offered. */
  refused(action: Action): boolean;
  /** A UDP socket is selected: x closes it, which is no TCP listener. */
  udp: boolean;
  /** A lab is open: its keys come before the pane's (keyLayers). */
  lab?: boolean;
}

const EVERY_KEY: HintContext = { refused: () => false, udp: false };

/** A lab's scrolling gives way to the pane when its text fits: those keys are not taken. */
const LAB_TAKES = new Set<Action>(['lab-run', 'lab-answer', 'lab-close']);

/**
 * Hints for the footer: the keys that act now — an overlay's own (lab list, help), else the
 * focused pane's, then the global ones; none that the selection would refuse.
 */
export function hintsFor(
  layer: KeyLayer,
  ctx: HintContext = EVERY_KEY,
): { keys: string; label: string }[] {
  const shown = (x: Binding) => x.keys !== '' && !ctx.refused(x.action);
  // An open lab's own keys come first (keyLayers): the pane's and the global ones on them wait.
  const labTaken = new Set(
    ctx.lab
      ? BINDINGS.filter((x) => x.where === 'lab' && LAB_TAKES.has(x.action)).flatMap((x) => x.match)
      : [],
  );
  const free = (x: Binding) => !x.match.some((m) => labTaken.has(m));
  const own = BINDINGS.filter((x) => x.where === layer && shown(x) && free(x)).map((x) =>
    ctx.udp && layer === 'listeners' && x.action === 'close'
      ? { keys: x.keys, label: t('key.close') }
      : x,
  );
  if (layer === 'help' || layer === 'lab-list' || layer === 'ports') return own;
  // A pane's own binding shadows a global one on the same key (u in the client pane).
  const taken = new Set(BINDINGS.filter((x) => x.where === layer).flatMap((x) => x.match));
  const global = BINDINGS.filter(
    (x) => x.where === 'global' && shown(x) && free(x) && !x.match.some((m) => taken.has(m)),
  );
  // Tab first: the row is cut at the terminal's width, and moving between panes is the one
  // key every pane needs (at 80 columns a pane's own keys fill the row).
  const tab = global.filter((x) => x.action === 'focus-next');
  return [...tab, ...own, ...global.filter((x) => x.action !== 'focus-next')];
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
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.delete) return 'delete';
  if (key.backspace) return 'backspace';
  return input;
}
