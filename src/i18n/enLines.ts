/**
 * English texts of headless mode: one line per event (cli/eventLine.ts) and the first line.
 * Part of the English catalogue (en.ts); its keys are MessageKeys.
 */
export const enLines = {
  'line.start': 'socklab headless: buffer {buffer} B, {mode} mode. Ctrl+C to stop.',
  'line.listening': 'listener {listener} on {address}',
  'line.bindError': 'listener {listener} {address} {code} ({syscall}): {explanation}',
  'line.acceptError':
    'listener {listener} could not accept a connection: {code} ({syscall}): {explanation}',
  'line.listenerClosed': 'listener {listener}',
  'line.accepted':
    "conn {connection} on listener {listener} from {peer} (peer's ephemeral port {peerPort}) to {local}",
  'line.accepted.client': 'socklab client {client}',
  'line.acceptedUnknownPeer':
    'conn {connection} on listener {listener} from an unknown peer (reset before it was accepted: the OS has no address for it) to {local}',
  'line.queued':
    "conn {connection} accepted, waits unread in listener {listener}'s queue at position {position}",
  'line.dequeued': 'conn {connection} is now served by listener {listener}',
  'line.refused': 'listener {listener} refused {peer}: {reason}',
  'line.refused.cap': 'over the cap of {cap} open connections',
  'line.peerClosed': 'conn {connection}: the peer sent FIN (read returned 0 bytes)',
  'line.closed': 'conn {connection} {how}: {bytesIn} B in ({reads} reads), {bytesOut} B out',
  'line.reset': 'conn {connection}: RST',
  'line.connectionError': 'conn {connection} {code}: {explanation}',
  'line.clientConnecting': 'client {connection} to {target}',
  'line.clientConnected': 'client {connection} from local port {port} ({local}) to {peer}',
  'line.clientError': 'client {connection} to {target} {code}: {explanation}',
  'line.sent': 'conn {connection} {bytes} B',
  'line.writeBlocked':
    "conn {connection}: blocked by the peer's window, {waiting} B waiting (reads of echoed data and repeats paused)",
  'line.writeUnblocked': "conn {connection}: the peer's window opened, writing again",
  'line.readPaused':
    "conn {connection}: reading paused ({held} B read ahead by Node); the kernel's receive queue fills, then the window closes",
  'line.readResumed': 'conn {connection}: reading resumed',
  'line.halfClosed': 'conn {connection}: sent FIN, can still read',
  'line.bufferChanged': 'reads now take at most {bytes} B',
  'line.modeSequential': 'sequential: one connection at a time',
  'line.modeConcurrent': 'concurrent: every connection served',
  'line.echoOn': 'listener {listener} echo on',
  'line.echoOff': 'listener {listener} echo off',
  'line.halfOpenOn':
    "listener {listener} half-open on (connections stay writable after the peer's FIN)",
  'line.halfOpenOff': "listener {listener} half-open off (connections close at the peer's FIN)",
  'line.read': 'conn {connection} ({side}) {bytes} B "{preview}"',
} as const;
