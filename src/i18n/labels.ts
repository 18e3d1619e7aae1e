import type { CloseReason, ConnState, ListenerState, Mode } from '../state/types.js';
import { type MessageKey, t } from './i18n.js';

// The store's states are machine values (NDJSON, tests): shown to a person, they go
// through the catalogue. In English each label is the value itself.

const LISTENER_STATE: Record<ListenerState, MessageKey> = {
  starting: 'state.listener.starting',
  listening: 'state.listener.listening',
  closed: 'state.listener.closed',
  failed: 'state.listener.failed',
};

const CONN_STATE: Record<ConnState, MessageKey> = {
  connecting: 'state.conn.connecting',
  queued: 'state.conn.queued',
  open: 'state.conn.open',
  'peer-half-closed': 'state.conn.peerHalfClosed',
  'half-closed': 'state.conn.halfClosed',
  closed: 'state.conn.closed',
  reset: 'state.conn.reset',
  error: 'state.conn.error',
};

/** "listening", "failed EADDRINUSE". */
export function listenerStateText(state: ListenerState, code = ''): string {
  return t(LISTENER_STATE[state], { code });
}

/** "open", "peer-half-closed"; "queued #2" when a queue position is given. */
export function connStateText(state: ConnState, position?: number | null): string {
  if (state === 'queued' && position !== undefined) {
    return t('state.conn.queuedAt', { position: String(position) });
  }
  return t(CONN_STATE[state]);
}

const CLOSE_REASON: Record<CloseReason, MessageKey> = {
  'peer-fin': 'close.peerFin',
  'local-close': 'close.localClose',
  'peer-reset': 'close.peerReset',
  'local-reset': 'close.localReset',
  error: 'close.error',
};

/** "closed by peer (FIN)", "reset by socklab", "error ECONNREFUSED". */
export function closeReasonText(reason: CloseReason, code = ''): string {
  return t(CLOSE_REASON[reason], { code: code || '?' });
}

/** A connection's state as its row says it: a closed one says who closed it, and how. */
export function connectionStateText(c: {
  state: ConnState;
  queuePosition: number | null;
  closeReason: CloseReason | null;
  error: { code: string } | null;
}): string {
  if (c.closeReason) return closeReasonText(c.closeReason, c.error?.code);
  return connStateText(c.state, c.state === 'queued' ? c.queuePosition : undefined);
}

export const modeText = (mode: Mode): string =>
  t(mode === 'sequential' ? 'mode.sequential' : 'mode.concurrent');

export const sideText = (kind: 'accepted' | 'client'): string =>
  t(kind === 'client' ? 'side.client' : 'side.server');

const SUBJECT = /^(listener|client|connection) #(\d+)( accept)?$/;

/** The store's subjects ("listener #2", "client #5", "listener #1 accept") in the current language. */
export function subjectText(subject: string): string {
  if (subject === 'log') return t('subject.log');
  const m = SUBJECT.exec(subject);
  if (!m) return subject;
  const [, what, id, accept] = m;
  if (what === 'listener') return t(accept ? 'subject.accept' : 'subject.listener', { id });
  if (accept) return subject;
  return t(what === 'client' ? 'subject.client' : 'subject.connection', { id });
}
