import { t } from '../i18n/i18n.js';
import type { Action } from './keymap.js';
import type { Selection } from './selection.js';
import type { UiState } from './uiState.js';

/** Keys of a TCP listener: on a UDP row there is no such listener, only the one selected before. */
const LISTENER_KEYS = new Set<Action>(['retry', 'half-open', 'echo', 'fault', 'client']);
/** Keys of a TCP connection or client: UDP has no connection to half-close, reset or pause. */
const CONNECTION_KEYS = new Set<Action>([
  'reset',
  'half-close',
  'nodelay',
  'pause-reading',
  'server-send',
  'target',
]);

/**
 * Why a TCP key does nothing here, in words, or null when it applies. The selection already
 * holds no TCP listener, connection or client behind a UDP one (selection.ts): this says why
 * the key did nothing, instead of "no listener selected".
 */
/** Keys of the TCP reads pane: the datagrams pane has no hex view, scope or scrolling yet. */
const TIMELINE_KEYS = new Set<Action>([
  'scope',
  'reads-up',
  'reads-down',
  'reads-page-up',
  'reads-page-down',
  'reads-home',
  'reads-end',
]);

export function udpRefusal(action: Action, ui: UiState, sel: Selection): string | null {
  const udpRow = sel.udp !== null;
  if (udpRow && LISTENER_KEYS.has(action)) return t('status.notForUdp');
  if (udpRow && action === 'hex') return t('status.notForUdp');
  // The peers pane lists senders, not connections to select.
  const moves = action === 'up' || action === 'down';
  if (udpRow && ui.focus === 'connections' && moves) return t('status.notForUdp');
  if (udpRow && ui.focus === 'reads' && TIMELINE_KEYS.has(action)) return t('status.notForUdp');
  // x on the UDP peers pane: the peers are not connections (x closes the socket on its row).
  const closesConnection = action === 'close' && ui.focus !== 'listeners' && ui.focus !== 'client';
  if (!CONNECTION_KEYS.has(action) && !closesConnection) return null;
  if (ui.focus === 'client')
    return ui.clientsUdp && action !== 'close' ? t('status.notForUdp') : null;
  if (ui.focus === 'connections' || ui.focus === 'reads') {
    return udpRow ? t('status.notForUdp') : null;
  }
  return null;
}
