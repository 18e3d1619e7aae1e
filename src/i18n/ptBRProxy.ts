import type { enProxy } from './enProxy.js';

/** Textos do modo proxy em português: erros das opções, linhas, falhas injetadas. */
export const ptBRProxy: Record<keyof typeof enProxy, string> = {
  'proxy.noFaults': 'sem falhas',
  'proxy.fault.paceMs': 'ritmo {value} ms',
  'proxy.fault.latencyMs': 'latência {value} ms',
  'proxy.fault.rate': 'taxa {value}/s',
  'proxy.fault.resetAfter': 'reset após {value}',
  'proxy.fault.blackhole': 'buraco negro',
  'proxy.fault.slowCloseMs': 'fechamento lento {value} ms',
  'proxy.pairDialling': '⇄ conectando a {target}',
  'proxy.upstreamState': 'conexão com o servidor {state}',
  'proxy.upstreamBlocked': '{bytes} à espera do servidor, bloqueados pela janela dele',
  'line.proxyOpened':
    'proxy {listener}: conexão {connection} repassada pela conexão {upstream} para {target}',
  'line.faultChanged': 'proxy {listener} {direction} falhas: {faults}',
  'args.badProxy': '--proxy "{text}": {error} (esperado [HOST:]PORTA=HOST:PORTA)',
  'args.proxyToItself':
    'o destino é o próprio endereço em que o proxy escuta: cada conexão discaria uma nova para si mesmo, sem fim',
  'args.proxyNoEquals': 'falta o "=" entre o lado que escuta e o destino',
  'args.badFault':
    '{flag} "{text}": {error} (esperado [upstream:|downstream:]{unit}, um inteiro de 0 a {max})',
  'args.faultNotWhole': 'não é um número inteiro',
  'args.faultTooBig': 'maior que {max}',
  'args.faultNotOnOff': 'nem on nem off',
  'args.badDirection':
    '"{text}" não é uma direção: upstream (→, cliente para servidor), downstream (←) ou both',
  'args.faultNeedsProxy': '{flag} precisa de --proxy',
  'fault.unknown':
    '"{name}" não é uma falha: pace, latency, rate, reset-after, blackhole, slow-close, off',
  'fault.prompt': 'falha (NOME [up:|down:]VALOR, ou off) › ',
  'fault.noProxy':
    'selecione um proxy no painel de servidores primeiro (--proxy, ou n com PORTA=HOST:PORTA)',
  'fault.set': 'proxy #{id} {direction} agora: {faults}',
  'key.fault': 'falhas do proxy',
  'help.opt.proxy': 'escuta e repassa cada conexão para HOST:PORTA; repita para mais',
  'help.opt.proxy2': 'cada leitura de ≤ -b BYTES vai como uma escrita própria (TCP_NODELAY)',
  'help.opt.pace': 'espera MS entre os pedaços repassados (mantém os pedaços separados)',
  'help.opt.latency': 'atrasa cada pedaço MS (latency do Toxiproxy)',
  'help.opt.rate': 'limita a BYTES por segundo (bandwidth do Toxiproxy, em B/s)',
  'help.opt.resetAfter':
    'depois de BYTES repassados, RST nas duas pontas (limit_data + reset_peer)',
  'help.opt.blackhole': 'lê e descarta DIR, a conexão continua aberta (timeout 0)',
  'help.opt.slowClose': 'atrasa o repasse do FIN MS (slow_close do Toxiproxy)',
  'help.opt.faultDirs':
    'DIR: upstream (up, →, cliente para servidor), downstream (down, ←) ou both (padrão); F no painel de servidores muda ao vivo; n aceita PORTA=HOST:PORTA também',
  'help.ex.proxy': 'No meio:',
  'help.ex.proxy.do': 'o servidor atrás dele lê a mensagem do cliente 5 B de cada vez',
  'report.proxies': 'Proxies (intermediários)',
  'report.proxyRow': '- #{id} {address} ⇄ {target} — {state}; falhas → {up}; ← {down}',
  'report.pairRow':
    '- #{id} {client} → :{port} ⇄ #{up} :{upPort} → {target}: → {bytesUp} B em {readsUp} leituras, ← {bytesDown} B em {readsDown} leituras, {state}',
} as const;
