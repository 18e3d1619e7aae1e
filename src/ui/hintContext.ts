import type { Action, HintContext } from './keymap.js';
import type { Selection } from './selection.js';
import { udpRefusal } from './udpGuard.js';
import type { UiState } from './uiState.js';

/** Keys of a selected client: with none, they would only say "nothing selected". */
const CLIENT_KEYS = new Set<Action>([
  'message',
  'half-close',
  'close',
  'reset',
  'nodelay',
  'pause-reading',
]);
/** Keys of an error or note: with none, nothing to dismiss. */
const ERROR_KEYS = new Set<Action>(['close', 'dismiss-all']);

/** Whether `action` has nothing to act on in the focused pane now. */
function idle(action: Action, ui: UiState, sel: Selection, errors: number): boolean {
  if (ui.focus === 'client') {
    const none = ui.clientsUdp ? sel.udpClient === null : sel.client === null;
    return none && CLIENT_KEYS.has(action);
  }
  if (ui.focus === 'errors') return errors === 0 && ERROR_KEYS.has(action);
  return false;
}

/**
 * What the footer offers: no key the selection refuses (udpGuard) or that has nothing to act
 * on. The keys themselves still answer, saying why they did nothing.
 */
export function hintContext(ui: UiState, sel: Selection, errors: number): HintContext {
  return {
    refused: (action) => udpRefusal(action, ui, sel) !== null || idle(action, ui, sel, errors),
    udp: sel.udp !== null,
    lab: ui.lab !== null,
  };
}
