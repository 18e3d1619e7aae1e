import type { enKernel } from './enKernel.js';

/** Textos da visão do kernel (src/kernel) em português; nomes de estado e Recv-Q/Send-Q como o `ss` imprime. */
export const ptBRKernel: Record<keyof typeof enKernel, string> = {
  'kernel.recvQ': 'Recv-Q {bytes}',
  'kernel.sendQ': 'Send-Q {bytes}',
  'kernel.acceptQueue': 'fila de accept {count}/{backlog}',
  'kernel.line.tcpState': 'conexão {connection} no kernel: {state} Recv-Q {recvQ} Send-Q {sendQ}',
  'kernel.line.tcpGone': 'conexão {connection} no kernel: o socket não existe mais',
  'kernel.why.not-linux':
    'A visão do kernel não está disponível em {platform}: o socklab a lê de /proc/net/tcp, que só o Linux tem. O resto funciona.',
  'kernel.why.no-proc':
    'A visão do kernel não está disponível: não dá para ler {path}/net/tcp (não há /proc aqui). O resto funciona.',
  'kernel.why.unreadable':
    'A visão do kernel não está disponível: este usuário não pode ler {path}/net/tcp. O resto funciona.',
  'kernel.owner.pid': '{name} (pid {pid}: {command})',
  'kernel.owner.none': 'nenhum processo',
  'kernel.owner.other-user': 'processo de outro usuário',
  'kernel.owner.unknown': 'não visível daqui (outro namespace, ou o processo terminou)',
  'kernel.mine.listener': 'este socklab, servidor #{id}',
  'kernel.mine.connection': 'este socklab, conexão #{id}',
  'kernel.mine.closed': 'este socklab, conexão #{id} (fechada)',
  'kernel.mine.client': 'este socklab, cliente #{id}',
  'kernel.mine.clientClosed': 'este socklab, cliente #{id} (fechado)',
  'kernel.ports.title': 'Portas — os sockets TCP do kernel{on} · como ss -tanp · Esc fecha',
  'kernel.ports.on': ' na porta {port}',
  'kernel.ports.header':
    'Estado     Recv-Q Send-Q Local                  Par                    Processo',
  'kernel.ports.none': 'nenhum socket TCP nesta porta',
  'kernel.ports.noneAll': 'nenhum socket TCP',
  'kernel.ports.more': '… mais {count} (socklab ports --json lista todos)',
  'kernel.ports.listenSendQ':
    'LISTEN: Recv-Q = conexões esperando accept(); o ss mostra o backlog como Send-Q, o /proc não o tem',
  'kernel.explain.LISTEN.0': 'escutando; nenhuma conexão espera na fila de accept',
  'kernel.explain.LISTEN.1':
    '1 conexão espera na fila de accept: o connect() deu certo, o accept() ainda não foi chamado',
  'kernel.explain.LISTEN.n':
    '{count} conexões esperam na fila de accept: o connect() deu certo, o accept() ainda não foi chamado',
  'kernel.explain.waiting':
    'completa, na fila de accept: nenhum processo a aceitou ainda (inode 0)',
  'kernel.explain.waitingBytes':
    'completa, na fila de accept: nenhum processo a aceitou ainda; seus {bytes} B já esperam no kernel',
  'kernel.explain.ESTABLISHED': 'aberta; nada espera em nenhum sentido',
  'kernel.explain.recvQ': '{bytes} B recebidos e ainda não lidos: o programa não chamou recv()',
  'kernel.explain.sendQ': '{bytes} B enviados e ainda não confirmados pelo par',
  'kernel.explain.both': '{recv} B recebidos e não lidos; {send} B enviados e não confirmados',
  'kernel.explain.SYN_SENT': 'o connect() enviou SYN; esperando o SYN-ACK do servidor',
  'kernel.explain.SYN_RECV': 'SYN recebido, SYN-ACK enviado: o handshake ainda não terminou',
  'kernel.explain.FIN_WAIT1': 'este lado fechou (FIN enviado); esperando o ACK',
  'kernel.explain.FIN_WAIT2': 'este lado fechou e o par confirmou; esperando o FIN do par',
  'kernel.explain.TIME_WAIT':
    'este lado fechou primeiro: o kernel guarda o par ~60 s para que pacotes atrasados morram (nenhum processo o tem)',
  'kernel.explain.CLOSE': 'fechado',
  'kernel.explain.CLOSE_WAIT':
    'o par fechou (FIN recebido); este programa ainda não chamou close()',
  'kernel.explain.LAST_ACK': 'o par fechou primeiro, depois este lado; esperando o último ACK',
  'kernel.explain.CLOSING': 'os dois lados fecharam ao mesmo tempo; esperando o ACK',
  'kernel.holder.self': '{where} está ocupado por este socklab, servidor #{listener}, {state}',
  'kernel.holder.selfUdp': '{where} está ocupado por este socklab, udp #{socket}, {state}',
  'kernel.holder.pid': '{where} está ocupado por {name} (pid {pid}: {command}), {state}',
  'kernel.holder.hidden': '{where} está ocupado por um processo de outro usuário, {state}',
  'kernel.holder.unknown':
    '{where} está ocupado por um socket em {state} cujo processo não foi encontrado',
  'kernel.holder.tail': ' — feche-o ou escolha outra porta.',
  'kernel.holder.timeWait':
    'Só resta TIME_WAIT em {where}: o lado que fechou primeiro guarda o par ~60 s. O socklab faz bind com SO_REUSEADDR (o Node o liga em todo servidor no Linux), mas o kernel só deixa o bind passar do TIME_WAIT quando o socket que o deixou também tinha SO_REUSEADDR — este não tinha (por exemplo, um servidor Python sem s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)). Espere ~60 s ou escolha outra porta.',
  'help.usage.ports': 'os sockets TCP do kernel na PORTA (todos, sem ela), como ss -tanp',
  'help.opt.portsJson': 'com ports: NDJSON, um socket por linha',
  'key.ports': 'portas',
  'key.portsClose': 'fechar portas',
  'key.portsScroll': 'rolar',
  'key.portsAll': 'esta porta / todas',
  'help.where.ports': 'Visão de portas',
};
