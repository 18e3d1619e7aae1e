// The lab report end to end: `socklab --report FILE --lab 3c` in a pty with a temporary cwd;
// `g` runs the lab, `a` shows the answer, `w` writes socklab-report-*.md in the cwd, `q` writes
// FILE. In Portuguese with --lang pt-BR or a LANG starting with pt (only the lab panel and the
// report are asserted in Portuguese: the rest of the UI is not translated yet).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cut } from '../dashboard.js';
import {
  CLOCK,
  LAB_MESSAGE,
  LAB_TIMEOUT,
  type LabRun,
  labParagraph,
  labSteps,
  oneSpace,
  startLab,
} from './labApp.js';

const COLS = 120;
const ROWS = 40;

let run: LabRun | undefined;
const dirs: string[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await run?.app.dispose();
  run = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A plain node:net client, connected; destroyed after the test. */
function rawClient(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
    sockets.push(s);
    s.once('error', reject);
  });
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'socklab-report-test-'));
  dirs.push(d);
  return d;
}

const PT_ENV = { LANG: 'pt_BR.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined } as const;

/**
 * Control characters a report must not hold: C0 except TAB and LF, DEL, and C1. The file is
 * UTF-8, whose multi-byte characters (—, ·, ▶) are made of bytes 0x80–0xBF: C1 is checked on
 * the decoded characters, C0 and DEL on the raw bytes too.
 */
function controlsIn(file: string): string[] {
  const bytes = readFileSync(file);
  const found: string[] = [];
  bytes.forEach((b, i) => {
    if (b <= 0x08 || (b >= 0x0b && b <= 0x1f) || b === 0x7f)
      found.push(`byte 0x${b.toString(16)} at ${i}`);
  });
  // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  for (const m of text.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g)) {
    found.push(`U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}`);
  }
  return found;
}

/** The lines of a `## Heading` section, up to the next `## `. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no "## ${heading}" in the report:\n${md}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l !== '');
}

/** The ~~~text block of the screen section. */
function screenBlock(md: string): string[] {
  const lines = md.split('\n');
  const open = lines.indexOf('~~~text');
  const close = lines.indexOf('~~~', open + 1);
  if (open < 0 || close < 0) throw new Error(`no screen block in the report:\n${md}`);
  return lines.slice(open + 1, close);
}

/** Connection ages tick between two renders: `… 0.6s · in 28 B/6 reads…│` → `… …│`. */
const sansAge = (row: string) => row.replace(/ (\d+\.\d|\d+)s · in [^│]*│/, ' …│');

/** The six reads of 3c in the reads pane beside the lab: language-neutral (bytes and text). */
const sixReads = (r: LabRun, s: string) =>
  r.pane('labReads', s).filter((x) => /^ +← +[35] B {2}"/.test(x)).length === 6 &&
  r.pane('labReads', s).some((x) => x.endsWith('3 B  "em!"'));

/** The port lab 3c's own listener (#2, selected after g) bound, from its row. */
function labPortOf(r: LabRun, s: string): number {
  const m = /^▶ #2 127\.0\.0\.1:(\d+) /.exec(r.pane('listeners', s)[2] ?? '');
  if (!m) throw new Error(`no listener #2 on screen:\n${s}`);
  return Number(m[1]);
}

/** The port of the lab client's server-side connection, as the connections pane shows it. */
function peerOf(r: LabRun, s: string): number {
  const m = /^▶ #2 127\.0\.0\.1:(\d+) → :(\d+) /.exec(r.pane('connections', s)[1] ?? '');
  if (!m) throw new Error(`no connection #2 on screen:\n${s}`);
  return Number(m[1]);
}

describe('lab report', () => {
  it(
    'w writes socklab-report-*.md in the cwd: listeners, connections, reads, the lab, the screen; q writes --report',
    async () => {
      const dir = tempDir();
      const onQuit = join(dir, 'on-quit.md');
      run = await startLab('3c', '3c · A 5-byte buffer', {
        cols: COLS,
        rows: ROWS,
        cwd: dir,
        extra: ['--report', onQuit],
      });
      const r = run;
      const { port } = r;
      let screen = await r.press('g', (s) => sixReads(r, s) && r.status(s).startsWith('ran lab'));
      expect(r.pane('labReads', screen)[2]).toMatch(/ #2 {2}28 B in 6 reads: 5 5 5 5 5 3$/);
      const ran = r.status(screen);
      const peer = peerOf(r, screen);
      // The lab ran on a listener of its own, #2; the hostile client goes there too.
      const labPort = labPortOf(r, screen);
      screen = await r.press('a', (s) => r.pane('lab', s).some((x) => x.startsWith('Answer:')));
      // A raw client sends terminal controls (ESC ] 0 ; x BEL CR CSI NUL DEL): the report must
      // hold them escaped, never raw.
      const hostile = await rawClient(labPort);
      const hostilePort = hostile.localPort as number;
      hostile.write(Buffer.from([0x1b, 0x5d, 0x30, 0x3b, 0x78, 0x07, 0x0d, 0x9b, 0x00, 0x7f]));
      screen = await r.app.waitFor((s) =>
        r
          .pane('connections', s)
          .some(
            (x) =>
              x.includes(`:${hostilePort} → :${labPort} open `) && x.includes('in 10 B/2 reads'),
          ),
      );

      screen = await r.press('w', (s) => r.status(s).startsWith('report written to '));
      const m = /^report written to (socklab-report-\d{8}-\d{6}\.md)$/.exec(r.status(screen));
      expect(m, r.status(screen)).not.toBeNull();
      const name = (m as RegExpExecArray)[1];
      expect(readdirSync(dir)).toContain(name);
      const file = join(dir, name);
      expect(controlsIn(file)).toEqual([]);
      const md = readFileSync(file, 'utf8');

      const lines = md.split('\n');
      expect(lines[0]).toBe('# socklab lab report');
      expect(md).toMatch(/^Generated \d{4}-\d\d-\d\dT[\d:.]+Z by socklab \d+\.\d+\.\d+ \(en\)\.$/m);
      expect(md).toMatch(/^Buffer: 5 B per read · mode: concurrent$/m);
      expect(section(md, 'Listeners')).toEqual([
        expect.stringMatching(
          new RegExp(`^- #1 127\\.0\\.0\\.1:${port} — listening; connections: 0, bytes in: 0$`),
        ),
        expect.stringMatching(
          new RegExp(`^- #2 127\\.0\\.0\\.1:${labPort} — listening; connections: 2, bytes in: 38$`),
        ),
      ]);
      expect(section(md, 'Errors and notes')).toEqual(['No errors.']);
      expect(section(md, 'Connections')).toEqual([
        '| # | side | peer (address:port) | local (address:port) | state | bytes in | reads | kernel (ss) | Recv-Q | Send-Q |',
        '|---|---|---|---|---|---|---|---|---|---|',
        // The kernel's columns as sampled (a queue may still hold bytes just read; — before
        // the first sample of a connection just made).
        expect.stringMatching(
          new RegExp(
            `^\\| 1 \\| client \\| 127\\.0\\.0\\.1:${labPort} \\| 127\\.0\\.0\\.1:${peer} \\| open \\| 0 \\| 0 \\| (?:ESTAB \\| \\d+ \\| \\d+|— \\| — \\| —) \\|$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^\\| 2 \\| server \\| 127\\.0\\.0\\.1:${peer} \\| 127\\.0\\.0\\.1:${labPort} \\| open \\| 28 \\| 6 \\| (?:ESTAB \\| \\d+ \\| \\d+|— \\| — \\| —) \\|$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^\\| 3 \\| server \\| 127\\.0\\.0\\.1:${hostilePort} \\| 127\\.0\\.0\\.1:${labPort} \\| open \\| 10 \\| 2 \\| (?:ESTAB \\| \\d+ \\| \\d+|— \\| — \\| —) \\|$`,
          ),
        ),
      ]);
      expect(section(md, 'Reads per connection')).toEqual([
        `### Connection #2 (127.0.0.1:${peer})`,
        expect.stringMatching(
          new RegExp(
            `^- \\d\\d:\\d\\d:\\d\\d\\.\\d{3} 28 B in 6 reads: 5 5 5 5 5 3 — \`${LAB_MESSAGE}\`$`,
          ),
        ),
        `### Connection #3 (127.0.0.1:${hostilePort})`,
        expect.stringMatching(
          /^- \d\d:\d\d:\d\d\.\d{3} 10 B in 2 reads: 5 5 — `\\x1b\]0;x\\x07\\r\\x9b\\x00\\x7f`$/,
        ),
      ]);
      // What this run showed: the lab's own listener, its client and the server side with the
      // six reads, and the raw client its listener accepted.
      expect(section(md, 'Labs done')).toEqual([
        '### 3c · A 5-byte buffer',
        '**Question** How is the content received with a small buffer (e.g. 5)?',
        '**Observed in this run of socklab**',
        expect.stringMatching(new RegExp(`^- \`g\` at ${CLOCK}\\.\\d{3} — ${escapeRe(ran)}$`)),
        `  - listener #2 127.0.0.1:${labPort}: listening`,
        `  - client #1: local port ${peer} → 127.0.0.1:${labPort}, open`,
        `  - server side #2 of client #1: peer port ${peer}, open`,
        expect.stringMatching(
          new RegExp(`^ {4}- [\\d:.]+ 28 B in 6 reads: 5 5 5 5 5 3 — \`${LAB_MESSAGE}\`$`),
        ),
        // The hostile client came after the result: listed after it, as of the report.
        '  - accepted after the result, as of the report:',
        `    - server side #3: peer 127.0.0.1:${hostilePort}, open`,
        expect.stringMatching(
          /^ {6}- [\d:.]+ 10 B in 2 reads: 5 5 — `\\x1b\]0;x\\x07\\r\\x9b\\x00\\x7f`$/,
        ),
        '**Answer** All 28 bytes arrive, in 6 reads: 5 5 5 5 5 3. Each recv(5) returns at most 5 bytes; the loop keeps reading until the data runs out.',
        '*Where the common answer goes wrong:* “It receives only 5 bytes” — it receives all 28, in several reads.',
      ]);
      // The screen as it was when w was pressed: the same rows as the terminal shows (the
      // status row aside, and the ticking connection ages).
      expect(section(md, 'The screen')[0]).toBe('~~~text');
      const block = screenBlock(md);
      const live = r.app.lines();
      expect(block).toHaveLength(ROWS - 1);
      for (let i = 0; i < ROWS - 1; i++) {
        if (i === ROWS - 3) continue;
        expect(sansAge(block[i]), `screen row ${i}`).toBe(sansAge(live[i]));
      }
      expect(block.join('\n')).toContain(
        '║3c · A 5-byte buffer g run it · a answer · Esc close · l list',
      );
      expect(block.join('\n')).toContain('║Answer: All 28 bytes arrive, in 6 reads: 5 5 5 5 5 3.');
      expect(block.join('\n')).toContain(`#3 127.0.0.1:${hostilePort} → :${labPort} open `);

      // q quits and writes the --report file: the same report, taken at quit.
      expect(existsSync(onQuit)).toBe(false);
      r.app.write('q');
      expect(await r.app.exited).toMatchObject({ exitCode: 0 });
      expect(existsSync(onQuit)).toBe(true);
      expect(controlsIn(onQuit)).toEqual([]);
      const atQuit = readFileSync(onQuit, 'utf8');
      expect(atQuit.split('\n')[0]).toBe('# socklab lab report');
      // The kernel's columns move on their own between the two moments (a first sample, a
      // queue): the rest is the same.
      const sansKernel = (rows: string[]) => rows.map((x) => x.replace(/(?: [^|]+ \|){3}$/, ''));
      for (const heading of ['Listeners', 'Connections', 'Reads per connection', 'Labs done']) {
        expect(sansKernel(section(atQuit, heading))).toEqual(sansKernel(section(md, heading)));
      }
      // The screen at quit shows the status of w.
      expect(screenBlock(atQuit)[ROWS - 3]).toBe(`report written to ${name}`);
    },
    LAB_TIMEOUT,
  );
});

describe('the labs section lists the labs run', () => {
  it(
    '--name heads it; 2a run (its EADDRINUSE and why), lab 1 only opened: left out; no answer unless shown',
    async () => {
      const dir = tempDir();
      run = await startLab('2a', '2a · Two servers on one port', {
        cols: COLS,
        rows: ROWS,
        cwd: dir,
        extra: ['--name', 'Ana <b>Souza</b>'],
      });
      const r = run;
      // Lab 2a's own listener #2, then its second one, #3, on the same port.
      await r.press('g', (s) => r.pane('listeners', s).some((x) => /#3 .*EADDRINUSE/.test(x)));
      await r.press('l', (s) => r.pane('overlay', s).includes('▶ 2a · Two servers on one port'));
      await r.press('\u001b[A', (s) => r.pane('overlay', s).includes('▶ 1 · Ephemeral ports'));
      await r.press('\r', (s) => (r.pane('lab', s)[0] ?? '').startsWith('1 · Ephemeral ports'));
      const screen = await r.press('w', (s) => r.status(s).startsWith('report written to '));
      const file = join(dir, r.status(screen).replace('report written to ', ''));
      const md = readFileSync(file, 'utf8');
      expect(md.split('\n').slice(0, 3)).toEqual([
        '# socklab lab report',
        '',
        '**Student:** Ana &lt;b&gt;Souza&lt;/b&gt;',
      ]);
      const labs = section(md, 'Labs done');
      expect(labs.slice(0, 4)).toEqual([
        '### 2a · Two servers on one port',
        '**Question** What happens when you open two servers on the same port at once?',
        '**Observed in this run of socklab**',
        expect.stringMatching(/^- `g` at \d\d:\d\d:\d\d\.\d{3} — ran lab 2a: .*EADDRINUSE/),
      ]);
      expect(labs).toContainEqual(
        expect.stringMatching(
          /^ {2}- listener #3 127\.0\.0\.1:(\d+): failed EADDRINUSE — 127\.0\.0\.1:\1 is held by this socklab, listener #2, LISTEN — close it or choose another port\.$/,
        ),
      );
      expect(labs.join('\n')).not.toContain('Ephemeral ports');
      expect(labs.join('\n')).not.toContain('**Answer**');
      expect(labs.join('\n')).not.toMatch(/: —$/m);
    },
    LAB_TIMEOUT,
  );
});

describe('lab panel and report in Portuguese', () => {
  const TITLE = '3c · Um buffer de 5 bytes';
  const ANSWER =
    'Os 28 bytes chegam, em 6 leituras: 5 5 5 5 5 3. Cada recv(5) devolve no máximo 5 bytes; o laço continua lendo até os dados acabarem.';
  const WRONG = '“Recebe apenas 5 bytes” — recebe os 28, em várias leituras.';
  const QUESTION = 'Como o conteúdo é recebido com um buffer pequeno (ex.: 5)?';

  /** The report's Portuguese headings and the 3c lab, whatever else it holds. */
  function expectPortugueseReport(md: string, port: number, labPort: number, peer: number) {
    expect(md.split('\n')[0]).toBe('# Relatório de laboratório do socklab');
    expect(md).toMatch(/^Gerado em \S+ pelo socklab \d+\.\d+\.\d+ \(pt-BR\)\.$/m);
    expect(md).toMatch(/^Buffer: 5 B por leitura · modo: \S+$/m);
    expect(section(md, 'Servidores (listeners)')).toEqual([
      expect.stringMatching(
        new RegExp(`^- #1 127\\.0\\.0\\.1:${port} — .+; conexões: 0, bytes recebidos: 0$`),
      ),
      expect.stringMatching(
        new RegExp(`^- #2 127\\.0\\.0\\.1:${labPort} — .+; conexões: 1, bytes recebidos: 28$`),
      ),
    ]);
    expect(section(md, 'Erros e observações')).toEqual(['Nenhum erro.']);
    const conns = section(md, 'Conexões');
    expect(conns[0]).toBe(
      '| # | lado | par (endereço:porta) | local (endereço:porta) | estado | bytes recebidos | leituras | kernel (ss) | Recv-Q | Send-Q |',
    );
    expect(conns[3]).toMatch(
      new RegExp(
        `^\\| 2 \\| \\S+ \\| 127\\.0\\.0\\.1:${peer} \\| 127\\.0\\.0\\.1:${labPort} \\| \\S+ \\| 28 \\| 6 \\| [^|]+ \\| [^|]+ \\| [^|]+ \\|$`,
      ),
    );
    const reads = section(md, 'Leituras por conexão');
    expect(reads[0]).toBe(`### Conexão #2 (127.0.0.1:${peer})`);
    expect(reads[1]).toMatch(
      /^- [\d:.]+ 28 B \S+ 6 \S+: 5 5 5 5 5 3 — `Estou enviando uma mensagem!`$/,
    );
    expect(section(md, 'Laboratórios feitos')).toEqual([
      `### ${TITLE}`,
      `**Pergunta** ${QUESTION}`,
      '**Observado nesta execução do socklab**',
      expect.stringMatching(
        /^- `g` às \d\d:\d\d:\d\d\.\d{3} — laboratório 3c executado: buffer de 5 B \(global\); o cliente #1 enviou 28 B, lidos como 28 B em 6 leituras: 5 5 5 5 5 3$/,
      ),
      expect.stringMatching(
        new RegExp(`^ {2}- servidor \\(listener\\) #2 127\\.0\\.0\\.1:${labPort}: \\S+$`),
      ),
      `  - cliente #1: porta local ${peer} → 127.0.0.1:${labPort}, aberta`,
      `  - lado do servidor #2 do cliente #1: porta do par ${peer}, aberta`,
      expect.stringMatching(
        /^ {4}- [\d:.]+ 28 B \S+ 6 \S+: 5 5 5 5 5 3 — `Estou enviando uma mensagem!`$/,
      ),
      `**Resposta** ${ANSWER}`,
      `*Onde a resposta comum erra:* ${WRONG}`,
    ]);
    expect(section(md, 'A tela')[0]).toBe('~~~text');
    expect(md).not.toContain('## Labs done');
  }

  it(
    '--lang pt-BR: the lab panel, its answer, the w report and the --report file',
    async () => {
      const dir = tempDir();
      const onQuit = join(dir, 'relatorio.md');
      run = await startLab('3c', TITLE, {
        cols: COLS,
        rows: ROWS,
        cwd: dir,
        extra: ['--lang', 'pt-BR', '--report', onQuit],
      });
      const r = run;
      let lab = r.pane('lab');
      // 70 columns inside the panel at 120: the keys are cut.
      expect(lab[0]).toBe(cut(`${TITLE} g executar · a resposta · Esc fechar · l lista`, 70));
      expect(labParagraph(lab, 'Reduza', ['1. '])).toBe(
        'Reduza o buffer para 5 bytes: a mensagem de 28 bytes chega em leituras de 5, 5, 5, 5, 5, 3. TCP é um fluxo de bytes; ele não preserva os limites das mensagens.',
      );
      expect(labSteps(lab)).toEqual([
        oneSpace('1. data = conn.recv(5)  Leia no máximo 5 bytes por vez (g move o controle)'),
        oneSpace(
          "2. c.sendall(b'Estou enviando uma mensagem!')  O cliente envia a mensagem de 28 bytes",
        ),
      ]);
      expect(lab).toContain(`Pergunta: ${QUESTION}`);
      expect(lab).toContain('tecle a para ver a resposta');

      let screen = await r.press('g', (s) => sixReads(r, s));
      expect(r.status(screen)).toBe(
        'laboratório 3c executado: buffer de 5 B (global); o cliente #1 enviou 28 B, lidos como 28 B em 6 leituras: 5 5 5 5 5 3',
      );
      const peer = peerOf(r, screen);
      const labPort = labPortOf(r, screen);
      screen = await r.press('a', (s) => r.pane('lab', s).some((x) => x.startsWith('Resposta:')));
      lab = r.pane('lab', screen);
      expect(labParagraph(lab, 'Resposta:', ['Onde a resposta'])).toBe(`Resposta: ${ANSWER}`);
      expect(labParagraph(lab, 'Onde a resposta', [])).toBe(`Onde a resposta comum erra: ${WRONG}`);
      expect(lab).not.toContain('tecle a para ver a resposta');

      screen = await r.press('w', (s) => r.status(s).startsWith('relatório gravado em '));
      const m = /^relatório gravado em (socklab-report-\d{8}-\d{6}\.md)$/.exec(r.status(screen));
      expect(m, r.status(screen)).not.toBeNull();
      const file = join(dir, (m as RegExpExecArray)[1]);
      expect(controlsIn(file)).toEqual([]);
      const md = readFileSync(file, 'utf8');
      expectPortugueseReport(md, r.port, labPort, peer);
      expect(screenBlock(md).join('\n')).toContain(`║${TITLE} g executar`);

      r.app.write('q');
      expect(await r.app.exited).toMatchObject({ exitCode: 0 });
      expect(controlsIn(onQuit)).toEqual([]);
      expectPortugueseReport(readFileSync(onQuit, 'utf8'), r.port, labPort, peer);
    },
    LAB_TIMEOUT,
  );

  it(
    'LANG=pt_BR.UTF-8 without --lang: the lab list, the panel and the --report file',
    async () => {
      const dir = tempDir();
      const onQuit = join(dir, 'relatorio.md');
      run = await startLab('3c', TITLE, {
        cols: COLS,
        rows: ROWS,
        cwd: dir,
        env: PT_ENV,
        extra: ['--report', onQuit],
      });
      const r = run;
      expect(r.pane('lab')).toContain(`Pergunta: ${QUESTION}`);
      // The lab list, in Portuguese; Esc goes back to the lab.
      // The whole list: a frame is parsed in pieces as the pty delivers it.
      let screen = await r.press(
        'l',
        (s) =>
          r.pane('overlay', s)[0]?.startsWith('Laboratórios') &&
          r.pane('overlay', s).some((x) => x.includes('4 ·')),
      );
      expect(r.pane('overlay', screen).slice(0, 11)).toEqual([
        'Laboratórios guiados — ↑↓ escolher · Enter abrir · Esc fechar',
        '  1 · Portas efêmeras',
        '  2a · Dois servidores na mesma porta',
        '  2b · Uma porta abaixo de 1024',
        '  3 · Cada leitura e seu número de bytes',
        '  3a · Dois clientes, servidor um por vez',
        '  3b · O primeiro cliente fecha',
        `▶ ${TITLE}`,
        '  3d · TCP vs UDP com buffer de 5 bytes',
        '  4 · Um servidor que para de ler',
        '',
      ]);
      screen = await r.press('\u001b', (s) => (r.pane('lab', s)[0] ?? '').startsWith(TITLE));
      screen = await r.press('g', (s) => sixReads(r, s));
      expect(r.status(screen)).toBe(
        'laboratório 3c executado: buffer de 5 B (global); o cliente #1 enviou 28 B, lidos como 28 B em 6 leituras: 5 5 5 5 5 3',
      );
      const peer = peerOf(r, screen);
      const labPort = labPortOf(r, screen);
      screen = await r.press('a', (s) => r.pane('lab', s).some((x) => x.startsWith('Resposta:')));

      r.app.write('q');
      expect(await r.app.exited).toMatchObject({ exitCode: 0 });
      expect(controlsIn(onQuit)).toEqual([]);
      expectPortugueseReport(readFileSync(onQuit, 'utf8'), r.port, labPort, peer);
    },
    LAB_TIMEOUT,
  );
});

describe('each lab run in the report is what it showed when its result was on screen', () => {
  it(
    '3a then 3b: the 3a block shows the queued client and no later read; the 3b block the close and the queued one served',
    async () => {
      const dir = tempDir();
      const onQuit = join(dir, 'r.md');
      run = await startLab('3a', '3a · Two clients, one-at-a-time server', {
        cols: COLS,
        rows: ROWS,
        cwd: dir,
        extra: ['--report', onQuit],
      });
      const r = run;
      const ranA = await r.press('g', (s) => r.status(s).startsWith('ran lab 3a: '));
      const resultA = r.status(ranA);
      expect(resultA).toMatch(/client #\d+ served, client #\d+ queued #1$/);
      await r.press('l', (s) =>
        r.pane('overlay', s).includes('▶ 3a · Two clients, one-at-a-time server'),
      );
      await r.press('\u001b[B', (s) =>
        r.pane('overlay', s).includes('▶ 3b · The first client closes'),
      );
      await r.press('\r', (s) =>
        (r.pane('lab', s)[0] ?? '').startsWith('3b · The first client closes'),
      );
      const ranB = await r.press('g', (s) => r.status(s).startsWith('ran lab 3b: '));
      const resultB = r.status(ranB);
      r.app.write('q');
      expect(await r.app.exited).toMatchObject({ exitCode: 0 });
      const labs = section(readFileSync(onQuit, 'utf8'), 'Labs done');
      const b = labs.indexOf('### 3b · The first client closes');
      const threeA = labs.slice(0, b);
      const threeB = labs.slice(b);
      const [served, queued] = (/client #(\d+) served, client #(\d+) queued/.exec(resultA) ?? [])
        .slice(1)
        .map(Number);
      // Each run: when, and the result line its status showed.
      expect(threeA).toContainEqual(
        expect.stringMatching(new RegExp(`^- \`g\` at ${CLOCK}\\.\\d{3} — ${escapeRe(resultA)}$`)),
      );
      expect(threeB).toContainEqual(
        expect.stringMatching(new RegExp(`^- \`g\` at ${CLOCK}\\.\\d{3} — ${escapeRe(resultB)}$`)),
      );
      // 3a: both clients open, the second's server side queued #1 and unread.
      expect(threeA).toContainEqual(
        expect.stringMatching(new RegExp(`^ {2}- client #${served}: local port \\d+ → .*, open$`)),
      );
      expect(threeA).toContainEqual(
        expect.stringMatching(new RegExp(`^ {2}- client #${queued}: local port \\d+ → .*, open$`)),
      );
      const queuedSide = threeA.findIndex((l) =>
        new RegExp(`^ {2}- server side #\\d+ of client #${queued}: `).test(l),
      );
      expect(threeA[queuedSide]).toMatch(/, queued #1$/);
      expect(threeA[queuedSide + 1] ?? '').not.toMatch(/^ {4}- /);
      expect(threeA.join('\n')).not.toContain('closed');
      // 3b: the served client closed, the queued one served with its 28 bytes read.
      expect(threeB).toContainEqual(
        expect.stringMatching(
          new RegExp(`^ {2}- client #${served}: local port \\d+ → .*, closed$`),
        ),
      );
      const servedSide = threeB.findIndex((l) =>
        new RegExp(`^ {2}- server side #\\d+ of client #${queued}: `).test(l),
      );
      expect(threeB[servedSide]).toMatch(/, open$/);
      expect(threeB[servedSide + 1]).toMatch(/^ {4}- [\d:.]+ 28 B in 1 read/);
      expect(threeB.join('\n')).not.toContain('queued #');
    },
    LAB_TIMEOUT,
  );
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
