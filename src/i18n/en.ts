/**
 * English messages. Every string a person reads comes from a catalogue like this one;
 * `{name}` is replaced by t(). pt-BR.ts must have exactly the same keys (a test checks).
 */
export const en = {
  'lab.list.title': 'Guided labs — ↑↓ choose · Enter open · Esc close',
  'lab.panel.keys': 'g run it · a answer · Esc close · l list',
  'lab.panel.more': '↓ more · lines {from}–{to} of {total} · ↑↓ PgUp PgDn',
  'lab.panel.end': '↑ lines {from}–{to} of {total} · ↑↓ PgUp PgDn',
  'lab.question': 'Question',
  'lab.answer': 'Answer',
  'lab.wrong': 'Where the common answer goes wrong',
  'lab.hidden': 'press a to show the answer',
  'lab.ran': 'ran lab {id}: {what}',
  'lab.running': 'lab {id}: {what}',
  'lab.owner': 'lab {id}',
  'lab.starting': 'starting',
  'lab.released.one': 'closed lab {id}’s last run (1 socket)',
  'lab.released.other': 'closed lab {id}’s last run ({count} sockets)',
  'lab.setBuffer': 'buffer set to {bytes} B (for every listener)',
  'lab.setSequential': 'sequential mode on (for every listener)',
  'lab.setSequentialBuffer': 'sequential mode on, buffer set to {bytes} B (for every listener)',
  'lab.setConcurrent': 'concurrent mode on (for every listener)',
  'lab.ownListener': 'own listener #{listener} {target}',
  'lab.listenerStarting': 'opening its own listener #{listener} on {host}',
  'lab.listenerFailed':
    'its own listener #{listener} on {target} failed with {code} (see the errors pane)',
  'lab.listenerClosed': 'its own listener #{listener} was closed',
  'lab.clientConnecting': 'lab {id} client #{client} connecting to {target}',
  'lab.clientFailed': 'lab {id} client #{client} failed with {code} (see the errors pane)',
  'lab.readIn': 'client #{client} sent {sent} B, read as {burst}',
  'lab.readSoFar': 'client #{client} sent {sent} B, {read} B read so far',

  'lab.1.title': '1 · Ephemeral ports',
  'lab.1.observe':
    'Connect three times. Each connection comes from a different port on the client side: the peer port the server sees is the client’s ephemeral port, chosen by the client’s OS.',
  'lab.1.step1': 'The server listens (g opens a listener of the lab’s own; the OS picks its port)',
  'lab.1.py1': "s.bind(('127.0.0.1', 9999)); s.listen()",
  'lab.1.step2': 'Accept connections in a loop; each accept() returns the peer address',
  'lab.1.py2': 'conn, addr = s.accept()  # addr = (ip, ephemeral port)',
  'lab.1.step3':
    'The client connects three times (g does it); compare peer ports with the client’s local ports',
  'lab.1.py3': "c.connect(('127.0.0.1', 9999)); c.getsockname()[1]",
  'lab.1.question': 'Which ports are these (e.g. 50398, 50401, 50407)? What do they mean?',
  'lab.1.answer':
    'They are the client’s ephemeral ports: for each connect() the client’s OS picks a free port from its ephemeral range ({range}). The server’s port stays {port}. The pair of addresses and ports identifies the connection.',
  'lab.1.wrong':
    '“The connection ports between server and client” — no: the server keeps its one port; these belong to the client and change on every connection.',
  'lab.1.connecting': 'lab 1 clients {ids} connecting to {own}',
  'lab.1.done':
    '{own}; clients {ids} from local ports {ports}: the peer ports in the connections pane',
  'lab.1.doneMode':
    'clients {ids} from local ports {ports}: the peer ports in the connections pane',

  'lab.2a.title': '2a · Two servers on one port',
  'lab.2a.observe':
    'Start a second listener on the same address and port. The second bind fails; the first keeps serving.',
  'lab.2a.step1': 'The first server is listening (g opens it on a free port)',
  'lab.2a.py1': "s.bind(('127.0.0.1', port)); s.listen()",
  'lab.2a.step2': 'A second server binds the same address and port (g does it)',
  'lab.2a.py2': "s2.bind(('127.0.0.1', port))  # OSError: EADDRINUSE",
  'lab.2a.question': 'What happens when you open two servers on the same port at once?',
  'lab.2a.answer':
    'The second bind() raises EADDRINUSE (Windows: WSAEADDRINUSE, 10048): only one socket may listen on an address and port. The first server is not affected.',
  'lab.2a.wrong':
    '“The last server closes” — it never started listening: its bind() failed with an error the program should catch.',
  'lab.2a.binding': 'listener #{second} binding {target}, where lab 2a’s listener #{first} listens',
  'lab.2a.inUse':
    'listener #{second} on {target} failed with EADDRINUSE, as expected: lab 2a’s listener #{first} already listens there',
  'lab.2a.otherError':
    'listener #{second} on {target} failed with {code}, not EADDRINUSE (see the errors pane)',
  'lab.2a.bothListen':
    'listener #{second} also listens on {target}: this OS let a second socket bind the same port',

  'lab.2b.title': '2b · A port below 1024',
  'lab.2b.observe':
    'Listen on port 700. Whether a normal user may depends on the OS: Linux refuses ports below {limit} (net.ipv4.ip_unprivileged_port_start) with EACCES unless the process is root or has CAP_NET_BIND_SERVICE; macOS 10.14 and later allows it on the wildcard address (0.0.0.0) but may still refuse a specific address such as 127.0.0.1; Windows has no privileged ports.',
  'lab.2b.step1': 'Bind port 700 (g does it)',
  'lab.2b.py1': "s.bind(('127.0.0.1', 700))",
  'lab.2b.question': 'What happens when you use a port below 1024 (e.g. 700)?',
  'lab.2b.answer':
    'It depends on the OS and the user. Linux: bind() fails with EACCES (permission denied) for a port below net.ipv4.ip_unprivileged_port_start ({limit} here) unless the process is root or has CAP_NET_BIND_SERVICE. macOS 10.14 and later: a normal user may bind it on 0.0.0.0, but 127.0.0.1 can still give EACCES. Windows has no privileged ports. Here: {here}',
  'lab.2b.wrong':
    '“It works normally” — only on Windows, on macOS’s wildcard address, or with privileges; say which OS, address and user.',
  'lab.2b.notRun': 'press g to try it on this machine',
  'lab.2b.binding': 'listener #{listener} binding {target}',
  'lab.2b.bound':
    'listener #{listener} on {target} bound: this user may bind below {limit} here (the note in the errors pane says why)',
  'lab.2b.eacces':
    'listener #{listener} on {target} failed with EACCES, as expected for a normal user: port 700 is privileged here',
  'lab.2b.otherError': 'listener #{listener} on {target} failed with {code} (see the errors pane)',

  'lab.3.title': '3 · Each read and its byte count',
  'lab.3.observe':
    'With a 1,024-byte buffer the 28-byte message arrives in one read of 28 bytes; an empty read (EOF) means the client closed.',
  'lab.3.step1': 'Read up to 1,024 bytes at a time (g sets the slider)',
  'lab.3.py1': 'data = conn.recv(1024)',
  'lab.3.step2': 'The client sends “Estou enviando uma mensagem!” (28 bytes)',
  'lab.3.py2': "c.sendall(b'Estou enviando uma mensagem!')",
  'lab.3.step3': 'Stop when recv() returns b"" (the peer closed)',
  'lab.3.py3': 'if not data: break',
  'lab.3.question': 'How many bytes does the server receive, and in how many reads?',
  'lab.3.answer': '28 bytes in one read of 28: the whole message fits in the buffer.',
  'lab.3.wrong': '—',

  'lab.3a.title': '3a · Two clients, one-at-a-time server',
  'lab.3a.observe':
    'In sequential mode the server serves one connection at a time, like the lab’s loop. The second client’s connect() succeeds — the kernel completes the handshake into the listen backlog — but it waits, queued, unread.',
  'lab.3a.step1': 'Serve one connection at a time (g switches to sequential)',
  'lab.3a.py1': 'while True: conn, addr = s.accept()  # one at a time',
  'lab.3a.step2': 'Two clients connect and send (g connects them to a listener of the lab’s own)',
  'lab.3a.py2': 'c1.connect(...); c2.connect(...)  # both succeed',
  'lab.3a.question': 'What happens when two clients connect at the same time?',
  'lab.3a.answer':
    'Both connect. The first is served; the second waits in the backlog (shown queued #1) with its data in the kernel until the server calls accept() again.',
  'lab.3a.wrong': '“The first is cancelled” — nothing is cancelled: the second waits its turn.',
  'lab.3a.connecting': 'lab 3a clients connecting to {own}',
  'lab.3a.done': 'lab 3a client #{first} served, client #{second} queued #{position}',
  'lab.3a.bothServed':
    'lab 3a clients #{first} and #{second} are both served: the mode was switched back to concurrent',

  'lab.3b.title': '3b · The first client closes',
  'lab.3b.observe':
    'Close the client being served: recv() returns b"" (EOF), the loop breaks, and the server accepts the next queued client, whose waiting bytes appear at once.',
  'lab.3b.step1': 'The first client closes (g closes lab 3a’s served client)',
  'lab.3b.py1': 'c1.close()',
  'lab.3b.step2': 'The server sees EOF and closes its side',
  'lab.3b.py2': "data = conn.recv(1024)  # b'' → break; conn.close()",
  'lab.3b.step3': 'The next queued connection is accepted and read',
  'lab.3b.py3': 'conn, addr = s.accept()  # the queued client',
  'lab.3b.question': 'What happens when the first client is closed?',
  'lab.3b.answer':
    'The server reads EOF (0 bytes), closes that connection, and accepts the next one from the backlog; the second client’s message, waiting in the kernel, is read immediately.',
  'lab.3b.wrong':
    '“The server keeps running regardless” — true but incomplete: it is now serving the queued client.',
  'lab.3b.setUp': 'ran lab 3a’s steps first',
  'lab.3b.waiting': 'waiting for lab 3a’s clients: one served, one queued',
  'lab.3b.closing': 'closing lab 3a client #{first}; client #{second} waits to be served',
  'lab.3b.done': 'closed lab 3a client #{first}; client #{second} is served: {bytes} B read',

  'lab.3c.title': '3c · A 5-byte buffer',
  'lab.3c.observe':
    'Shrink the buffer to 5 bytes: the 28-byte message arrives as reads of 5, 5, 5, 5, 5, 3. TCP is a byte stream; it does not keep message boundaries.',
  'lab.3c.step1': 'Read at most 5 bytes at a time (g moves the slider)',
  'lab.3c.py1': 'data = conn.recv(5)',
  'lab.3c.step2': 'The client sends the 28-byte message',
  'lab.3c.py2': "c.sendall(b'Estou enviando uma mensagem!')",
  'lab.3c.question': 'How is the content received with a small buffer (e.g. 5)?',
  'lab.3c.answer':
    'All 28 bytes arrive, in 6 reads: 5 5 5 5 5 3. Each recv(5) returns at most 5 bytes; the loop keeps reading until the data runs out.',
  'lab.3c.wrong': '“It receives only 5 bytes” — it receives all 28, in several reads.',

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
    '| # | side | peer (address:port) | local (address:port) | state | bytes in | reads |',
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
  'header.title': 'socklab {version}',
  'header.totals':
    'listening {listeners} · open {open} · in {bytesIn} · out {bytesOut} · reads {reads}',
  'header.sequential': 'SEQUENTIAL (one at a time)',
  'header.concurrent': 'concurrent',
  'header.buffer': 'buffer',
  'header.scale': '1 B ▕{bar}▏ 64 KiB',
  'header.perRead': '{bytes} B per read',
  'header.hint': 'recv({bytes}) · -/+ to change · one application read per record',

  'listeners.title': 'Listeners',
  'listeners.empty': 'none — press n to listen',
  'listeners.allInterfaces': 'all interfaces',
  'listeners.retry': '(r retries)',
  'listeners.open': '{count} open',
  'listeners.refused': '{count} refused',
  'listeners.stats': '{queued} queued · {total} total · {bytesIn} in',
  'listeners.echo': 'echo',

  'conns.title': 'Connections',
  'conns.titleOn': 'Connections on #{id}',
  'conns.range': '{from}–{to} of {count}',
  'conns.info': "{count} · peer = client's ephemeral port",
  'conns.empty': 'none yet — press c, or run socklab send HOST:PORT',
  'conns.linked': 'client #{id}',
  'conns.linkedLab': 'lab {lab} client #{id}',
  'conns.row.one': '{age} · in {bytesIn}/{reads} read · out {bytesOut}',
  'conns.row.other': '{age} · in {bytesIn}/{reads} reads · out {bytesOut}',
  'conns.blocked': "{bytes} waiting, blocked by the peer's window",

  'client.title': 'Client',
  'client.info': 'c connect · Enter message · t host:port',
  'client.empty': 'no clients — press c to connect to the selected listener',
  'client.localPort': 'local port',
  'client.totals': '#{id}: out {bytesOut} · in {bytesIn}',
  'client.nodelay': 'nodelay',
  'client.rowBlocked': 'blocked',
  'client.blocked': "{bytes} waiting · blocked by the peer's window",

  'errors.title': 'Errors & notes',
  'errors.info': '{count} · x dismiss',
  'errors.empty': 'no errors — try n, Enter for EADDRINUSE',
  'errors.note': 'note',
  'errors.error': 'error',

  'reads.title': 'Reads',
  'reads.titleListener': 'Reads — all of listener #{id}',
  'reads.titleConn': 'Reads — conn #{id}',
  'reads.hex': 'hex',
  'reads.text': 'text',
  'reads.info': '{view} · reads of ≤ {bytes} B · h hex · a scope · s send',
  'reads.empty': 'no reads yet — send something (c, then Enter in the client pane)',

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

  'help.title': 'Keys — ? or Esc closes',
  'help.textBox':
    'In a text box: Enter submits, Esc leaves, Ctrl+U clears; every key types (q too).',
  'help.where.global': 'Everywhere',
  'help.where.slider': 'Buffer slider',
  'help.where.listeners': 'Listeners',
  'help.where.connections': 'Connections',
  'help.where.reads': 'Reads',
  'help.where.client': 'Client',
  'help.where.errors': 'Errors',

  'key.bufferSize': 'buffer size',
  'key.select': 'select',
  'key.closeListener': 'close listener',
  'key.retry': 'retry failed',
  'key.sendToIt': 'send to it',
  'key.close': 'close',
  'key.reset': 'reset (RST)',
  'key.halfClose': 'half-close (FIN)',
  'key.hexText': 'hex/text',
  'key.scope': 'this connection / whole listener',
  'key.sendToConnection': 'send to connection',
  'key.selectClient': 'select client',
  'key.typeMessage': 'type a message',
  'key.connectTo': 'connect to host:port',
  'key.nagle': 'Nagle on/off',
  'key.dismiss': 'dismiss',
  'key.dismissAll': 'dismiss all',
  'key.nextPane': 'next pane',
  'key.buffer': 'buffer',
  'key.newListener': 'new listener',
  'key.client': 'client to listener',
  'key.mode': 'sequential/concurrent',
  'key.echo': 'echo',
  'key.hex': 'hex',
  'key.labs': 'guided labs',
  'key.report': 'write report',
  'key.help': 'help',
  'key.quit': 'quit',

  'prompt.listen': 'new listener [HOST:]PORT ›',
  'prompt.target': 'connect client to [HOST:]PORT ›',
  'prompt.message': 'message ›',
  'prompt.serverSend': 'server sends ›',
  'prompt.emptyMessage': 'type a message (escapes: \\n \\r \\t \\\\ \\xNN), Esc to leave',
  'prompt.full': 'the box holds {max} characters: the rest was left out',

  'status.buffer': 'each read now takes at most {bytes} B, like recv({bytes})',
  'status.sequential': 'sequential: one connection served at a time, later ones wait in the queue',
  'status.concurrent': 'concurrent: every connection served at once',
  'status.selectListener':
    'select a listening listener first (or press t in the client pane to type host:port)',
  'status.clientConnectingTo': 'client #{id} connecting to {target}',
  'status.noClient': 'no open client: press c to connect one to the selected listener',
  'status.noConnection': 'no open connection selected',
  'status.nothingSelected': 'nothing selected',
  'status.sentRst': '#{id}: sent RST',
  'status.sentFin': '#{id}: sent FIN, still reading',
  'status.noListener': 'no listener selected: press n to listen',
  'status.echoOn': 'listener #{id}: echo on: every read is written back',
  'status.echoOff': 'listener #{id}: echo off',
  'status.listenerStarting': 'listener #{id} starting on {address}',
  'status.listenerListening': 'listener #{id} listening on {address}',
  'status.listenerFailed': 'listener #{id} on {address} failed with {code} (see the errors pane)',
  'status.listenerClosed': 'listener #{id} on {address} closed',
  'status.clientConnected': 'client #{id} connected to {target} from local port {port}',
  'status.clientFailed': 'client #{id} could not connect to {target}: {code}',
  'status.clientState': 'client #{id} → {target}: {state}',
  'status.closedNothingSent': '#{id} is closed: nothing sent',
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
  'headless.stdoutFailed': 'cannot write to standard output ({error}): stopping',
  'headless.stdoutFailedLog':
    'cannot write to standard output ({error}): still serving, events go to the log only',

  'note.exposed':
    'warning: {host} listens on every interface — other machines can connect; use 127.0.0.1 to stay local',
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
  'cli.line': 'socklab: {message}',

  'help.tagline': 'watch TCP sockets live: listeners, ephemeral ports, every read and its size.',
  'help.usage': 'Usage',
  'help.usage.run': 'open the dashboard (headless without a terminal)',
  'help.usage.send': "the lab's client: connect, print the local port, send, close",
  'help.options': 'Options',
  'help.opt.listen': 'listen here; repeat for more listeners   (default {host}:{port})',
  'help.opt.listen2': 'HOST defaults to {host}; IPv6 as [::1]:PORT; PORT 0 = any free port',
  'help.opt.buffer': 'bytes per read, like recv(BYTES), 1–65536 (default 1024)',
  'help.opt.sequential': 'serve one connection at a time, queue the rest (default: concurrent)',
  'help.opt.echo': 'write every read back to its sender (default: off)',
  'help.opt.maxConnections': 'open connections per listener before refusing (default 1000)',
  'help.opt.headless': 'print events as lines instead of the dashboard (automatic without a TTY)',
  'help.opt.json': 'with --headless: print NDJSON, one event per line',
  'help.opt.log': 'append every event as NDJSON to FILE (works with the dashboard too)',
  'help.opt.lab': 'open a guided lab at start: 1, 2a, 2b, 3, 3a, 3b, 3c (l lists them)',
  'help.opt.report': 'write a Markdown lab report to FILE on exit (w writes one any time)',
  'help.opt.name': 'the student’s name, at the head of the report',
  'help.opt.lang': 'en or pt-BR (default: from LANG / LC_ALL, else en)',
  'help.opt.help': 'show this help',
  'help.opt.version': 'print the version',
  'help.escapes': 'MESSAGE takes escapes: \\n \\r \\t \\\\ \\0 \\xNN  (default: "{message}")',
  'help.examples': 'Examples',
  'help.ex.ephemeral': 'Ephemeral ports:',
  'help.ex.ephemeral.do': "then press c, Enter: the client's local port",
  'help.ex.ephemeral.more': 'is the peer port in the connections pane',
  'help.ex.twoServers': 'Two servers, one port:',
  'help.ex.twoServers.do': 'then press n, Enter: EADDRINUSE in the errors pane',
  'help.ex.fragment': 'Messages fragment:',
  'help.ex.fragment.do': 'then c, type {message}, Enter:',
  'help.ex.fragment.more': 'reads of 5 5 5 5 5 3',
  'help.ex.sequential': 'One at a time:',
  'help.ex.sequential.do': 'and connect twice: the second waits, queued',
  'help.ex.scripts': 'Scripts and CI:',
  'help.ex.client': "The lab's client:",
  'help.keys': 'Keys in the dashboard: press ? for all of them; q quits.',
  'help.exit': 'Exit status: 0 ok, 1 a socket error (send), 2 a bad argument.',
} as const;

export type MessageKey = keyof typeof en;
