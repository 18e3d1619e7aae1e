import type { MessageKey } from './en.js';

/** Mensagens em português do Brasil: as mesmas chaves de en.ts (um teste confere). */
export const ptBR: Record<MessageKey, string> = {
  'lab.list.title': 'Laboratórios guiados — ↑↓ escolher · Enter abrir · Esc fechar',
  'lab.panel.keys': 'g executar · a resposta · Esc fechar · l lista',
  'lab.observe': 'Observe',
  'lab.steps': 'Passos',
  'lab.question': 'Pergunta',
  'lab.answer': 'Resposta',
  'lab.wrong': 'Onde a resposta comum erra',
  'lab.hidden': 'tecle a para ver a resposta',
  'lab.ran': 'laboratório {id} executado: {what}',

  'lab.1.title': '1 · Portas efêmeras',
  'lab.1.observe':
    'Conecte três vezes. Cada conexão vem de uma porta diferente no lado do cliente: a porta do par que o servidor vê é a porta efêmera do cliente, escolhida pelo sistema operacional do cliente.',
  'lab.1.step1': 'O servidor escuta em 127.0.0.1:9999',
  'lab.1.step2': 'Aceite conexões em laço; cada accept() devolve o endereço do par',
  'lab.1.step3':
    'O cliente conecta três vezes (g faz isso); compare as portas do par com as portas locais do cliente',
  'lab.1.question': 'Que portas são essas (ex.: 50398, 50401, 50407)? O que elas significam?',
  'lab.1.answer':
    'São as portas efêmeras do cliente: a cada connect() o sistema do cliente escolhe uma porta livre da sua faixa efêmera ({range}). A porta do servidor continua {port}. O par de endereços e portas identifica a conexão.',
  'lab.1.wrong':
    '“As portas de conexão entre o servidor e o cliente” — não: o servidor mantém sua única porta; estas são do cliente e mudam a cada conexão.',
  'lab.1.ran':
    'clientes {ids} conectam a {target}: compare as portas locais (painel do cliente) com as portas do par (painel de conexões)',

  'lab.2a.title': '2a · Dois servidores na mesma porta',
  'lab.2a.observe':
    'Inicie um segundo servidor no mesmo endereço e porta. O segundo bind falha; o primeiro continua atendendo.',
  'lab.2a.step1': 'O primeiro servidor está escutando',
  'lab.2a.step2': 'Um segundo servidor faz bind no mesmo endereço e porta (g faz isso)',
  'lab.2a.question': 'O que acontece ao abrir dois servidores na mesma porta ao mesmo tempo?',
  'lab.2a.answer':
    'O segundo bind() lança EADDRINUSE (Windows: WSAEADDRINUSE, 10048): só um socket pode escutar em um endereço e porta. O primeiro servidor não é afetado.',
  'lab.2a.wrong':
    '“O último servidor se encerra” — ele nunca chegou a escutar: o bind() falhou com um erro que o programa deveria tratar.',
  'lab.2a.ran': 'segundo servidor iniciado em {target}',

  'lab.2b.title': '2b · Uma porta abaixo de 1024',
  'lab.2b.observe':
    'Escute na porta 700. Portas abaixo de {limit} são privilegiadas no Linux e no macOS: um usuário comum recebe EACCES; root, um processo com CAP_NET_BIND_SERVICE ou o Windows conseguem a porta.',
  'lab.2b.step1': 'Faça bind na porta 700 (g faz isso)',
  'lab.2b.question': 'O que acontece ao usar uma porta menor que 1024 (ex.: 700)?',
  'lab.2b.answer':
    'Depende do sistema e do usuário: no Linux/macOS, como usuário comum, bind() falha com EACCES (permissão negada); como root ou com CAP_NET_BIND_SERVICE funciona; o Windows não tem portas privilegiadas. Aqui: {here}',
  'lab.2b.wrong':
    '“Funciona normalmente” — só no Windows ou com privilégios; diga qual sistema e usuário.',
  'lab.2b.ran': 'servidor iniciado em {target}',

  'lab.3.title': '3 · Cada leitura e seu número de bytes',
  'lab.3.observe':
    'Com um buffer de 1.024 bytes a mensagem de 28 bytes chega em uma leitura de 28 bytes; uma leitura vazia (EOF) significa que o cliente fechou.',
  'lab.3.step1': 'Leia até 1.024 bytes por vez (g ajusta o controle)',
  'lab.3.step2': 'O cliente envia “Estou enviando uma mensagem!” (28 bytes)',
  'lab.3.step3': 'Pare quando recv() devolver b"" (o par fechou)',
  'lab.3.question': 'Quantos bytes o servidor recebe, e em quantas leituras?',
  'lab.3.answer': '28 bytes em uma leitura de 28: a mensagem inteira cabe no buffer.',
  'lab.3.wrong': '—',
  'lab.3.ran': 'buffer de 1.024 B, um cliente enviou 28 B',

  'lab.3a.title': '3a · Dois clientes, servidor um por vez',
  'lab.3a.observe':
    'No modo sequencial o servidor atende uma conexão por vez, como o laço do laboratório. O connect() do segundo cliente funciona — o kernel completa o handshake na fila de escuta (backlog) — mas ele espera, na fila, sem ser lido.',
  'lab.3a.step1': 'Atenda uma conexão por vez (g muda para sequencial)',
  'lab.3a.step2': 'Dois clientes conectam e enviam',
  'lab.3a.question': 'O que acontece ao conectar 2 clientes simultaneamente?',
  'lab.3a.answer':
    'Os dois conectam. O primeiro é atendido; o segundo espera no backlog (aparece na fila #1) com seus dados no kernel até o servidor chamar accept() de novo.',
  'lab.3a.wrong': '“O primeiro é cancelado” — nada é cancelado: o segundo espera a sua vez.',
  'lab.3a.ran': 'modo sequencial, dois clientes conectados',

  'lab.3b.title': '3b · O primeiro cliente fecha',
  'lab.3b.observe':
    'Feche o cliente em atendimento: recv() devolve b"" (EOF), o laço termina e o servidor aceita o próximo cliente da fila, cujos bytes em espera aparecem na hora.',
  'lab.3b.step1': 'O primeiro cliente fecha (g faz isso)',
  'lab.3b.step2': 'O servidor vê EOF e fecha o seu lado',
  'lab.3b.step3': 'A próxima conexão da fila é aceita e lida',
  'lab.3b.question': 'O que acontece quando o primeiro cliente é encerrado?',
  'lab.3b.answer':
    'O servidor lê EOF (0 bytes), fecha essa conexão e aceita a próxima do backlog; a mensagem do segundo cliente, esperando no kernel, é lida imediatamente.',
  'lab.3b.wrong':
    '“O servidor continua executando, independente do cliente” — verdade, mas incompleto: agora ele atende o cliente que estava na fila.',
  'lab.3b.ran': 'cliente #{id} fechado',
  'lab.3b.none':
    'nenhum cliente do socklab em atendimento para fechar: execute o laboratório 3a antes',

  'lab.3c.title': '3c · Um buffer de 5 bytes',
  'lab.3c.observe':
    'Reduza o buffer para 5 bytes: a mensagem de 28 bytes chega em leituras de 5, 5, 5, 5, 5, 3. TCP é um fluxo de bytes; ele não preserva os limites das mensagens.',
  'lab.3c.step1': 'Leia no máximo 5 bytes por vez (g move o controle)',
  'lab.3c.step2': 'O cliente envia a mensagem de 28 bytes',
  'lab.3c.question': 'Como o conteúdo é recebido com um buffer pequeno (ex.: 5)?',
  'lab.3c.answer':
    'Os 28 bytes chegam, em 6 leituras: 5 5 5 5 5 3. Cada recv(5) devolve no máximo 5 bytes; o laço continua lendo até os dados acabarem.',
  'lab.3c.wrong': '“Recebe apenas 5 bytes” — recebe os 28, em várias leituras.',
  'lab.3c.ran': 'buffer de 5 B, um cliente enviou 28 B',

  'lab.noListener': 'nenhum servidor escutando: tecle n para iniciar um',

  'report.title': 'Relatório de laboratório do socklab',
  'report.generated': 'Gerado em {time} pelo socklab {version} ({lang}).',
  'report.settings': 'Buffer: {buffer} B por leitura · modo: {mode}',
  'report.listeners': 'Servidores (listeners)',
  'report.noListeners': 'Nenhum servidor.',
  'report.listenerRow': '- #{id} {address} — {state}; {total} conexões, {bytes} B recebidos',
  'report.errors': 'Erros e observações',
  'report.noErrors': 'Nenhum erro.',
  'report.connections': 'Conexões',
  'report.noConnections': 'Nenhuma conexão.',
  'report.connHeader':
    '| # | lado | par (endereço:porta) | local (endereço:porta) | estado | bytes recebidos | leituras |',
  'report.reads': 'Leituras por conexão',
  'report.readsOf': 'Conexão #{id} ({peer})',
  'report.noReads': 'nenhuma leitura',
  'report.labs': 'Laboratórios feitos',
  'report.noLabs': 'Nenhum laboratório guiado foi aberto.',
  'report.screen': 'A tela',
  'report.written': 'relatório gravado em {file}',
  'report.failed': 'não foi possível gravar o relatório em {file}: {error}',
};
