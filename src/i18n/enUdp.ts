/**
 * English texts of UDP (src/udp): headless lines, explanations, the panes' rows, the lab.
 * Part of the English catalogue (en.ts); its keys are MessageKeys.
 */
export const enUdp = {
  'udp.kernel': 'kernel: Recv-Q {rx} B · drops {drops}',
  'udp.kernel.long':
    'kernel (/proc/net/udp): {rx} B of datagrams wait to be read · {drops} datagrams dropped (the receive buffer was full: UDP does not slow the sender, it drops)',
  'udp.kernel.none':
    'kernel (/proc/net/udp): {rx} B of datagrams wait to be read · no datagram dropped',
  'udp.ports.head': 'UDP — like ss -uanp',
  'udp.ports.mine': 'this socklab, udp #{id}',
  'udp.ports.explain':
    '{rx} B of datagrams waiting · {drops} datagrams dropped (receive buffer full)',
  'udp.ports.idle': 'nothing waiting to be read, no datagram dropped',
  'report.udp': 'UDP sockets and datagrams',
  'report.udpNote':
    'Each datagram arrived whole (Node hands socklab the whole datagram); what recvfrom(N) returns and discards is computed from it at the buffer N of the moment, as the OS does it ({os}).',
  'report.udpSocket': 'UDP socket #{id} {address} — {state}',
  'report.udpClient': 'UDP client #{id} {address} → {target} — {state}',
  'report.udpCounts':
    'Datagrams in: {datagramsIn} ({bytesIn} B) · out: {datagramsOut} ({bytesOut} B) · senders: {peers}',
  'report.udpDatagram':
    'from {from}: {bytes} B datagram — recvfrom({buffer}) returns {kept} B, {discarded} B discarded:',
  'key.udpOpen': 'UDP socket',
  'key.udpClient': 'UDP client',
  'key.udpClients': 'TCP/UDP',
  'help.opt.udp':
    'a UDP socket here that records each datagram; repeat for more (alone: no TCP listener)',
  'line.udpListening': 'udp #{socket} bound {address}: waiting for datagrams',
  'line.udpClientBound': 'udp client #{socket} bound {address}',
  'line.udpBindError': 'udp #{socket} {address} {code} ({syscall}): {explanation}',
  'line.udpError': 'udp #{socket} {code} ({syscall}): {explanation}',
  'line.udpConnected': 'udp #{socket} connect()ed {local} → {peer}',
  'line.datagram': 'udp #{socket} ← {from} {bytes} B datagram — {recvfrom}',
  'line.udpSent': 'udp #{socket} → {to} {bytes} B datagram',
  'line.udpClosed': 'udp #{socket} closed',

  'udp.recvfrom.all': 'recvfrom({buffer}) returns all {bytes} B "{kept}"',
  'udp.recvfrom.cut': 'recvfrom({buffer}) returns {kept} B "{text}", {discarded} B discarded',
  'udp.recvfrom.win':
    'recvfrom({buffer}) fails with WSAEMSGSIZE on Windows (the buffer holds {kept} B "{text}", {discarded} B lost)',
  'udp.computed':
    'recvfrom({buffer}) as the OS would do it ({os}), computed from the whole datagram socklab received · -/+ change N',
  'udp.os.unix': 'Linux/macOS: the rest of the datagram is discarded',
  'udp.os.win': 'Windows: the call fails with WSAEMSGSIZE',

  'udp.row':
    'udp #{id} {address} {state} · datagrams in {datagramsIn} ({bytesIn}) · out {bytesOut}',
  'udp.row.client': 'udp #{id} local port {port} → {target}',
  'udp.client.totals':
    '#{id}: {connected}sent {datagramsOut} ({bytesOut}) · in {datagramsIn}{state}',
  'udp.listenersInfo': '{tcp} · UDP {udp}',
  'udp.connected': 'connect()ed · ',
  'udp.state.starting': 'binding',
  'udp.state.listening': 'bound',
  'udp.state.closed': 'closed',
  'udp.state.failed': 'failed {code}',
  'udp.peers.title': 'Peers of udp #{id}',
  'udp.peers.info': '{count} · one row per sender address:port, newest first',
  'udp.peers.empty': 'no datagrams yet — send one: u in the client pane, or Python sendto()',
  'udp.peers.row': '{from} · datagrams {datagrams} · {bytes} · last {last} B',
  'udp.peers.evicted': '… {count} older peers no longer listed (their counts stay in the totals)',
  'udp.reads.title': 'Datagrams — udp #{id} · one datagram per read, whole',
  'udp.reads.empty': 'no datagrams yet',
  'udp.reads.row': '{from} {bytes} B datagram — {recvfrom}',

  'udp.client.title': 'Client (UDP)',
  'udp.client.info': 'u host:port · Enter datagram · U TCP clients',
  'udp.client.empty': 'no UDP client — u sends datagrams to host:port (add connect)',
  'udp.prompt.open': 'UDP socket [host:]port ›',
  'udp.prompt.target': 'UDP client to [host:]port (add " connect" to connect()) ›',
  'udp.prompt.message': 'datagram › udp',
  'udp.status.opening': 'udp #{id} asked to bind: its row says bound, or why not',
  'udp.status.sent': 'sent a {bytes} B datagram from udp #{id}',
  'udp.status.notOpen': 'udp #{id} is not open: nothing sent',
  'udp.status.closed': 'closed udp #{id}',
  'udp.status.gone': 'udp #{id} is already closed',
  'udp.status.noClient': 'no UDP client: press u in the client pane to make one',

  'errno.EADDRINUSE.udp':
    'Another UDP socket is already bound to {where} (in this process or another) — close it or choose another port.',
  'errno.EADDRINUSE.udpShare':
    ' Two UDP sockets share a port only when both set SO_REUSEADDR/SO_REUSEPORT before bind(); socklab does not, like the lab’s Python. (Windows: WSAEADDRINUSE, 10048.)',
  'errno.EMSGSIZE':
    'The datagram is too big for UDP: one datagram carries at most 65,507 B over IPv4 (65,535 − 20 B IP header − 8 B UDP header) and 65,527 B over IPv6, so sendto() refused it whole (EMSGSIZE) and nothing was sent to {where}. Send smaller datagrams, or use TCP, a byte stream.',
  'errno.ECONNREFUSED.udp':
    'Nothing is bound on UDP at {where}: its host answered the datagram with ICMP “port unreachable”, and because this socket called connect() the kernel reports it as ECONNREFUSED on the next call (Linux). An unconnected socket never hears of it: the datagram is simply lost.',

  'lab.3d.title': '3d · TCP vs UDP at a 5-byte buffer',
  'lab.3d.observe':
    'The same 28-byte message goes to a TCP listener and to a UDP socket, both read 5 bytes at a time. TCP is a byte stream: 6 reads give back all 28 B. UDP keeps the message whole as one datagram: recvfrom(5) returns its first 5 B and the other 23 B are discarded.',
  'lab.3d.step1': 'A UDP socket beside the TCP listener (g opens both, of the lab’s own)',
  'lab.3d.py1': "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', port))",
  'lab.3d.step2': 'The client sends the message once to each',
  'lab.3d.py2': "c.sendto(b'Estou enviando uma mensagem!', ('127.0.0.1', port))",
  'lab.3d.step3': 'Each side reads with a 5-byte buffer (g moves the slider)',
  'lab.3d.py3': 'data, addr = u.recvfrom(5)  # TCP side: conn.recv(5)',
  'lab.3d.question': 'What does each side receive, reading 5 bytes at a time?',
  'lab.3d.answer':
    'TCP: all 28 B in 6 reads, 5 5 5 5 5 3 — a stream has no message boundaries. UDP: 1 datagram of 28 B; recvfrom(5) returns "Estou" and the kernel discards the other 23 B — each recvfrom() takes one whole datagram, and what does not fit the buffer is lost (Linux, macOS; Windows fails the call with WSAEMSGSIZE).',
  'lab.3d.wrong':
    '“UDP also comes in pieces of 5” — no: the next recvfrom() waits for the next datagram; the rest of this one is gone.',
  'lab.3d.tcpHead': 'TCP listener #{id} · recv({buffer})',
  'lab.3d.udpHead': 'UDP udp #{id} · recvfrom({buffer})',
  'lab.3d.tcpReads': '{bytes} B in {reads} reads: {sizes}',
  'lab.3d.tcpRead': '{size} B "{text}"',
  'lab.3d.udpDatagrams': '{count} datagram of {bytes} B',
  'lab.3d.udpKept': 'kept {kept} B "{text}"',
  'lab.3d.udpLost': 'lost {discarded} B (discarded)',
  'lab.3d.waiting': 'waiting…',
  'lab.3d.computed':
    'UDP side: what recvfrom(5) returns, computed from the whole datagram received',
  'lab.3d.sending': 'lab 3d: sending the message to TCP {tcp} and UDP {udp}',
  'lab.3d.done':
    'TCP: {tcpBytes} B in {tcpReads} reads · UDP: {datagrams} datagram of {udpBytes} B, {kept} B kept, {discarded} B lost',
  'lab.3d.udpFailed': 'lab 3d UDP socket udp #{id} failed: {code}',
} as const;
