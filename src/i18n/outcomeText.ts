import type {
  CloseListenerOutcome,
  CloseOutcome,
  HalfCloseOutcome,
  NoDelayOutcome,
  PauseOutcome,
  ResetOutcome,
  RetryOutcome,
  SendOutcome,
} from '../core/outcomes.js';
import { type MessageKey, t } from './i18n.js';

// What a key did, from the engine's code: the status row says what is true, never "sent"
// for something that was not.

const SEND: Record<Exclude<SendOutcome, 'sent'>, MessageKey> = {
  connecting: 'outcome.connectingNothingSent',
  'already-half-closed': 'outcome.halfClosedCannotSend',
  'already-closed': 'outcome.closedNothingSent',
  'not-found': 'outcome.notFound',
};

/** A message the engine did not send (for 'sent' the caller says how many bytes went). */
export function notSentText(outcome: Exclude<SendOutcome, 'sent'>, id: number): string {
  return t(SEND[outcome], { id });
}

const CLOSE: Record<CloseOutcome, MessageKey> = {
  'fin-sent': 'outcome.finSentClose',
  'fin-was-sent': 'outcome.finWasSent',
  aborted: 'outcome.aborted',
  'already-closed': 'outcome.closedNothingToClose',
  'not-found': 'outcome.notFound',
};

export const closeText = (outcome: CloseOutcome, id: number): string => t(CLOSE[outcome], { id });

const RESET: Record<ResetOutcome, MessageKey> = {
  'rst-sent': 'outcome.rstSent',
  aborted: 'outcome.aborted',
  'already-closed': 'outcome.closedNothingSent',
  'not-found': 'outcome.notFound',
};

export const resetText = (outcome: ResetOutcome, id: number): string => t(RESET[outcome], { id });

const HALF_CLOSE: Record<HalfCloseOutcome, MessageKey> = {
  'fin-sent': 'outcome.finSent',
  closing: 'outcome.finSentClosing',
  'already-half-closed': 'outcome.finAlready',
  connecting: 'outcome.connectingNothingSent',
  'already-closed': 'outcome.closedNothingSent',
  'not-found': 'outcome.notFound',
};

export const halfCloseText = (outcome: HalfCloseOutcome, id: number): string =>
  t(HALF_CLOSE[outcome], { id });

export function noDelayText(outcome: NoDelayOutcome, id: number, on: boolean): string {
  if (outcome === 'set') return t(on ? 'outcome.nagleOff' : 'outcome.nagleOn', { id });
  return t(outcome === 'already-closed' ? 'outcome.closedNagle' : 'outcome.notFound', { id });
}

/** Null when the listener starts again: its live status says how that goes. */
export function retryText(outcome: RetryOutcome, id: number, address: string): string | null {
  if (outcome === 'started') return null;
  if (outcome === 'already-listening') return t('outcome.alreadyListening', { id, address });
  if (outcome === 'already-starting') return t('outcome.alreadyStarting', { id, address });
  return t('outcome.listenerGone', { id });
}

/** Null when it closed: its live status says so. */
export function closeListenerText(
  outcome: CloseListenerOutcome,
  id: number,
  code: string,
): string | null {
  if (outcome === 'closed') return null;
  if (outcome === 'already-closed') return t('outcome.listenerAlreadyClosed', { id });
  if (outcome === 'not-listening') return t('outcome.listenerNotListening', { id, code });
  return t('outcome.listenerGone', { id });
}

const PAUSE: Record<PauseOutcome, MessageKey> = {
  paused: 'outcome.paused',
  resumed: 'outcome.resumed',
  'already-paused': 'outcome.paused',
  'not-paused': 'outcome.resumed',
  'already-closed': 'outcome.closedNothingToPause',
  'not-found': 'outcome.listGone',
};

export const pauseText = (outcome: PauseOutcome, id: number): string => t(PAUSE[outcome], { id });
