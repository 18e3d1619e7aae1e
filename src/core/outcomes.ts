/**
 * What a command on a socket did, as a code: the screen says it in words (src/ui), so a key
 * pressed on something closed says so instead of claiming it sent anything.
 */

/** The connection is no longer there to act on: closed (still listed), or unknown/evicted. */
export type Gone = 'already-closed' | 'not-found';

/** `connecting`: a client whose connect() has not completed: nothing can go out yet. */
export type SendOutcome = 'sent' | 'connecting' | 'already-half-closed' | Gone;

/**
 * `fin-sent`: FIN goes out after what is pending. `fin-was-sent`: FIN had gone out (half-close)
 * and the socket is now released. `aborted`: a connect abandoned before it completed.
 */
export type CloseOutcome = 'fin-sent' | 'fin-was-sent' | 'aborted' | Gone;

export type ResetOutcome = 'rst-sent' | 'aborted' | Gone;

/** `closing`: the peer had sent its FIN already, so this one ends the connection. */
export type HalfCloseOutcome = 'fin-sent' | 'closing' | 'already-half-closed' | 'connecting' | Gone;

export type NoDelayOutcome = 'set' | Gone;

export type ListenerGone = 'not-found';

export type RetryOutcome = 'started' | 'already-listening' | 'already-starting' | ListenerGone;

export type CloseListenerOutcome = 'closed' | 'already-closed' | 'not-listening' | ListenerGone;

/** A listener's mode (echo, half-open) set: it applies to its open connections and when it starts again. */
export type ListenerModeOutcome = 'set' | ListenerGone;

/** Reading paused or resumed on a connection (a server that stops calling recv(), then calls it again). */
export type PauseOutcome = 'paused' | 'resumed' | 'already-paused' | 'not-paused' | Gone;
