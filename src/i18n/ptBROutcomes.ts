import type { enOutcomes } from './enOutcomes.js';

/** Textos em português do que uma tecla fez num socket (ver enOutcomes.ts). */
export const ptBROutcomes: Record<keyof typeof enOutcomes, string> = {
  'outcome.notFound': '#{id} não está mais na lista: nada foi enviado',
  'outcome.closedNothingSent': '#{id} já está fechada: nada foi enviado',
  'outcome.closedNothingToClose': '#{id} já está fechada: nada a fechar',
  'outcome.closedCannotSend': '#{id} já está fechada: nada pode ser enviado',
  'outcome.connectingNothingSent': '#{id} ainda está conectando: nada foi enviado',
  'outcome.connectingCannotSend': '#{id} ainda está conectando: nada pode ser enviado ainda',
  'outcome.aborted': '#{id} ainda estava conectando: conexão abandonada, nada foi enviado',
  'outcome.finSent': '#{id}: FIN enviado, ainda lendo',
  'outcome.finSentClosing': '#{id}: FIN enviado; o FIN do par veio antes: fechando',
  'outcome.finSentClose': '#{id}: FIN enviado, fechando',
  'outcome.finWasSent': '#{id}: fechada (o FIN dela já tinha saído)',
  'outcome.finAlready': '#{id}: FIN já enviado (meio-fechada): nada foi enviado',
  'outcome.halfClosedCannotSend':
    '#{id} está meio-fechada (FIN enviado): nada mais pode ser enviado',
  'outcome.rstSent': '#{id}: RST enviado',
  'outcome.nagleOff': 'cliente #{id}: Nagle desligado (nodelay): cada escrita pequena sai na hora',
  'outcome.nagleOn': 'cliente #{id}: Nagle ligado: escritas pequenas podem esperar e ser juntadas',
  'outcome.paused':
    '#{id}: leitura pausada, como um servidor que para de chamar recv(): a Recv-Q do kernel enche, depois a janela fecha e o remetente bloqueia (p retoma)',
  'outcome.resumed': '#{id}: lendo de novo: o que esperava no kernel é lido agora',
  'outcome.closedNothingToPause': '#{id} já está fechada: nada a pausar ou retomar',
  'outcome.listGone': '#{id} não está mais na lista',
  'outcome.closedNagle': '#{id} já está fechada: Nagle não mudou',
  'outcome.listenerGone': 'servidor #{id} não está mais na lista',
  'outcome.alreadyListening': 'servidor #{id} já escuta em {address}: nada a tentar de novo',
  'outcome.alreadyStarting':
    'servidor #{id} ainda está iniciando em {address}: nada a tentar de novo',
  'outcome.listenerAlreadyClosed': 'servidor #{id} já está fechado: nada a fechar',
  'outcome.listenerNotListening': 'servidor #{id} falhou ({code}): nunca escutou, nada a fechar',
  'outcome.modeIdle': 'servidor #{id} não está escutando: {what} quando r o iniciar de novo',
  'outcome.modeIdleOpen':
    'servidor #{id} não está escutando: {what} para suas {count} conexões abertas',
  'outcome.echo': 'eco',
  'outcome.halfOpen': 'meio-aberto',
  'outcome.on': 'ligado',
  'outcome.off': 'desligado',
};
