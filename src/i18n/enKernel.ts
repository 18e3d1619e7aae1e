/**
 * English texts of the kernel's view (src/kernel): the rows' kernel columns, the ports view and
 * `socklab ports`, who holds a port. State names and Recv-Q/Send-Q stay as `ss` prints them.
 * Part of the English catalogue (en.ts); its keys are MessageKeys.
 */
export const enKernel = {
  'kernel.recvQ': 'Recv-Q {bytes}',
  'kernel.sendQ': 'Send-Q {bytes}',
  'kernel.acceptQueue': 'accept queue {count}/{backlog}',
  'kernel.line.tcpState': 'conn {connection} kernel: {state} Recv-Q {recvQ} Send-Q {sendQ}',
  'kernel.line.tcpGone': 'conn {connection} kernel: the socket is gone',
  'kernel.why.not-linux':
    "The kernel's view is not available on {platform}: socklab reads it from /proc/net/tcp, which only Linux has. Everything else works.",
  'kernel.why.no-proc':
    "The kernel's view is not available: {path}/net/tcp cannot be read (no /proc here). Everything else works.",
  'kernel.why.unreadable':
    "The kernel's view is not available: this user may not read {path}/net/tcp. Everything else works.",
  'kernel.owner.pid': '{name} (pid {pid}: {command})',
  'kernel.owner.none': 'no process',
  'kernel.owner.other-user': "another user's process",
  'kernel.owner.unknown': 'not visible from here (another namespace, or the process ended)',
  'kernel.mine.listener': 'this socklab, listener #{id}',
  'kernel.mine.connection': 'this socklab, conn #{id}',
  'kernel.mine.closed': 'this socklab, conn #{id} (closed)',
  'kernel.mine.client': 'this socklab, client #{id}',
  'kernel.mine.clientClosed': 'this socklab, client #{id} (closed)',
  'kernel.ports.title': 'Ports — the kernel’s TCP sockets{on} · like ss -tanp · Esc closes',
  'kernel.ports.on': ' on port {port}',
  'kernel.ports.header':
    'State      Recv-Q Send-Q Local                  Peer                   Process',
  'kernel.ports.none': 'no TCP socket on this port',
  'kernel.ports.noneAll': 'no TCP socket',
  'kernel.ports.more': '… {count} more (socklab ports --json lists them all)',
  'kernel.ports.listenSendQ':
    'LISTEN: Recv-Q = connections waiting for accept(); ss shows the backlog as Send-Q, /proc does not have it',
  'kernel.explain.LISTEN.0': 'listening; no connection waits in the accept queue',
  'kernel.explain.LISTEN.1':
    '1 connection waits in the accept queue: connect() succeeded, accept() not yet called',
  'kernel.explain.LISTEN.n':
    '{count} connections wait in the accept queue: connect() succeeded, accept() not yet called',
  'kernel.explain.waiting':
    'complete, in the accept queue: no process has accept()ed it yet (inode 0)',
  'kernel.explain.waitingBytes':
    'complete, in the accept queue: no process has accept()ed it yet; its {bytes} B already wait in the kernel',
  'kernel.explain.ESTABLISHED': 'open; nothing waits in either direction',
  'kernel.explain.recvQ': '{bytes} B received and not yet read: the program has not called recv()',
  'kernel.explain.sendQ': '{bytes} B sent and not yet acknowledged by the peer',
  'kernel.explain.both':
    '{recv} B received and not yet read; {send} B sent and not yet acknowledged',
  'kernel.explain.SYN_SENT': "connect() sent SYN; waiting for the server's SYN-ACK",
  'kernel.explain.SYN_RECV': 'SYN received, SYN-ACK sent: the handshake is not complete yet',
  'kernel.explain.FIN_WAIT1': 'this side closed (FIN sent); waiting for its ACK',
  'kernel.explain.FIN_WAIT2':
    "this side closed and the peer acknowledged; waiting for the peer's FIN",
  'kernel.explain.TIME_WAIT':
    'this side closed first: the kernel keeps the pair ~60 s so late packets die (no process holds it)',
  'kernel.explain.CLOSE': 'closed',
  'kernel.explain.CLOSE_WAIT':
    'the peer closed (FIN received); this program has not called close() yet',
  'kernel.explain.LAST_ACK': 'the peer closed first, then this side; waiting for the last ACK',
  'kernel.explain.CLOSING': 'both sides closed at once; waiting for the ACK',
  'kernel.holder.self': '{where} is held by this socklab, listener #{listener}, {state}',
  'kernel.holder.selfUdp': '{where} is held by this socklab, udp #{socket}, {state}',
  'kernel.holder.pid': '{where} is held by {name} (pid {pid}: {command}), {state}',
  'kernel.holder.hidden': "{where} is held by another user's process, {state}",
  'kernel.holder.unknown':
    '{where} is held by a socket in {state} whose process could not be found',
  'kernel.holder.tail': ' — close it or choose another port.',
  'kernel.holder.timeWait':
    'Only TIME_WAIT is left on {where}: the side that closed first keeps the pair ~60 s. socklab binds with SO_REUSEADDR (Node sets it on every listener on Linux), but the kernel lets a bind past TIME_WAIT only when the socket that left it had SO_REUSEADDR too — this one did not (e.g. a Python server without s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)). Wait ~60 s or choose another port.',
  'help.usage.ports': "the kernel's TCP sockets on PORT (all without one), like ss -tanp",
  'help.opt.portsJson': 'with ports: NDJSON, one socket per line',
  'key.ports': 'ports',
  'key.portsClose': 'close ports',
  'key.portsScroll': 'scroll',
  'key.portsAll': 'this port / all ports',
  'help.where.ports': 'Ports view',
};
