/**
 * English texts of what a key did on a socket (the engine's codes, core/outcomes.ts), on the
 * status row: true in every state, so a key on something closed says it is closed.
 * Part of the English catalogue (en.ts); its keys are MessageKeys.
 */
export const enOutcomes = {
  'outcome.notFound': '#{id} is no longer listed: nothing sent',
  'outcome.closedNothingSent': '#{id} is already closed: nothing sent',
  'outcome.closedNothingToClose': '#{id} is already closed: nothing to close',
  'outcome.closedCannotSend': '#{id} is already closed: nothing can be sent',
  'outcome.connectingNothingSent': '#{id} is still connecting: nothing sent',
  'outcome.connectingCannotSend': '#{id} is still connecting: nothing can be sent yet',
  'outcome.aborted': '#{id} was still connecting: connect abandoned, nothing sent',
  'outcome.finSent': '#{id}: sent FIN, still reading',
  'outcome.finSentClosing': "#{id}: sent FIN; the peer's FIN came before: closing",
  'outcome.finSentClose': '#{id}: sent FIN, closing',
  'outcome.finWasSent': '#{id}: closed (its FIN had already gone out)',
  'outcome.finAlready': '#{id}: FIN already sent (half-closed): nothing sent',
  'outcome.halfClosedCannotSend': '#{id} is half-closed (FIN sent): nothing more can be sent',
  'outcome.rstSent': '#{id}: sent RST',
  'outcome.nagleOff': 'client #{id}: Nagle off (nodelay): each small write goes out at once',
  'outcome.nagleOn': 'client #{id}: Nagle on: small writes may wait and be coalesced',
  'outcome.paused':
    "#{id}: reading paused, as a server that stops calling recv(): the kernel's Recv-Q fills, then its window closes and the sender blocks (p resumes)",
  'outcome.resumed': '#{id}: reading again: what waited in the kernel is read now',
  'outcome.closedNothingToPause': '#{id} is already closed: nothing to pause or resume',
  'outcome.listGone': '#{id} is no longer listed',
  'outcome.closedNagle': '#{id} is already closed: Nagle unchanged',
  'outcome.listenerGone': 'listener #{id} is no longer listed',
  'outcome.alreadyListening': 'listener #{id} is already listening on {address}: nothing to retry',
  'outcome.alreadyStarting': 'listener #{id} is still starting on {address}: nothing to retry',
  'outcome.listenerAlreadyClosed': 'listener #{id} is already closed: nothing to close',
  'outcome.listenerNotListening':
    'listener #{id} failed ({code}): it never listened, nothing to close',
  'outcome.modeIdle': 'listener #{id} is not listening: {what} once r starts it again',
  'outcome.modeIdleOpen':
    'listener #{id} is not listening: {what} for its {count} open connection(s)',
  'outcome.echo': 'echo',
  'outcome.halfOpen': 'half-open',
  'outcome.on': 'on',
  'outcome.off': 'off',
} as const;
