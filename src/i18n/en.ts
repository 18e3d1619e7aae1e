import { enHelp } from './enHelp.js';
import { enKernel } from './enKernel.js';
import { enKeys } from './enKeys.js';
import { enLabs } from './enLabs.js';
import { enLines } from './enLines.js';
import { enOutcomes } from './enOutcomes.js';
import { enPanes } from './enPanes.js';
import { enProxy } from './enProxy.js';
import { enUdp } from './enUdp.js';

/**
 * English messages. Every string a person reads comes from a catalogue like this one;
 * `{name}` is replaced by t(). pt-BR.ts must have exactly the same keys (a test checks).
 */
export const en = {
  // The guided labs' texts, in a file of their own.
  ...enLabs,
  ...enPanes,
  // socklab --help.
  ...enHelp,
  ...enKeys,
  // Headless mode's event lines, in a file of their own.
  ...enLines,
  // What a key did on a socket, on the status row.
  ...enOutcomes,
  // The kernel's view: rows' kernel columns, the ports view, who holds a port.
  ...enKernel,
  // Proxy mode's texts (src/proxy), in a file of their own.
  ...enProxy,
  // UDP (src/udp): lines, explanations, rows, lab 3d.
  ...enUdp,

  'report.title': 'socklab lab report',
  'report.generated': 'Generated {time} by socklab {version} ({lang}).',
  'report.settings': 'Buffer: {buffer} B per read · mode: {mode}',
  'report.listeners': 'Listeners',
  'report.noListeners': 'No listeners.',
  'report.listenerRow': '- #{id} {address} — {state}; connections: {total}, bytes in: {bytes}',
  'report.errors': 'Errors and notes',
  'report.noErrors': 'No errors.',
  'report.connections': 'Connections',
  'report.noConnections': 'No connections.',
  'report.connHeader':
    '| # | side | peer (address:port) | local (address:port) | state | bytes in | reads | kernel (ss) | Recv-Q | Send-Q |',
  'report.reads': 'Reads per connection',
  'report.readsOf': 'Connection #{id} ({peer})',
  'report.noReads': 'no reads',
  'report.labs': 'Labs done',
  'report.noLabs': 'No guided lab was run.',
  'report.student': 'Student',
  'report.observed': 'Observed in this run of socklab',
  'report.run': '`g` at {time}',
  'report.obsListener': 'listener #{id} {address}: {state}',
  'report.obsClient': 'client #{id}: local port {local} → {target}, {state}',
  'report.obsClientOnly': 'client #{id} → {target}: {state}',
  'report.obsServer': 'server side #{id} of client #{client}: peer port {port}, {state}',
  'report.obsAccepted': 'server side #{id}: peer {peer}, {state}',
  'report.obsNothing': 'nothing was opened or closed',
  'report.runResult': '`g` at {time} — {result}',
  'report.runUnfinished':
    '`g` at {time} — no result yet when the report was written; its sockets as of the report:',
  'report.obsMore': '… and {count} more lines',
  'report.obsLater': 'accepted after the result, as of the report:',
  'report.headlessScreen': '(headless: no dashboard)',
  'report.screen': 'The screen',
  'report.written': 'report written to {file}',
  'report.failed': 'could not write the report to {file}: {error}',

  // ---- dashboard -------------------------------------------------------------------------
  // The header's counts, dropped from the right when the row is too narrow (Header.tsx).

  'state.listener.starting': 'starting',
  'state.listener.listening': 'listening',
  'state.listener.closed': 'closed',
  'state.listener.failed': 'failed {code}',
  'state.conn.connecting': 'connecting',
  'state.conn.queued': 'queued',
  'state.conn.queuedAt': 'queued #{position}',
  'state.conn.open': 'open',
  'state.conn.peerHalfClosed': 'peer-half-closed',
  'state.conn.halfClosed': 'half-closed',
  'state.conn.closed': 'closed',
  'state.conn.reset': 'reset',
  'state.conn.error': 'error',
  'close.peerFin': 'closed by peer (FIN)',
  'close.localClose': 'closed by socklab',
  'close.peerReset': 'reset by peer',
  'close.localReset': 'reset by socklab',
  'close.error': 'error {code}',
  'side.client': 'client',
  'side.server': 'server',
  'mode.concurrent': 'concurrent',
  'mode.sequential': 'sequential',
  'subject.listener': 'listener #{id}',
  'subject.accept': 'listener #{id} accept',
  'subject.client': 'client #{id}',
  'subject.connection': 'connection #{id}',
  'subject.log': 'log',

  'tooSmall.need': 'socklab needs at least {columns}×{rows}:',
  'tooSmall.have': 'this terminal is {columns}×{rows}. Enlarge it, or q to quit.',
  // An Ink 6 patch that did not apply (src/patches/applyInkPatches.ts), on the status row.
  'patch.skipped': 'note: {lost} ({why})',
  'patch.lost.measureText': "Ink's text width cache is unbounded: memory grows over a long session",
  'patch.lost.wrapText': "Ink's text wrap cache is unbounded: memory grows over a long session",
  'patch.lost.outputCache': 'Ink redoes every line each frame: frames take longer',
  'patch.why.notHandedOver': 'not handed over by the build: run the built dist/cli.js',
  'patch.why.unexpectedShape': 'this Ink is not 6.8',

  'prompt.listen': 'new listener [HOST:]PORT ›',
  'prompt.target': 'connect client to [HOST:]PORT ›',
  'prompt.message': 'message ›',
  'prompt.serverSend': 'server sends ›',
  'prompt.emptyMessage': 'type a message (escapes: \\n \\r \\t \\\\ \\xNN), Esc to leave',
  'prompt.full': 'the box holds {max} characters: the rest was left out',

  'status.buffer': 'each read now takes at most {size} B, like recv({bytes})',
  'status.notForUdp':
    'not for UDP: this key acts on a TCP socket (UDP has no listener mode or connection to change); select a TCP row, or U for TCP clients',
  'status.sequential':
    'sequential: one connection read at a time; later ones are accepted and wait unread',
  'status.concurrent': 'concurrent: every connection served at once',
  'status.selectListener':
    'select a listening listener first (or press t in the client pane to type host:port)',
  'status.clientConnectingTo': 'client #{id} connecting to {target}',
  'status.noClient': 'no open client: press c to connect one to the selected listener',
  'status.noConnection': 'no open connection selected',
  'status.nothingSelected': 'nothing selected',
  'status.noListener': 'no listener selected: press n to listen',
  'status.echoOn': 'listener #{id}: echo on: every read is written back',
  'status.echoOff': 'listener #{id}: echo off',
  'status.halfOpenOn':
    "listener #{id}: half-open on: after the peer's FIN a connection stays open for writing until you close it (x)",
  'status.halfOpenOff': "listener #{id}: half-open off: a connection closes at the peer's FIN",
  'status.listenerStarting': 'listener #{id} starting on {address}',
  'status.listenerListening': 'listener #{id} listening on {address}',
  'status.listenerFailed': 'listener #{id} on {address} failed with {code} (see the errors pane)',
  'status.listenerClosed': 'listener #{id} on {address} closed',
  'status.clientConnected': 'client #{id} connected to {target} from local port {port}',
  'status.clientFailed': 'client #{id} could not connect to {target}: {code}',
  'status.clientState': 'client #{id} → {target}: {state}',
  'status.sent': 'sent {bytes} B to #{id}',

  'burst.one': '{bytes} B in {reads} read',
  'burst.other': '{bytes} B in {reads} reads',
  'burst.range': '{head}: {min}–{max} B each',

  // ---- explanations of socket errors ------------------------------------------------------
  'errno.EADDRINUSE':
    'Another socket already listens on {where} (in this process or another) — close it or choose another port; SO_REUSEADDR only helps past TIME_WAIT. (Windows reports this as WSAEADDRINUSE, 10048.)',
  'errno.EACCES.call':
    'Permission denied (EACCES) for {where} — the OS or a firewall forbids this {syscall}.',
  'errno.EACCES.operation':
    'Permission denied (EACCES) for {where} — the OS or a firewall forbids this operation.',
  'errno.EACCES.privileged':
    '{thePort} is below {limit}, the privileged limit (on Linux: net.ipv4.ip_unprivileged_port_start): binding it needs root or CAP_NET_BIND_SERVICE — choose a port of {limit} or above. macOS 10.14 and later let a normal user bind such a port on the wildcard address (0.0.0.0) but may still refuse a specific address such as 127.0.0.1; Windows has no privileged ports.',
  'errno.EACCES.privilegedMac':
    '{thePort} is below 1024 and {where} is a specific address: macOS 10.14 and later let a normal user bind a port below 1024 only on the wildcard address (0.0.0.0 or ::); on a specific address such as 127.0.0.1 it still needs root — listen on 0.0.0.0 (every interface) or choose a port of 1024 or above.',
  'errno.EACCES.privilegedMacAny':
    '{thePort} is below 1024: macOS before 10.14 keeps such ports for root, even on the wildcard address — run as root or choose a port of 1024 or above.',
  'errno.EACCES.thePort': 'The port',
  'errno.EACCES.portN': 'Port {port}',
  'errno.EACCES.policy':
    'Permission denied binding {where} although the port is not privileged — a security policy (SELinux, AppArmor, a container) or, on Windows, a reserved port range may forbid it.',
  'errno.EADDRNOTAVAIL':
    'No interface on this machine has the address in {where} — listen on 127.0.0.1, 0.0.0.0 or an address shown by "ip addr".',
  'errno.ENOTFOUND':
    'The host name {host} does not resolve (DNS has no address for it) — check the spelling or use an IP address such as 127.0.0.1.',
  'errno.EAI_AGAIN':
    'DNS is temporarily unavailable, so {host} could not be resolved — check the network or use an IP address.',
  'errno.EAI_AGAIN.host': 'the host name',
  'errno.ERR_SOCKET_BAD_PORT':
    'The port must be a whole number from 0 to 65535; 0 lets the OS pick a free one.',
  'errno.ERR_SOCKET_BAD_PORT.got':
    'The port must be a whole number from 0 to 65535 (got {port}); 0 lets the OS pick a free one.',
  'errno.ECONNREFUSED':
    'Nothing listens at {where}: the OS answered the connection request (SYN) with RST — start the server first or check the port.',
  'errno.ETIMEDOUT':
    'No answer from {where} within the connect timeout: the SYNs were dropped — the host is down, a firewall drops them, or its listen backlog is full.',
  'errno.ECONNRESET':
    'The peer {where} reset the connection (sent RST) — e.g. it closed with unread data in its receive buffer, or called resetAndDestroy().',
  'errno.EPIPE':
    'Wrote to {where} after the peer closed its side (EPIPE) — that data was not delivered; stop writing once the peer has closed.',
  'errno.EMFILE':
    'This process is out of file descriptors (EMFILE); every socket uses one — close connections or raise the limit with "ulimit -n".',
  'errno.ENFILE':
    'The whole system is out of file descriptors (ENFILE); every socket uses one — close connections or raise the system limit (fs.file-max).',
  'errno.EINVAL':
    'The OS rejected an argument to {syscall} for {where} (EINVAL) — e.g. an address of the wrong family or a socket already bound.',
  'errno.EINVAL.call': 'the call',
  'errno.EINVAL.host':
    '{host} is not a valid host name (getaddrinfo answered EINVAL): a name is letters, digits, "-" and "." (at most 253 characters); or type an IP address such as 127.0.0.1.',
  'errno.EHOSTUNREACH':
    'No route to the host of {where} (EHOSTUNREACH) — it is not reachable from this machine, or a router/firewall answered "unreachable".',
  'errno.ENETUNREACH':
    'The network of {where} is unreachable (ENETUNREACH) — this machine has no route to it; check the address and the network connection.',
  'errno.generic': '{what} for {where}: {message}.',
  'errno.genericDuring': '{what} during {syscall} for {where}: {message}.',
  'errno.unknown': 'Error',
  'errno.noDetails': 'no details',
  'errno.thatAddress': 'that address',
  'errno.aggregate': '{name} resolved to {count} addresses and each attempt failed: {list}.',
  'errno.aggregate.host': 'The host name',
  'errno.error': 'error',
  'file.ENOSPC': 'no space left on the device',
  'file.EFBIG': 'the file reached the largest size this process may write (ulimit -f)',
  'file.EDQUOT': 'the disk quota is used up',
  'file.EPIPE': 'nothing reads the pipe any more',
  'file.EIO': 'an input/output error on the device',
  'file.EACCES': 'permission denied',
  'file.EPERM': 'operation not permitted',
  'file.EROFS': 'the file system is read-only',
  'file.ENOENT': 'the folder does not exist',
  'file.EISDIR': 'it is a folder',
  'file.ENOTDIR': 'part of the path is not a folder',
  'log.failed':
    'Could not write to the log "{path}" ({error}). Logging stopped; the sockets keep working.',
  'headless.nothingLeft':
    'nothing left to serve: every socket it was asked for failed (see above); exit 1',
  'headless.stdoutFailed': 'cannot write to standard output ({error}): stopping',
  'headless.stdoutFailedLog':
    'cannot write to standard output ({error}): still serving, events go to the log only',

  'note.exposed':
    'warning: {host} listens on every interface — other machines can connect; use 127.0.0.1 to stay local',
  'note.exposedUdp':
    'warning: {host} is bound on every interface — other machines can send datagrams to it; use 127.0.0.1 to stay local',
  'note.elsewhere':
    'as a normal user on Linux this bind fails with EACCES (ports below {limit} are privileged: net.ipv4.ip_unprivileged_port_start); macOS 10.14 and later allow it on 0.0.0.0 but may refuse a specific address such as 127.0.0.1',
  'note.win32': 'port {port} bound because Windows has no privileged ports; elsewhere: {elsewhere}',
  'note.darwinAny':
    'port {port} bound on the wildcard address: macOS 10.14 and later allow a normal user ports below 1024 there, but a specific address such as 127.0.0.1 may give EACCES; on Linux a normal user gets EACCES below net.ipv4.ip_unprivileged_port_start',
  'note.root': 'port {port} bound because socklab runs as root (uid 0); {elsewhere}',
  'note.cap': 'port {port} bound because socklab has CAP_NET_BIND_SERVICE; without it {elsewhere}',
  'note.unenforced':
    'port {port} bound although it is below {limit}: this OS did not enforce privileged ports here; {elsewhere}',

  // ---- command line ----------------------------------------------------------------------
  'endpoint.notNumber': 'port "{port}" is not a number: use 0–65535 (0 lets the OS pick)',
  'endpoint.outOfRange': 'port {port} is out of range: use 0–65535 (0 lets the OS pick)',
  'endpoint.empty': 'empty address: type [HOST:]PORT, e.g. 127.0.0.1:9999',
  'endpoint.ipv6': '"{text}": write an IPv6 address in brackets, e.g. [::1]:9999',
  'endpoint.noPort': '"{text}": the port is missing — write [{host}]:PORT, e.g. [{host}]:9999',
  'endpoint.unclosed': '"{text}": the IPv6 address has no closing "]" — write [ADDRESS]:PORT',
  'endpoint.afterBracket': '"{text}": after "]" comes ":PORT" — write [ADDRESS]:PORT',
  'endpoint.emptyHost': '"{text}" has an empty host: type [HOST:]PORT',
  'endpoint.hostSpaces': 'host "{host}" contains spaces',
  'endpoint.hostTooLong':
    'host name too long: {length} characters; a host name has at most 253 (RFC 1035)',

  'escapes.trailing': 'trailing "\\" at position {position} — write "\\\\" for a backslash',
  'escapes.notHex': '{escape} is not hex at position {position}',
  'escapes.twoDigits': '\\x needs two hex digits: {escape} at position {position}',
  'escapes.unknown':
    'unknown escape {escape} at position {position} — use \\n \\r \\t \\\\ \\0 or \\xNN',

  'args.sendNeedsTarget': 'send needs a target: socklab send [HOST:]PORT [MESSAGE]',
  'args.sendOneMessage':
    'send takes one message; quote it: socklab send {target} "text with spaces"',
  'args.sendMessage': 'send: message: {error}',
  'args.unexpected': 'unexpected argument "{arg}": the only command is "send" (see --help)',
  'args.logName': '--log needs a file name',
  'args.reportName': '--report needs a file name',
  'args.nameEmpty': '--name needs a name',
  'args.nameLong': '--name is {length} characters long; at most {max}',
  'args.badLab': '--lab "{lab}" is not a lab: use one of {ids}',
  'args.badLang': '--lang "{lang}" is not available: use en or pt-BR',
  'args.badNumber':
    '{flag} "{text}" is not valid: use a whole number of {unit} from {min} to {max}',
  'args.unit.bytes': 'bytes',
  'args.unit.connections': 'connections',
  'args.unknownOption': 'unknown option {option}: see socklab --help',
  'args.seeHelp': '{message}: see socklab --help',
  'args.logOpen': '--log "{path}": cannot write there ({error})',
  'args.reportOpen': '--report "{path}": cannot write a report there ({error})',
  'cli.unexpected': 'unexpected error: {error}',
  /** A line on stderr, named after the program as every other one is. */
  'cli.engineCrashed': 'the engine thread stopped ({error}); every socket it held is closed',
  'cli.reportLost': 'the report {path} was not written: its data was in the engine thread',
  'cli.line': 'socklab: {message}',
  // socklab send, the lab's client: what it did, one line each.
  'send.connected': 'connected to {peer} from local port {port} ({local})',
  'send.sent': 'sent {bytes} bytes',
  'send.received': 'received {bytes} bytes: "{text}"',
  'send.error': 'error {code}: {explanation}',
} as const;

export type MessageKey = keyof typeof en;
