import type { MessageKey } from './en.js';
import { ptBRHelp } from './ptBRHelp.js';
import { ptBRKernel } from './ptBRKernel.js';
import { ptBRKeys } from './ptBRKeys.js';
import { ptBRLabs } from './ptBRLabs.js';
import { ptBRLines } from './ptBRLines.js';
import { ptBROutcomes } from './ptBROutcomes.js';
import { ptBRPanes } from './ptBRPanes.js';
import { ptBRProxy } from './ptBRProxy.js';
import { ptBRUdp } from './ptBRUdp.js';

/** Mensagens em português do Brasil: as mesmas chaves de en.ts (um teste confere). */
export const ptBR: Record<MessageKey, string> = {
  ...ptBRLabs,
  ...ptBRPanes,
  // socklab --help.
  ...ptBRHelp,
  ...ptBRKeys,
  ...ptBRLines,
  ...ptBROutcomes,
  ...ptBRKernel,
  ...ptBRProxy,
  ...ptBRUdp,

  'report.title': 'Relatório de laboratório do socklab',
  'report.generated': 'Gerado em {time} pelo socklab {version} ({lang}).',
  'report.settings': 'Buffer: {buffer} B por leitura · modo: {mode}',
  'report.listeners': 'Servidores (listeners)',
  'report.noListeners': 'Nenhum servidor.',
  'report.listenerRow': '- #{id} {address} — {state}; conexões: {total}, bytes recebidos: {bytes}',
  'report.errors': 'Erros e observações',
  'report.noErrors': 'Nenhum erro.',
  'report.connections': 'Conexões',
  'report.noConnections': 'Nenhuma conexão.',
  'report.connHeader':
    '| # | lado | par (endereço:porta) | local (endereço:porta) | estado | bytes recebidos | leituras | kernel (ss) | Recv-Q | Send-Q |',
  'report.reads': 'Leituras por conexão',
  'report.readsOf': 'Conexão #{id} ({peer})',
  'report.noReads': 'nenhuma leitura',
  'report.labs': 'Laboratórios feitos',
  'report.student': 'Aluno(a)',
  'report.observed': 'Observado nesta execução do socklab',
  'report.run': '`g` às {time}',
  'report.obsListener': 'servidor (listener) #{id} {address}: {state}',
  'report.obsClient': 'cliente #{id}: porta local {local} → {target}, {state}',
  'report.obsClientOnly': 'cliente #{id} → {target}: {state}',
  'report.obsServer': 'lado do servidor #{id} do cliente #{client}: porta do par {port}, {state}',
  'report.obsAccepted': 'lado do servidor #{id}: par {peer}, {state}',
  'report.obsNothing': 'nada foi aberto nem fechado',
  'report.runResult': '`g` às {time} — {result}',
  'report.runUnfinished':
    '`g` às {time} — ainda sem resultado quando o relatório foi gravado; seus sockets no momento do relatório:',
  'report.obsMore': '… e mais {count} linhas',
  'report.obsLater': 'aceitas depois do resultado, no momento do relatório:',
  'report.noLabs': 'Nenhum laboratório guiado foi executado.',
  'report.headlessScreen': '(modo headless: sem painel)',
  'report.screen': 'A tela',
  'report.written': 'relatório gravado em {file}',
  'report.failed': 'não foi possível gravar o relatório em {file}: {error}',

  // ---- painel ----------------------------------------------------------------------------

  'state.listener.starting': 'iniciando',
  'state.listener.listening': 'escutando',
  'state.listener.closed': 'fechado',
  'state.listener.failed': 'falhou {code}',
  'state.conn.connecting': 'conectando',
  'state.conn.queued': 'na fila',
  'state.conn.queuedAt': 'na fila #{position}',
  'state.conn.open': 'aberta',
  'state.conn.peerHalfClosed': 'par enviou FIN',
  'state.conn.halfClosed': 'meio-fechada',
  'state.conn.closed': 'fechada',
  'state.conn.reset': 'resetada (RST)',
  'state.conn.error': 'erro',
  'close.peerFin': 'fechada pelo par (FIN)',
  'close.localClose': 'fechada pelo socklab',
  'close.peerReset': 'resetada pelo par (RST)',
  'close.localReset': 'resetada pelo socklab (RST)',
  'close.error': 'erro {code}',
  'side.client': 'cliente',
  'side.server': 'servidor',
  'mode.concurrent': 'concorrente',
  'mode.sequential': 'sequencial',
  'subject.listener': 'servidor #{id}',
  'subject.accept': 'servidor #{id} accept',
  'subject.client': 'cliente #{id}',
  'subject.connection': 'conexão #{id}',
  'subject.log': 'arquivo de log',

  'tooSmall.need': 'o socklab precisa de pelo menos {columns}×{rows}:',
  'tooSmall.have': 'este terminal tem {columns}×{rows}. Aumente a janela, ou q para sair.',
  'patch.skipped': 'nota: {lost} ({why})',
  'patch.lost.measureText':
    'o cache de largura de texto do Ink não tem limite: a memória cresce numa sessão longa',
  'patch.lost.wrapText':
    'o cache de quebra de texto do Ink não tem limite: a memória cresce numa sessão longa',
  'patch.lost.outputCache': 'o Ink refaz cada linha a cada quadro: os quadros demoram mais',
  'patch.why.notHandedOver': 'não entregue pela build: rode o dist/cli.js construído',
  'patch.why.unexpectedShape': 'este Ink não é o 6.8',

  'prompt.listen': 'novo servidor [HOST:]PORT ›',
  'prompt.target': 'conectar cliente a [HOST:]PORT ›',
  'prompt.message': 'mensagem ›',
  'prompt.serverSend': 'servidor envia ›',
  'prompt.emptyMessage': 'digite uma mensagem (escapes: \\n \\r \\t \\\\ \\xNN), Esc para sair',
  'prompt.full': 'a caixa guarda {max} caracteres: o resto ficou de fora',

  'status.buffer': 'cada leitura agora pega no máximo {size} B, como recv({bytes})',
  'status.notForUdp':
    'não vale para UDP: esta tecla age sobre um socket TCP (UDP não tem modo de servidor nem conexão a mudar); selecione uma linha TCP, ou U para clientes TCP',
  'status.sequential':
    'sequencial: uma conexão lida por vez; as seguintes são aceitas e esperam sem ser lidas',
  'status.concurrent': 'concorrente: todas as conexões atendidas ao mesmo tempo',
  'status.selectListener':
    'selecione antes um servidor escutando (ou tecle t no painel do cliente para digitar host:porta)',
  'status.clientConnectingTo': 'cliente #{id} conectando a {target}',
  'status.noClient': 'nenhum cliente aberto: tecle c para conectar um ao servidor selecionado',
  'status.noConnection': 'nenhuma conexão aberta selecionada',
  'status.nothingSelected': 'nada selecionado',
  'status.noListener': 'nenhum servidor selecionado: tecle n para escutar',
  'status.echoOn': 'servidor #{id}: eco ligado: cada leitura é escrita de volta',
  'status.echoOff': 'servidor #{id}: eco desligado',
  'status.halfOpenOn':
    'servidor #{id}: meio-aberto ligado: depois do FIN do par a conexão continua aberta para escrita até você fechá-la (x)',
  'status.halfOpenOff': 'servidor #{id}: meio-aberto desligado: a conexão fecha no FIN do par',
  'status.listenerStarting': 'servidor #{id} iniciando em {address}',
  'status.listenerListening': 'servidor #{id} escutando em {address}',
  'status.listenerFailed': 'servidor #{id} em {address} falhou com {code} (veja o painel de erros)',
  'status.listenerClosed': 'servidor #{id} em {address} fechado',
  'status.clientConnected': 'cliente #{id} conectado a {target} da porta local {port}',
  'status.clientFailed': 'cliente #{id} não conseguiu conectar a {target}: {code}',
  'status.clientState': 'cliente #{id} → {target}: {state}',
  'status.sent': '{bytes} B enviados para #{id}',

  'burst.one': '{bytes} B em {reads} leitura',
  'burst.other': '{bytes} B em {reads} leituras',
  'burst.range': '{head}: {min}–{max} B cada',

  // ---- explicações dos erros de socket ----------------------------------------------------
  'errno.EADDRINUSE':
    'Outro socket já está escutando em {where} (neste processo ou em outro) — feche-o ou escolha outra porta; SO_REUSEADDR só ajuda a passar do TIME_WAIT. (No Windows o erro aparece como WSAEADDRINUSE, 10048.)',
  'errno.EACCES.call':
    'Permissão negada (EACCES) para {where} — o sistema operacional ou um firewall proíbe este {syscall}.',
  'errno.EACCES.operation':
    'Permissão negada (EACCES) para {where} — o sistema operacional ou um firewall proíbe esta operação.',
  'errno.EACCES.privileged':
    '{thePort} está abaixo de {limit}, o limite das portas privilegiadas (no Linux: net.ipv4.ip_unprivileged_port_start): fazer bind nela exige root ou CAP_NET_BIND_SERVICE — escolha uma porta de {limit} para cima. O macOS 10.14 ou mais novo deixa um usuário comum usar essa porta no endereço curinga (0.0.0.0), mas ainda pode recusar um endereço específico como 127.0.0.1; o Windows não tem portas privilegiadas.',
  'errno.EACCES.privilegedMac':
    '{thePort} está abaixo de 1024 e {where} é um endereço específico: o macOS 10.14 ou mais novo só deixa um usuário comum fazer bind abaixo de 1024 no endereço curinga (0.0.0.0 ou ::); num endereço específico como 127.0.0.1 ainda é preciso ser root — escute em 0.0.0.0 (todas as interfaces) ou escolha uma porta de 1024 para cima.',
  'errno.EACCES.privilegedMacAny':
    '{thePort} está abaixo de 1024: o macOS anterior ao 10.14 reserva essas portas para o root, mesmo no endereço curinga — rode como root ou escolha uma porta de 1024 para cima.',
  'errno.EACCES.thePort': 'A porta',
  'errno.EACCES.portN': 'A porta {port}',
  'errno.EACCES.policy':
    'Permissão negada ao fazer bind em {where}, embora a porta não seja privilegiada — uma política de segurança (SELinux, AppArmor, um contêiner) ou, no Windows, uma faixa de portas reservada pode estar impedindo.',
  'errno.EADDRNOTAVAIL':
    'Nenhuma interface desta máquina tem o endereço de {where} — escute em 127.0.0.1, 0.0.0.0 ou num endereço mostrado por "ip addr".',
  'errno.ENOTFOUND':
    'O nome de host {host} não resolve (o DNS não tem endereço para ele) — confira a grafia ou use um endereço IP como 127.0.0.1.',
  'errno.EAI_AGAIN':
    'O DNS está temporariamente indisponível, então {host} não pôde ser resolvido — verifique a rede ou use um endereço IP.',
  'errno.EAI_AGAIN.host': 'o nome de host',
  'errno.ERR_SOCKET_BAD_PORT':
    'A porta deve ser um número inteiro de 0 a 65535; 0 deixa o sistema operacional escolher uma livre.',
  'errno.ERR_SOCKET_BAD_PORT.got':
    'A porta deve ser um número inteiro de 0 a 65535 (veio {port}); 0 deixa o sistema operacional escolher uma livre.',
  'errno.ECONNREFUSED':
    'Nada está escutando em {where}: o sistema operacional respondeu ao pedido de conexão (SYN) com RST — inicie o servidor antes ou confira a porta.',
  'errno.ETIMEDOUT':
    'Nenhuma resposta de {where} dentro do tempo limite do connect: os SYNs foram descartados — o host está fora do ar, um firewall os descarta ou a fila de conexões (backlog) dele está cheia.',
  'errno.ECONNRESET':
    'O par {where} resetou a conexão (enviou RST) — por exemplo, fechou com dados não lidos no buffer de recepção, ou chamou resetAndDestroy().',
  'errno.EPIPE':
    'Escrita em {where} depois que o par fechou o seu lado (EPIPE) — esses dados não foram entregues; pare de escrever quando o par tiver fechado.',
  'errno.EMFILE':
    'Este processo ficou sem descritores de arquivo (EMFILE); cada socket usa um — feche conexões ou aumente o limite com "ulimit -n".',
  'errno.ENFILE':
    'O sistema inteiro ficou sem descritores de arquivo (ENFILE); cada socket usa um — feche conexões ou aumente o limite do sistema (fs.file-max).',
  'errno.EINVAL':
    'O sistema operacional rejeitou um argumento de {syscall} para {where} (EINVAL) — por exemplo, um endereço da família errada ou um socket que já fez bind.',
  'errno.EINVAL.call': 'uma chamada de sistema',
  'errno.EINVAL.host':
    '{host} não é um nome de host válido (getaddrinfo respondeu EINVAL): um nome tem letras, dígitos, "-" e "." (no máximo 253 caracteres); ou digite um endereço IP como 127.0.0.1.',
  'errno.EHOSTUNREACH':
    'Não há rota até o host de {where} (EHOSTUNREACH) — ele não é alcançável a partir desta máquina, ou um roteador/firewall respondeu "inalcançável".',
  'errno.ENETUNREACH':
    'A rede de {where} está inalcançável (ENETUNREACH) — esta máquina não tem rota até ela; confira o endereço e a conexão de rede.',
  'errno.generic': '{what} para {where}: {message}.',
  'errno.genericDuring': '{what} durante {syscall} para {where}: {message}.',
  'errno.unknown': 'Erro',
  'errno.noDetails': 'sem detalhes',
  'errno.thatAddress': 'esse endereço',
  'errno.aggregate':
    '{name} resolveu para {count} endereços e todas as tentativas falharam: {list}.',
  'errno.aggregate.host': 'O nome de host',
  'errno.error': 'erro',
  'file.ENOSPC': 'não há espaço livre no dispositivo',
  'file.EFBIG': 'o arquivo chegou ao tamanho máximo que este processo pode escrever (ulimit -f)',
  'file.EDQUOT': 'a cota de disco acabou',
  'file.EPIPE': 'ninguém mais lê o pipe',
  'file.EIO': 'um erro de entrada/saída no dispositivo',
  'file.EACCES': 'permissão negada',
  'file.EPERM': 'operação não permitida',
  'file.EROFS': 'o sistema de arquivos é somente leitura',
  'file.ENOENT': 'a pasta não existe',
  'file.EISDIR': 'é uma pasta',
  'file.ENOTDIR': 'uma parte do caminho não é uma pasta',
  'log.failed':
    'Não foi possível escrever no log "{path}" ({error}). O log parou; os sockets continuam funcionando.',
  'headless.nothingLeft':
    'nada mais a servir: todos os sockets pedidos falharam (veja acima); saída 1',
  'headless.stdoutFailed': 'não é possível escrever na saída padrão ({error}): encerrando',
  'headless.stdoutFailedLog':
    'não é possível escrever na saída padrão ({error}): continua servindo, os eventos vão só para o log',

  'note.exposed':
    'atenção: {host} escuta em todas as interfaces — outras máquinas podem conectar; use 127.0.0.1 para ficar só na máquina local',
  'note.exposedUdp':
    'atenção: {host} está ligado a todas as interfaces — outras máquinas podem enviar datagramas a ele; use 127.0.0.1 para ficar só na máquina local',
  'note.elsewhere':
    'como usuário comum no Linux este bind falha com EACCES (portas abaixo de {limit} são privilegiadas: net.ipv4.ip_unprivileged_port_start); o macOS 10.14 ou mais novo permite em 0.0.0.0, mas pode recusar um endereço específico como 127.0.0.1',
  'note.win32':
    'bind na porta {port} funcionou porque o Windows não tem portas privilegiadas; em outros sistemas: {elsewhere}',
  'note.darwinAny':
    'bind na porta {port} funcionou no endereço curinga: o macOS 10.14 ou mais novo permite a um usuário comum portas abaixo de 1024 ali, mas um endereço específico como 127.0.0.1 pode dar EACCES; no Linux um usuário comum recebe EACCES abaixo de net.ipv4.ip_unprivileged_port_start',
  'note.root':
    'bind na porta {port} funcionou porque o socklab roda como root (uid 0); {elsewhere}',
  'note.cap':
    'bind na porta {port} funcionou porque o socklab tem CAP_NET_BIND_SERVICE; sem ela, {elsewhere}',
  'note.unenforced':
    'bind na porta {port} funcionou embora ela esteja abaixo de {limit}: este sistema operacional não impôs portas privilegiadas aqui; {elsewhere}',

  // ---- linha de comando ------------------------------------------------------------------
  'endpoint.notNumber':
    'a porta "{port}" não é um número: use 0–65535 (0 deixa o sistema operacional escolher)',
  'endpoint.outOfRange':
    'a porta {port} está fora da faixa: use 0–65535 (0 deixa o sistema operacional escolher)',
  'endpoint.empty': 'endereço vazio: digite [HOST:]PORT, ex.: 127.0.0.1:9999',
  'endpoint.ipv6': '"{text}": escreva um endereço IPv6 entre colchetes, ex.: [::1]:9999',
  'endpoint.noPort': '"{text}": falta a porta — escreva [{host}]:PORTA, ex.: [{host}]:9999',
  'endpoint.unclosed':
    '"{text}": o endereço IPv6 não tem o "]" de fechamento — escreva [ENDEREÇO]:PORTA',
  'endpoint.afterBracket': '"{text}": depois do "]" vem ":PORTA" — escreva [ENDEREÇO]:PORTA',
  'endpoint.emptyHost': '"{text}" está com o host vazio: digite [HOST:]PORT',
  'endpoint.hostSpaces': 'o host "{host}" contém espaços',
  'endpoint.hostTooLong':
    'nome de host longo demais: {length} caracteres; um nome de host tem no máximo 253 (RFC 1035)',

  'escapes.trailing':
    '"\\" sozinho no fim, na posição {position} — escreva "\\\\" para uma barra invertida',
  'escapes.notHex': '{escape} não é hexadecimal, na posição {position}',
  'escapes.twoDigits': '\\x precisa de dois dígitos hexadecimais: {escape}, na posição {position}',
  'escapes.unknown':
    'escape desconhecido {escape} na posição {position} — use \\n \\r \\t \\\\ \\0 ou \\xNN',

  'args.sendNeedsTarget': 'send precisa de um destino: socklab send [HOST:]PORT [MESSAGE]',
  'args.sendOneMessage':
    'send aceita uma só mensagem; use aspas: socklab send {target} "texto com espaços"',
  'args.sendMessage': 'send: mensagem: {error}',
  'args.unexpected': 'argumento inesperado "{arg}": o único comando é "send" (veja --help)',
  'args.logName': '--log precisa de um nome de arquivo',
  'args.reportName': '--report precisa de um nome de arquivo',
  'args.nameEmpty': '--name precisa de um nome',
  'args.nameLong': '--name tem {length} caracteres; no máximo {max}',
  'args.badLab': '--lab "{lab}" não é um laboratório: use um destes: {ids}',
  'args.badLang': '--lang "{lang}" não está disponível: use en ou pt-BR',
  'args.badNumber':
    '{flag} "{text}" não é válido: use um número inteiro de {unit} de {min} a {max}',
  'args.unit.bytes': 'bytes',
  'args.unit.connections': 'conexões',
  'args.unknownOption': 'opção desconhecida {option}: veja socklab --help',
  'args.seeHelp': '{message}: veja socklab --help',
  'args.logOpen': '--log "{path}": não é possível escrever ali ({error})',
  'args.reportOpen': '--report "{path}": não é possível gravar um relatório aí ({error})',
  'cli.unexpected': 'erro inesperado: {error}',
  'cli.engineCrashed': 'a thread do motor parou ({error}); todos os seus sockets foram fechados',
  'cli.reportLost': 'o relatório {path} não foi escrito: seus dados estavam na thread do motor',
  'cli.line': 'socklab: {message}',
  'send.connected': 'conectado a {peer} pela porta local {port} ({local})',
  'send.sent': 'enviados {bytes} bytes',
  'send.received': 'recebidos {bytes} bytes: "{text}"',
  'send.error': 'erro {code}: {explanation}',
};
