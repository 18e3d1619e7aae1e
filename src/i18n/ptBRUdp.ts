import type { enUdp } from './enUdp.js';

/** Textos de UDP (src/udp) em português do Brasil: as mesmas chaves de enUdp.ts. */
export const ptBRUdp: Record<keyof typeof enUdp, string> = {
  'udp.kernel': 'kernel: Recv-Q {rx} B · descartes {drops}',
  'udp.kernel.long':
    'kernel (/proc/net/udp): {rx} B de datagramas esperando leitura · {drops} datagramas descartados (o buffer de recepção estava cheio: UDP não freia o remetente, descarta)',
  'udp.kernel.none':
    'kernel (/proc/net/udp): {rx} B de datagramas esperando leitura · nenhum datagrama descartado',
  'udp.ports.head': 'UDP — como ss -uanp',
  'udp.ports.mine': 'este socklab, udp #{id}',
  'udp.ports.explain':
    '{rx} B de datagramas esperando · {drops} datagramas descartados (buffer de recepção cheio)',
  'udp.ports.idle': 'nada esperando leitura, nenhum datagrama descartado',
  'report.udp': 'Sockets UDP e datagramas',
  'report.udpNote':
    'Cada datagrama chegou inteiro (o Node entrega ao socklab o datagrama inteiro); o que recvfrom(N) devolve e descarta é calculado dele com o buffer N do momento, como o SO faz ({os}).',
  'report.udpSocket': 'Socket UDP #{id} {address} — {state}',
  'report.udpClient': 'Cliente UDP #{id} {address} → {target} — {state}',
  'report.udpCounts':
    'Datagramas recebidos: {datagramsIn} ({bytesIn} B) · enviados: {datagramsOut} ({bytesOut} B) · remetentes: {peers}',
  'report.udpDatagram':
    'de {from}: datagrama de {bytes} B — recvfrom({buffer}) devolve {kept} B, {discarded} B descartados:',
  'key.udpOpen': 'socket UDP',
  'key.udpClient': 'cliente UDP',
  'key.udpClients': 'TCP/UDP',
  'help.opt.udp':
    'um socket UDP aqui que registra cada datagrama; repita para mais (sozinho: sem listener TCP)',
  'line.udpListening': 'udp #{socket} ligado a {address}: esperando datagramas',
  'line.udpClientBound': 'cliente udp #{socket} ligado a {address}',
  'line.udpBindError': 'udp #{socket} {address} {code} ({syscall}): {explanation}',
  'line.udpError': 'udp #{socket} {code} ({syscall}): {explanation}',
  'line.udpConnected': 'udp #{socket} fez connect() {local} → {peer}',
  'line.datagram': 'udp #{socket} ← {from} datagrama de {bytes} B — {recvfrom}',
  'line.udpSent': 'udp #{socket} → {to} datagrama de {bytes} B',
  'line.udpClosed': 'udp #{socket} fechado',

  'udp.recvfrom.all': 'recvfrom({buffer}) devolve os {bytes} B "{kept}"',
  'udp.recvfrom.cut': 'recvfrom({buffer}) devolve {kept} B "{text}", {discarded} B descartados',
  'udp.recvfrom.win':
    'recvfrom({buffer}) falha com WSAEMSGSIZE no Windows (o buffer recebe {kept} B "{text}", {discarded} B perdidos)',
  'udp.computed':
    'recvfrom({buffer}) como o SO faria ({os}), calculado do datagrama inteiro que o socklab recebeu · -/+ muda N',
  'udp.os.unix': 'Linux/macOS: o resto do datagrama é descartado',
  'udp.os.win': 'Windows: a chamada falha com WSAEMSGSIZE',

  'udp.row':
    'udp #{id} {address} {state} · datagramas recebidos {datagramsIn} ({bytesIn}) · enviados {bytesOut}',
  'udp.row.client': 'udp #{id} porta local {port} → {target}',
  'udp.client.totals':
    '#{id}: {connected}enviados {datagramsOut} ({bytesOut}) · recebidos {datagramsIn}{state}',
  'udp.listenersInfo': '{tcp} · UDP {udp}',
  'udp.connected': 'com connect() · ',
  'udp.state.starting': 'ligando',
  'udp.state.listening': 'ligado',
  'udp.state.closed': 'fechado',
  'udp.state.failed': 'falhou {code}',
  'udp.peers.title': 'Remetentes do udp #{id}',
  'udp.peers.info': '{count} · uma linha por endereço:porta de origem, o mais recente primeiro',
  'udp.peers.empty':
    'nenhum datagrama ainda — envie um: u no painel do cliente, ou sendto() em Python',
  'udp.peers.row': '{from} · datagramas {datagrams} · {bytes} · último {last} B',
  'udp.peers.evicted':
    '… {count} remetentes mais antigos fora da lista (suas contagens seguem nos totais)',
  'udp.reads.title': 'Datagramas — udp #{id} · um datagrama por leitura, inteiro',
  'udp.reads.empty': 'nenhum datagrama ainda',
  'udp.reads.row': '{from} datagrama de {bytes} B — {recvfrom}',

  'udp.client.title': 'Cliente (UDP)',
  'udp.client.info': 'u host:porta · Enter datagrama · U clientes TCP',
  'udp.client.empty': 'nenhum cliente UDP — u envia datagramas para host:porta (com connect)',
  'udp.prompt.open': 'socket UDP [host:]porta ›',
  'udp.prompt.target': 'cliente UDP para [host:]porta (acrescente " connect" para connect()) ›',
  'udp.prompt.message': 'datagrama › udp',
  'udp.status.opening': 'udp #{id} pediu o bind: a sua linha diz se ligou, ou por que não',
  'udp.status.sent': 'datagrama de {bytes} B enviado do udp #{id}',
  'udp.status.notOpen': 'udp #{id} não está aberto: nada enviado',
  'udp.status.closed': 'udp #{id} fechado',
  'udp.status.gone': 'udp #{id} já está fechado',
  'udp.status.noClient': 'nenhum cliente UDP: tecle u no painel do cliente para criar um',

  'errno.EADDRINUSE.udp':
    'Outro socket UDP já está ligado a {where} (neste processo ou em outro) — feche-o ou escolha outra porta.',
  'errno.EADDRINUSE.udpShare':
    ' Dois sockets UDP só dividem uma porta quando ambos ativam SO_REUSEADDR/SO_REUSEPORT antes do bind(); o socklab não ativa, como o Python do laboratório. (Windows: WSAEADDRINUSE, 10048.)',
  'errno.EMSGSIZE':
    'O datagrama é grande demais para UDP: um datagrama leva no máximo 65.507 B em IPv4 (65.535 − 20 B de cabeçalho IP − 8 B de cabeçalho UDP) e 65.527 B em IPv6, então sendto() o recusou inteiro (EMSGSIZE) e nada foi enviado para {where}. Envie datagramas menores, ou use TCP, um fluxo de bytes.',
  'errno.ECONNREFUSED.udp':
    'Nada está ligado em UDP em {where}: o host respondeu ao datagrama com ICMP “port unreachable” e, como este socket chamou connect(), o kernel o informa como ECONNREFUSED na chamada seguinte (Linux). Um socket sem connect() nunca fica sabendo: o datagrama simplesmente se perde.',

  'lab.3d.title': '3d · TCP vs UDP com buffer de 5 bytes',
  'lab.3d.observe':
    'A mesma mensagem de 28 bytes vai para um listener TCP e para um socket UDP, ambos lidos de 5 em 5 bytes. TCP é um fluxo de bytes: 6 leituras devolvem os 28 B. UDP mantém a mensagem inteira como um datagrama: recvfrom(5) devolve os 5 primeiros bytes e os outros 23 B são descartados.',
  'lab.3d.step1': 'Um socket UDP ao lado do listener TCP (g abre os dois, do próprio laboratório)',
  'lab.3d.py1':
    "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', porta))",
  'lab.3d.step2': 'O cliente envia a mensagem uma vez para cada um',
  'lab.3d.py2': "c.sendto(b'Estou enviando uma mensagem!', ('127.0.0.1', porta))",
  'lab.3d.step3': 'Cada lado lê com um buffer de 5 bytes (g move o controle)',
  'lab.3d.py3': 'data, addr = u.recvfrom(5)  # lado TCP: conn.recv(5)',
  'lab.3d.question': 'O que cada lado recebe, lendo 5 bytes por vez?',
  'lab.3d.answer':
    'TCP: os 28 B em 6 leituras, 5 5 5 5 5 3 — um fluxo não tem fronteiras de mensagem. UDP: 1 datagrama de 28 B; recvfrom(5) devolve "Estou" e o kernel descarta os outros 23 B — cada recvfrom() pega um datagrama inteiro, e o que não cabe no buffer se perde (Linux, macOS; no Windows a chamada falha com WSAEMSGSIZE).',
  'lab.3d.wrong':
    '“O UDP também chega em pedaços de 5” — não: o próximo recvfrom() espera o próximo datagrama; o resto deste já se foi.',
  'lab.3d.tcpHead': 'servidor TCP #{id} · recv({buffer})',
  'lab.3d.udpHead': 'UDP udp #{id} · recvfrom({buffer})',
  'lab.3d.tcpReads': '{bytes} B em {reads} leituras: {sizes}',
  'lab.3d.tcpRead': '{size} B "{text}"',
  'lab.3d.udpDatagrams': '{count} datagrama de {bytes} B',
  'lab.3d.udpKept': 'guardados {kept} B "{text}"',
  'lab.3d.udpLost': 'perdidos {discarded} B (descartados)',
  'lab.3d.waiting': 'esperando…',
  'lab.3d.computed': 'lado UDP: o que recvfrom(5) devolve, calculado do datagrama inteiro recebido',
  'lab.3d.sending': 'lab 3d: enviando a mensagem para TCP {tcp} e UDP {udp}',
  'lab.3d.done':
    'TCP: {tcpBytes} B em {tcpReads} leituras · UDP: {datagrams} datagrama de {udpBytes} B, {kept} B guardados, {discarded} B perdidos',
  'lab.3d.udpFailed': 'socket UDP do lab 3d udp #{id} falhou: {code}',
};
