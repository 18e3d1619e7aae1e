import { type MessageKey, t } from '../i18n/i18n.js';
import type { ConnectionView, ListenerView } from '../state/types.js';

// What an action says on the status row when it cannot do what its key asks, or what a
// listener's mode change means in the state the listener is in.

/** Why nothing can be typed to `c` (none selected, closed, FIN sent, not connected yet), or null. */
export function cannotSend(c: ConnectionView | null, none: MessageKey): string | null {
  if (!c) return t(none);
  if (c.closedAt !== null) return t('outcome.closedCannotSend', { id: c.id });
  if (c.state === 'connecting') return t('outcome.connectingCannotSend', { id: c.id });
  if (c.state === 'half-closed') return t('outcome.halfClosedCannotSend', { id: c.id });
  return null;
}

const MODE: Record<'echo' | 'halfOpen', { on: MessageKey; off: MessageKey; name: MessageKey }> = {
  echo: { on: 'status.echoOn', off: 'status.echoOff', name: 'outcome.echo' },
  halfOpen: { on: 'status.halfOpenOn', off: 'status.halfOpenOff', name: 'outcome.halfOpen' },
};

/** A listener's mode turned on or off: for one not listening, what that changes now and later. */
export function modeStatus(l: ListenerView, mode: 'echo' | 'halfOpen', on: boolean): string {
  const keys = MODE[mode];
  if (l.state === 'listening' || l.state === 'starting')
    return t(on ? keys.on : keys.off, { id: l.id });
  const what = `${t(keys.name)} ${t(on ? 'outcome.on' : 'outcome.off')}`;
  return l.open > 0
    ? t('outcome.modeIdleOpen', { id: l.id, what, count: l.open })
    : t('outcome.modeIdle', { id: l.id, what });
}
