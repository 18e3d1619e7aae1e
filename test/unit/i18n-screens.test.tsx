import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type net from 'node:net';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { renderToString } from 'ink';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toErrorInfo } from '../../src/core/errorInfo.js';
import { explainError } from '../../src/i18n/explainError.js';
import { type Lang, setLang } from '../../src/i18n/i18n.js';
import type { Snapshot } from '../../src/state/types.js';
import { ListenersPane } from '../../src/ui/components/ListenersPane.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { select } from '../../src/ui/selection.js';
import { initialUi, type UiState } from '../../src/ui/uiState.js';
import { LAB_MESSAGE, makeEngine, rawClient, type TestEngine } from '../helpers/lab.js';

afterEach(() => setLang('en'));

let t: TestEngine;
let client: net.Socket;
let snap: Snapshot;

beforeAll(async () => {
  t = makeEngine();
  const port = await t.listenAndWait('127.0.0.1', 0);
  client = await rawClient(port);
  client.write(LAB_MESSAGE);
  snap = await t.until((s) => (s.connections.some((c) => c.bytesIn === 28) ? s : null));
});

afterAll(async () => {
  client?.destroy();
  await t?.close();
});

/** The dashboard as text, as renderToString draws it for a terminal of 120×40. */
function screen(lang: Lang, patch: Partial<UiState> = {}): string {
  setLang(lang);
  const ui = { ...initialUi, ...patch };
  const frame = renderToString(
    <Dashboard
      snap={snap}
      ui={ui}
      sel={select(snap, ui)}
      columns={120}
      rows={40}
      now={Date.now()}
      version="test"
    />,
    { columns: 120 },
  );
  return stripVTControlCharacters(frame);
}

describe('the dashboard in each language', () => {
  it('draws Portuguese pane titles, rows and key hints with pt-BR', () => {
    const s = screen('pt-BR');
    for (const text of [
      'Servidores 1',
      'Conexões em #1',
      'par = porta efêmera do cliente',
      'Erros e observações',
      'nenhum erro — tente n, Enter',
      'Cliente',
      'nenhum cliente — tecle c',
      'Leituras — conexão #',
      '28 B em 1 leitura',
      'escutando 1 · abertas 1',
      'B por leitura',
      'próximo painel',
    ]) {
      expect(s, text).toContain(text);
    }
    for (const english of ['Listeners', 'Connections', 'Errors & notes', 'Reads', 'next pane']) {
      expect(s, english).not.toContain(english);
    }
  });

  it('draws the English ones with en', () => {
    const s = screen('en');
    for (const text of [
      'Listeners 1',
      'Connections on #1',
      "peer = client's ephemeral port",
      'Errors & notes',
      'no errors — try n, Enter',
      'Client c connect',
      'Reads — conn #',
      '28 B in 1 read',
      'listening 1 · open 1',
      'next pane',
    ]) {
      expect(s, text).toContain(text);
    }
    expect(s).not.toContain('Servidores');
  });

  it('writes numbers the Portuguese way with pt-BR: 1.024 B, not 1,024 (a Brazilian reads that as 1 point 024)', () => {
    const pt = screen('pt-BR');
    expect(pt).toContain('1.024 B por leitura');
    expect(pt).toContain('recv(1024)'); // code keeps code's digits
    expect(pt).not.toContain('1,024');
    expect(screen('en')).toContain('1,024 B per read');
  });

  it('translates the help overlay and the too-small notice', () => {
    expect(screen('pt-BR', { help: true })).toContain('Teclas — ? ou Esc fecha');
    expect(screen('en', { help: true })).toContain('Keys — ? or Esc closes');
    setLang('pt-BR');
    const small = stripVTControlCharacters(
      renderToString(
        <Dashboard
          snap={snap}
          ui={initialUi}
          sel={select(snap, initialUi)}
          columns={60}
          rows={20}
          now={0}
          version="test"
        />,
      ),
    );
    expect(small).toContain('o socklab precisa de pelo menos 80×24');
  });
});

describe('figures of a thousand and more, grouped the same way across the screen', () => {
  let big: TestEngine;
  let sender: net.Socket;
  let bigSnap: Snapshot;

  beforeAll(async () => {
    big = makeEngine();
    big.engine.setBufferSize(65536);
    const port = await big.listenAndWait('127.0.0.1', 0);
    sender = await rawClient(port);
    sender.write(Buffer.alloc(60000, 0x61));
    bigSnap = await big.until((s) => (s.connections.some((c) => c.bytesIn === 60000) ? s : null));
  });

  afterAll(async () => {
    sender?.destroy();
    await big?.close();
  });

  /**
   * The 60,000 bytes really read, drawn with the counts a 1000-connection run shows (open,
   * refused, total): the drawing of those counts is the point here, not 1000 sockets.
   */
  function bigScreen(lang: Lang): string {
    setLang(lang);
    const l = bigSnap.listeners[0];
    const s: Snapshot = {
      ...bigSnap,
      totals: { ...bigSnap.totals, openConnections: 1000 },
      listeners: [{ ...l, open: 1000, queued: 0, total: 1000, refused: 1050 }],
    };
    const frame = renderToString(
      <Dashboard
        snap={s}
        ui={initialUi}
        sel={select(s, initialUi)}
        columns={120}
        rows={40}
        now={Date.now()}
        version="test"
      />,
      { columns: 120 },
    );
    return stripVTControlCharacters(frame);
  }

  /** A figure of four or more digits written without its thousands separator, outside code. */
  const ungrouped = (s: string) =>
    s.replace(/recv(from)?\(\d+\)/g, '').match(/(?<![\d.,:#])\d{4,}(?![\d.,])/g) ?? [];

  it('pt-BR: 1.000 abertas, 1.050 recusadas, leituras de ≤ 65.536 B, rows of 60.000 B', () => {
    const s = bigScreen('pt-BR');
    expect(s).toContain('abertas 1.000');
    expect(s).toContain('1.000 abertas');
    expect(s).toContain('1.050 recusadas');
    expect(s).toContain('leituras de ≤ 65.536 B');
    expect(s).toContain('65.536 B por leitura');
    expect(s).toContain('recv(65536)');
    expect(s).toMatch(/← +\d{1,2}\.\d{3} B/);
    expect(ungrouped(s)).toEqual([]);
  });

  it('the whole listener row, wider: 1.000 no total / 1,000 total', () => {
    const row = (lang: Lang) => {
      setLang(lang);
      const l = { ...bigSnap.listeners[0], open: 1000, queued: 0, total: 1000, refused: 50 };
      const pane = (
        <ListenersPane listeners={[l]} selectedId={l.id} focused width={200} height={6} />
      );
      return stripVTControlCharacters(renderToString(pane, { columns: 200 }));
    };
    expect(row('pt-BR')).toMatch(
      /1\.000 abertas · 50 recusadas · 0 na fila · 1\.000 no total · 58,6 KiB recebidos/,
    );
    expect(row('en')).toMatch(/1,000 open · 50 refused · 0 queued · 1,000 total · 58\.6 KiB in/);
  });

  it('en: 1,000 open, 1,050 refused, reads of ≤ 65,536 B', () => {
    const s = bigScreen('en');
    expect(s).toContain('open 1,000');
    expect(s).toContain('1,000 open');
    expect(s).toContain('1,050 refused');
    expect(s).toContain('reads of ≤ 65,536 B');
    expect(s).toMatch(/← +\d{1,2},\d{3} B/);
    expect(ungrouped(s)).toEqual([]);
  });
});

describe('explanations in each language', () => {
  const err = { code: 'EADDRINUSE', syscall: 'listen', address: '127.0.0.1', port: 9999 };

  it('explains EADDRINUSE in Portuguese with pt-BR', () => {
    setLang('pt-BR');
    const text = explainError(toErrorInfo(err, {}));
    expect(text).toContain('Outro socket já está escutando em 127.0.0.1:9999');
    expect(text).toContain('escolha outra porta');
    expect(text).not.toContain('Another socket');
  });

  it('and in English otherwise', () => {
    expect(explainError(toErrorInfo(err, {}))).toMatch(
      /^Another socket already listens on 127\.0\.0\.1:9999/,
    );
  });
});

describe('socklab --help', () => {
  const cli = path.resolve(import.meta.dirname, '../../dist/cli.js');
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
    const { LANG: _l, LC_ALL: _a, LC_MESSAGES: _m, ...rest } = process.env;
    return spawnSync(process.execPath, [cli, ...args], {
      encoding: 'utf8',
      env: { ...rest, ...env },
    });
  };

  it('is Portuguese with --lang pt-BR', () => {
    const r = run(['--lang', 'pt-BR', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('veja sockets TCP ao vivo');
    expect(r.stdout).toContain('\nUso\n');
    expect(r.stdout).toContain('\nOpções\n');
    expect(r.stdout).toContain('bytes por leitura, como recv(BYTES)');
    expect(r.stdout).toContain('Portas efêmeras:');
    expect(r.stdout).not.toContain('Usage');
  });

  it('is Portuguese from LANG, and English with --lang en or no locale', () => {
    expect(run(['--help'], { LANG: 'pt_BR.UTF-8' }).stdout).toContain('\nOpções\n');
    expect(run(['--help', '--lang', 'en'], { LANG: 'pt_BR.UTF-8' }).stdout).toContain(
      '\nOptions\n',
    );
    expect(run(['--help']).stdout).toContain('\nUsage\n');
  });

  it('gives argument errors in the chosen language', () => {
    const r = run(['--lang', 'pt-BR', '--buffer', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('não é válido: use um número inteiro de bytes de 1 a 65.536');
  });
});
