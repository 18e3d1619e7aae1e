import type { enLabs } from './enLabs.js';

/** Os textos dos laboratórios guiados em português do Brasil: as mesmas chaves de enLabs.ts. */
export const ptBRLabs: Record<keyof typeof enLabs, string> = {
  'lab.list.title': 'Laboratórios guiados — ↑↓ escolher · Enter abrir · Esc fechar',
  'lab.panel.keys': 'g executar · a resposta · Esc fechar · l lista',
  'lab.panel.more': '↓ mais · linhas {from}–{to} de {total} · ↑↓ PgUp PgDn',
  'lab.panel.end': '↑ linhas {from}–{to} de {total} · ↑↓ PgUp PgDn',
  'lab.question': 'Pergunta',
  'lab.answer': 'Resposta',
  'lab.wrong': 'Onde a resposta comum erra',
  'lab.hidden': 'tecle a para ver a resposta',
  'lab.ran': 'laboratório {id} executado: {what}',
  'lab.running': 'laboratório {id}: {what}',
  'lab.owner': 'lab. {id}',
  'lab.starting': 'iniciando',
  'lab.released.one': 'fechada a última execução do laboratório {id} (1 socket)',
  'lab.released.other': 'fechada a última execução do laboratório {id} ({count} sockets)',
  'lab.setBuffer': 'buffer de {bytes} B (global)',
  'lab.setSequential': 'modo sequencial ligado (global)',
  'lab.setSequentialBuffer': 'modo sequencial ligado, buffer de {bytes} B (global)',
  'lab.setConcurrent': 'modo concorrente ligado (global)',
  'lab.ownListener': 'servidor próprio #{listener} {target}',
  'lab.listenerStarting': 'abrindo o seu próprio servidor #{listener} em {host}',
  'lab.listenerFailed':
    'o seu próprio servidor #{listener} em {target} falhou com {code} (veja o painel de erros)',
  'lab.listenerClosed': 'o seu próprio servidor #{listener} foi fechado',
  'lab.clientConnecting': 'cliente #{client} do laboratório {id} conectando a {target}',
  'lab.clientFailed':
    'cliente #{client} do laboratório {id} falhou com {code} (veja o painel de erros)',
  'lab.readIn': 'o cliente #{client} enviou {sent} B, lidos como {burst}',
  'lab.readSoFar': 'o cliente #{client} enviou {sent} B, {read} B lidos até agora',

  'lab.1.title': '1 · Portas efêmeras',
  'lab.1.observe':
    'Conecte três vezes. Cada conexão vem de uma porta diferente no lado do cliente: a porta do par que o servidor vê é a porta efêmera do cliente, escolhida pelo sistema operacional do cliente.',
  'lab.1.step1':
    'O servidor escuta (g abre um servidor só do laboratório; o sistema escolhe a porta)',
  'lab.1.py1': "s.bind(('127.0.0.1', 9999)); s.listen()",
  'lab.1.step2': 'Aceite conexões em laço; cada accept() devolve o endereço do par',
  'lab.1.py2': 'conn, addr = s.accept()  # addr = (ip, porta efêmera)',
  'lab.1.step3':
    'O cliente conecta três vezes (g faz isso); compare as portas do par com as portas locais do cliente',
  'lab.1.py3': "c.connect(('127.0.0.1', 9999)); c.getsockname()[1]",
  'lab.1.question': 'Que portas são essas (ex.: 50398, 50401, 50407)? O que elas significam?',
  'lab.1.answer':
    'São as portas efêmeras do cliente: a cada connect() o sistema do cliente escolhe uma porta livre da sua faixa efêmera ({range}). A porta do servidor continua {port}. O par de endereços e portas identifica a conexão.',
  'lab.1.wrong':
    '“As portas de conexão entre o servidor e o cliente” — não: o servidor mantém sua única porta; estas são do cliente e mudam a cada conexão.',
  'lab.1.connecting': 'clientes {ids} do laboratório 1 conectando a {own}',
  'lab.1.done':
    '{own}; clientes {ids} das portas locais {ports}: as portas do par no painel de conexões',
  'lab.1.doneMode':
    'clientes {ids} das portas locais {ports}: as portas do par no painel de conexões',

  'lab.2a.title': '2a · Dois servidores na mesma porta',
  'lab.2a.observe':
    'Inicie um segundo servidor no mesmo endereço e porta. O segundo bind falha; o primeiro continua atendendo.',
  'lab.2a.step1': 'O primeiro servidor está escutando (g o abre numa porta livre)',
  'lab.2a.py1': "s.bind(('127.0.0.1', porta)); s.listen()",
  'lab.2a.step2': 'Um segundo servidor faz bind no mesmo endereço e porta (g faz isso)',
  'lab.2a.py2': "s2.bind(('127.0.0.1', porta))  # OSError: EADDRINUSE",
  'lab.2a.question': 'O que acontece ao abrir dois servidores na mesma porta ao mesmo tempo?',
  'lab.2a.answer':
    'O segundo bind() lança EADDRINUSE (Windows: WSAEADDRINUSE, 10048): só um socket pode escutar em um endereço e porta. O primeiro servidor não é afetado.',
  'lab.2a.wrong':
    '“O último servidor se encerra” — ele nunca chegou a escutar: o bind() falhou com um erro que o programa deveria tratar.',
  'lab.2a.binding':
    'servidor #{second} fazendo bind em {target}, onde escuta o servidor #{first} do laboratório 2a',
  'lab.2a.inUse':
    'o servidor #{second} em {target} falhou com EADDRINUSE, como esperado: o servidor #{first} do laboratório 2a já escuta ali',
  'lab.2a.otherError':
    'o servidor #{second} em {target} falhou com {code}, não com EADDRINUSE (veja o painel de erros)',
  'lab.2a.bothListen':
    'o servidor #{second} também escuta em {target}: este sistema deixou um segundo socket usar a mesma porta',

  'lab.2b.title': '2b · Uma porta abaixo de 1024',
  'lab.2b.observe':
    'Escute na porta 700. Se um usuário comum pode, depende do sistema: o Linux recusa portas abaixo de {limit} (net.ipv4.ip_unprivileged_port_start) com EACCES, a menos que o processo seja root ou tenha CAP_NET_BIND_SERVICE; o macOS 10.14 ou mais novo permite no endereço curinga (0.0.0.0), mas ainda pode recusar um endereço específico como 127.0.0.1; o Windows não tem portas privilegiadas.',
  'lab.2b.step1': 'Faça bind na porta 700 (g faz isso)',
  'lab.2b.py1': "s.bind(('127.0.0.1', 700))",
  'lab.2b.question': 'O que acontece ao usar uma porta menor que 1024 (ex.: 700)?',
  'lab.2b.answer':
    'Depende do sistema e do usuário. Linux: bind() falha com EACCES (permissão negada) numa porta abaixo de net.ipv4.ip_unprivileged_port_start ({limit} aqui), a menos que o processo seja root ou tenha CAP_NET_BIND_SERVICE. macOS 10.14 ou mais novo: um usuário comum pode fazer bind em 0.0.0.0, mas 127.0.0.1 ainda pode dar EACCES. O Windows não tem portas privilegiadas. Aqui: {here}',
  'lab.2b.wrong':
    '“Funciona normalmente” — só no Windows, no endereço curinga do macOS ou com privilégios; diga qual sistema, endereço e usuário.',
  'lab.2b.notRun': 'tecle g para experimentar nesta máquina',
  'lab.2b.binding': 'servidor #{listener} fazendo bind em {target}',
  'lab.2b.bound':
    'o servidor #{listener} em {target} fez bind: este usuário pode usar portas abaixo de {limit} aqui (a nota no painel de erros diz por quê)',
  'lab.2b.eacces':
    'o servidor #{listener} em {target} falhou com EACCES, como esperado para um usuário comum: a porta 700 é privilegiada aqui',
  'lab.2b.otherError':
    'o servidor #{listener} em {target} falhou com {code} (veja o painel de erros)',

  'lab.3.title': '3 · Cada leitura e seu número de bytes',
  'lab.3.observe':
    'Com um buffer de 1.024 bytes a mensagem de 28 bytes chega em uma leitura de 28 bytes; uma leitura vazia (EOF) significa que o cliente fechou.',
  'lab.3.step1': 'Leia até 1.024 bytes por vez (g ajusta o controle)',
  'lab.3.py1': 'data = conn.recv(1024)',
  'lab.3.step2': 'O cliente envia “Estou enviando uma mensagem!” (28 bytes)',
  'lab.3.py2': "c.sendall(b'Estou enviando uma mensagem!')",
  'lab.3.step3': 'Pare quando recv() devolver b"" (o par fechou)',
  'lab.3.py3': 'if not data: break',
  'lab.3.question': 'Quantos bytes o servidor recebe, e em quantas leituras?',
  'lab.3.answer': '28 bytes em uma leitura de 28: a mensagem inteira cabe no buffer.',
  'lab.3.wrong': '—',

  'lab.3a.title': '3a · Dois clientes, servidor um por vez',
  'lab.3a.observe':
    'No modo sequencial o socklab atende uma conexão por vez, como o laço do laboratório. O connect() do segundo cliente funciona: o kernel completa o handshake. Um servidor Python a deixa na fila de conexões pendentes até o accept(); o Node não consegue (aceita toda conexão na hora), então o socklab já a aceitou mas não a lê: na fila, com seus bytes esperando no kernel (ss: ESTAB, Recv-Q 28).',
  'lab.3a.step1': 'Atenda uma conexão por vez (g muda para sequencial)',
  'lab.3a.py1': 'while True: conn, addr = s.accept()  # um de cada vez',
  'lab.3a.step2': 'Dois clientes conectam e enviam (g os conecta a um servidor só do laboratório)',
  'lab.3a.py2': 'c1.connect(...); c2.connect(...)  # os dois conseguem',
  'lab.3a.question': 'O que acontece ao conectar 2 clientes simultaneamente?',
  'lab.3a.answer':
    'Os dois conectam. O primeiro é atendido; o segundo espera sem ser lido (na fila #1) com seus dados no kernel. Com o servidor Python do laboratório ele espera na fila de aceitação até o servidor chamar accept() de novo (ss: Recv-Q 1 na linha LISTEN); o socklab já o aceitou, então o ss o mostra ESTAB com Recv-Q 28, e Recv-Q 0 no servidor.',
  'lab.3a.wrong': '“O primeiro é cancelado” — nada é cancelado: o segundo espera a sua vez.',
  'lab.3a.connecting': 'clientes do laboratório 3a conectando a {own}',
  'lab.3a.done':
    'cliente #{first} do laboratório 3a atendido, cliente #{second} na fila #{position}',
  'lab.3a.bothServed':
    'os clientes #{first} e #{second} do laboratório 3a estão ambos em atendimento: o modo voltou a concorrente',

  'lab.3b.title': '3b · O primeiro cliente fecha',
  'lab.3b.observe':
    'Feche o cliente em atendimento: recv() devolve b"" (EOF), o laço termina e o servidor passa ao próximo cliente da fila (Python: accept(); socklab: começa a lê-lo), cujos bytes em espera aparecem na hora.',
  'lab.3b.step1': 'O primeiro cliente fecha (g fecha o cliente atendido do laboratório 3a)',
  'lab.3b.py1': 'c1.close()',
  'lab.3b.step2': 'O servidor vê EOF e fecha o seu lado',
  'lab.3b.py2': "data = conn.recv(1024)  # b'' → sai do laço; conn.close()",
  'lab.3b.step3': 'A próxima conexão da fila é lida (Python: accept() a devolve antes)',
  'lab.3b.py3': 'conn, addr = s.accept()  # o cliente que estava na fila',
  'lab.3b.question': 'O que acontece quando o primeiro cliente é encerrado?',
  'lab.3b.answer':
    'O servidor lê EOF (0 bytes), fecha essa conexão e passa à próxima (Python: accept() da fila de aceitação; socklab: lê a que já tinha aceitado); a mensagem do segundo cliente, esperando no kernel, é lida imediatamente.',
  'lab.3b.wrong':
    '“O servidor continua executando, independente do cliente” — verdade, mas incompleto: agora ele atende o cliente que estava na fila.',
  'lab.3b.setUp': 'executados antes os passos do laboratório 3a',
  'lab.3b.waiting': 'esperando os clientes do laboratório 3a: um atendido, um na fila',
  'lab.3b.closing':
    'fechando o cliente #{first} do laboratório 3a; o cliente #{second} espera ser atendido',
  'lab.3b.done':
    'cliente #{first} do laboratório 3a fechado; o cliente #{second} está em atendimento: {bytes} B lidos',

  'lab.3c.title': '3c · Um buffer de 5 bytes',
  'lab.3c.observe':
    'Reduza o buffer para 5 bytes: a mensagem de 28 bytes chega em leituras de 5, 5, 5, 5, 5, 3. TCP é um fluxo de bytes; ele não preserva os limites das mensagens.',
  'lab.3c.step1': 'Leia no máximo 5 bytes por vez (g move o controle)',
  'lab.3c.py1': 'data = conn.recv(5)',
  'lab.3c.step2': 'O cliente envia a mensagem de 28 bytes',
  'lab.3c.py2': "c.sendall(b'Estou enviando uma mensagem!')",
  'lab.3c.question': 'Como o conteúdo é recebido com um buffer pequeno (ex.: 5)?',
  'lab.3c.answer':
    'Os 28 bytes chegam, em 6 leituras: 5 5 5 5 5 3. Cada recv(5) devolve no máximo 5 bytes; o laço continua lendo até os dados acabarem.',
  'lab.3c.wrong': '“Recebe apenas 5 bytes” — recebe os 28, em várias leituras.',
  'lab.4.title': '4 · Um servidor que para de ler',
  'lab.4.observe':
    'O servidor aceita mas para de chamar recv() enquanto o cliente envia 10 MiB. Veja a Recv-Q da conexão pausada crescer até o buffer de recepção, a janela fechar, a Send-Q do cliente encher e o socklab reter o resto: write() bloquearia. Pressione p na conexão pausada: tudo escoa, cada byte contado.',
  'lab.4.step1':
    'O servidor aceita e para de chamar recv() (g pausa a conexão aceita do laboratório)',
  'lab.4.py1': 'conn, addr = s.accept(); time.sleep(60)  # sem recv(): a fila de recepção enche',
  'lab.4.step2': 'O cliente envia 10 MiB (g envia)',
  'lab.4.py2': "c.sendall(b'x' * 10 * 1024 * 1024)  # bloqueia quando a janela fecha",
  'lab.4.step3': 'O servidor volta a ler (p na conexão pausada)',
  'lab.4.py3': 'while data := conn.recv(65536): pass  # a janela abre, sendall() retorna',
  'lab.4.question':
    'O que acontece quando um servidor para de chamar recv() e o cliente continua enviando?',
  'lab.4.answer':
    'Nada se perde e nada quebra. O kernel do receptor guarda os bytes não lidos (Recv-Q) até o buffer encher e então anuncia janela zero; o kernel do remetente para de enviar e guarda o resto (Send-Q); com o buffer de envio cheio, send()/sendall() bloqueia. Quando o servidor volta a ler a janela abre e os {total} chegam, em ordem.',
  'lab.4.wrong':
    '“O excesso é descartado” ou “a conexão cai” — o TCP nunca descarta bytes que confirmou: o remetente espera (bloqueia).',
  'lab.4.connecting': 'cliente do laboratório 4 conectando a {own}',
  'lab.4.filling':
    'conexão #{conn} com leitura pausada ({ahead} lidos adiante pelo Node); cliente #{client} enviou {sent} de {total}, as filas do kernel enchendo',
  'lab.4.blocked':
    'conexão #{conn} pausada; cliente #{client} bloqueado em {sent} de {total}, {held} retidos · p em #{conn} retoma',
  'lab.4.draining': 'conexão #{conn} lendo de novo: {read} de {total} lidos',
  'lab.4.done': 'conexão #{conn} leu os {total}: nada se perdeu, só atrasou',
};
