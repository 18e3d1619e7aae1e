import type { enLines } from './enLines.js';

/** Textos do modo headless em português: uma linha por evento e a primeira linha. */
export const ptBRLines: Record<keyof typeof enLines, string> = {
  'line.start': 'socklab headless: buffer {buffer} B, modo {mode}. Ctrl+C para parar.',
  'line.listening': 'servidor {listener} em {address}',
  'line.bindError': 'servidor {listener} {address} {code} ({syscall}): {explanation}',
  'line.acceptError':
    'servidor {listener} não conseguiu aceitar uma conexão: {code} ({syscall}): {explanation}',
  'line.listenerClosed': 'servidor {listener}',
  'line.accepted':
    'conexão {connection} no servidor {listener} de {peer} (porta efêmera do par {peerPort}) para {local}',
  'line.accepted.client': 'cliente {client} do socklab',
  'line.acceptedUnknownPeer':
    'conexão {connection} no servidor {listener} de um par desconhecido (resetou antes de ser aceita: o SO não tem endereço para ele) para {local}',
  'line.queued':
    'conexão {connection} aceita, espera sem ser lida na fila do servidor {listener}, posição {position}',
  'line.dequeued': 'conexão {connection} agora é atendida pelo servidor {listener}',
  'line.refused': 'servidor {listener} recusou {peer}: {reason}',
  'line.refused.cap': 'acima do limite de {cap} conexões abertas',
  'line.peerClosed': 'conexão {connection}: o par enviou FIN (a leitura devolveu 0 bytes)',
  'line.closed':
    'conexão {connection} {how}: {bytesIn} B recebidos ({reads} leituras), {bytesOut} B enviados',
  'line.reset': 'conexão {connection}: RST',
  'line.connectionError': 'conexão {connection} {code}: {explanation}',
  'line.clientConnecting': 'cliente {connection} para {target}',
  'line.clientConnected': 'cliente {connection} da porta local {port} ({local}) para {peer}',
  'line.clientError': 'cliente {connection} para {target} {code}: {explanation}',
  'line.sent': 'conexão {connection} {bytes} B',
  'line.writeBlocked':
    'conexão {connection}: bloqueada pela janela do par, {waiting} B à espera (leituras de dados ecoados e repetições pausadas)',
  'line.writeUnblocked': 'conexão {connection}: a janela do par abriu, escrevendo de novo',
  'line.readPaused':
    'conexão {connection}: leitura pausada ({held} B lidos adiante pelo Node); a fila de recepção do kernel enche, depois a janela fecha',
  'line.readResumed': 'conexão {connection}: leitura retomada',
  'line.halfClosed': 'conexão {connection}: FIN enviado, ainda pode ler',
  'line.bufferChanged': 'cada leitura agora pega no máximo {bytes} B',
  'line.modeSequential': 'sequencial: uma conexão por vez',
  'line.modeConcurrent': 'concorrente: todas as conexões atendidas',
  'line.echoOn': 'servidor {listener} eco ligado',
  'line.echoOff': 'servidor {listener} eco desligado',
  'line.halfOpenOn':
    'servidor {listener} meio-aberto ligado (as conexões seguem abertas para escrita depois do FIN do par)',
  'line.halfOpenOff':
    'servidor {listener} meio-aberto desligado (as conexões fecham no FIN do par)',
  'line.read': 'conexão {connection} ({side}) {bytes} B "{preview}"',
};
