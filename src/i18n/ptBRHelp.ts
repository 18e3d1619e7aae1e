import type { enHelp } from './enHelp.js';

/** O texto de `socklab --help`, em português (ver enHelp.ts). */
export const ptBRHelp: Record<keyof typeof enHelp, string> = {
  'help.textBox':
    'Numa caixa de texto: Enter envia, Esc sai, Ctrl+U apaga; toda tecla vira texto (q também).',
  'help.tagline':
    'veja sockets TCP ao vivo: servidores escutando, portas efêmeras, cada leitura e o seu tamanho.',
  'help.usage': 'Uso',
  'help.usage.run': 'abre o painel (modo headless se não houver terminal)',
  'help.usage.send': 'o cliente do laboratório: conecta, mostra a porta local, envia, fecha',
  'help.options': 'Opções',
  'help.opt.listen': 'escuta aqui; repita para mais servidores   (padrão {host}:{port})',
  'help.opt.listen2': 'HOST padrão: {host}; IPv6 como [::1]:PORT; PORT 0 = qualquer porta livre',
  'help.opt.buffer': 'bytes por leitura, como recv(BYTES), 1–65536 (padrão 1024)',
  'help.opt.sequential':
    'lê uma conexão por vez; as demais são aceitas e esperam sem ser lidas (padrão: concorrente)',
  'help.opt.echo': 'escreve cada leitura de volta para quem enviou (padrão: desligado)',
  'help.opt.halfOpen':
    'os servidores de -l mantêm a conexão aberta para escrita depois do FIN do par, até você fechá-la (padrão: fecha)',
  'help.opt.maxConnections': 'conexões abertas por servidor antes de recusar (padrão 1000)',
  'help.opt.headless': 'mostra os eventos em linhas em vez do painel (automático sem um TTY)',
  'help.opt.json': 'com --headless: imprime NDJSON, um evento por linha',
  'help.opt.log': 'acrescenta cada evento como NDJSON em FILE (funciona com o painel também)',
  'help.opt.lab': 'abre um laboratório guiado no início: {labs} (l lista todos)',
  'help.opt.report': 'grava um relatório em Markdown em FILE ao sair (w grava um a qualquer hora)',
  'help.opt.name': 'o nome do(a) aluno(a), no topo do relatório',
  'help.opt.lang': 'en ou pt-BR (padrão: pelo LANG / LC_ALL, senão en)',
  'help.opt.help': 'mostra esta ajuda',
  'help.opt.version': 'mostra a versão',
  'help.escapes': 'MESSAGE aceita escapes: \\n \\r \\t \\\\ \\0 \\xNN  (padrão: "{message}")',
  'help.examples': 'Exemplos',
  'help.ex.ephemeral': 'Portas efêmeras:',
  'help.ex.ephemeral.do': 'depois tecle c, Enter: a porta local do cliente',
  'help.ex.ephemeral.more': 'é a porta do par no painel de conexões',
  'help.ex.twoServers': 'Dois servidores, uma porta:',
  'help.ex.twoServers.do': 'depois tecle n, Enter: EADDRINUSE no painel de erros',
  'help.ex.fragment': 'Mensagens em pedaços:',
  'help.ex.fragment.do': 'depois c, digite {message}, Enter:',
  'help.ex.fragment.more': 'leituras de 5 5 5 5 5 3',
  'help.ex.sequential': 'Uma por vez:',
  'help.ex.sequential.do': 'e conecte duas vezes: a segunda espera na fila',
  'help.ex.scripts': 'Scripts e CI:',
  'help.ex.client': 'O cliente do laboratório:',
  'help.keys': 'Teclas no painel: tecle ? para ver todas; q sai.',
  'help.exit': 'Código de saída: 0 ok, 1 erro de socket (send), 2 argumento inválido.',
};
