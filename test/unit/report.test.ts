import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/i18n.js';
import { buildReport } from '../../src/report/buildReport.js';
import { LAB_MESSAGE, makeEngine, rawClient, type TestEngine } from '../helpers/lab.js';

/** A run of a lab that opened nothing (its owner tags no socket here). */
const FROM_START = {
  lab: '3c',
  owner: { lab: '3c', run: 1 },
  listener: null,
  released: { lab: '3c', count: 0 },
  time: 0,
};

let t: TestEngine | null = null;
afterEach(async () => {
  setLang('en');
  await t?.close();
  t = null;
});

async function session() {
  t = makeEngine();
  t.engine.setBufferSize(5);
  const port = await t.listenAndWait();
  t.engine.listen('127.0.0.1', port); // EADDRINUSE
  const c = await rawClient(port);
  // A peer's bytes with terminal controls in them: ESC ] 0 title, BEL, CSI clear.
  c.write(Buffer.concat([Buffer.from(LAB_MESSAGE), Buffer.from('\x1b]0;x\x07\x1b[2J')]));
  await t.until((s) => s.connections.find((x) => x.bytesIn === 28 + 10));
  await t.until((s) => s.listeners.find((l) => l.state === 'failed'));
  const snap = t.snap();
  return { port, c, snap, engine: t.engine };
}

describe('lab report', () => {
  it('holds listeners, errors, connections with ports, reads and labs, and no raw control byte', async () => {
    const { port, c, snap } = await session();
    const md = buildReport({
      snap,
      version: '9.9.9',
      labs: [{ id: '3c', answered: true, runs: [FROM_START] }],
      screen: 'socklab screen line 1\nline 2 \x1b[31mred\x1b[0m',
      run: { snap, listener: snap.listeners[0] },
    });
    expect(md).toContain('# socklab lab report');
    expect(md).toContain(`127.0.0.1:${port} — listening`);
    expect(md).toContain('**EADDRINUSE** (listen)');
    expect(md).toContain(`127.0.0.1:${c.localPort}`);
    expect(md).toContain('38 B in 8 reads: 5 5 5 5 5 5 5 3');
    expect(md).toContain('3c · A 5-byte buffer');
    expect(md).toContain('5 5 5 5 5 3');
    expect(md).toContain('~~~text\nsocklab screen line 1');
    expect(md).toContain('\\x1b[31mred');
    expect(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/.test(md)).toBe(false);
    c.destroy();
  });

  it('is written in Portuguese when the language is pt-BR', async () => {
    const { c, snap } = await session();
    setLang('pt-BR');
    const md = buildReport({
      snap,
      version: '1',
      labs: [{ id: '2a', answered: true, runs: [FROM_START] }],
      screen: '',
      run: { snap, listener: null },
    });
    expect(md).toContain('# Relatório de laboratório do socklab');
    expect(md).toContain('## Conexões');
    expect(md).toContain('2a · Dois servidores na mesma porta');
    expect(md).toContain('EADDRINUSE');
    c.destroy();
  });
});

describe('lab report connections', () => {
  it('the table says who closed each connection, and how', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    const fin = await rawClient(port);
    const rst = await rawClient(port);
    await lab.until((s) => s.connections.filter((c) => c.state === 'open').length === 2);
    // Read now: a destroyed socket no longer knows its local port.
    const [finPort, rstPort] = [fin.localPort, rst.localPort];
    fin.end();
    rst.resetAndDestroy();
    await lab.until((s) => s.connections.every((c) => c.closedAt !== null));
    const snap = lab.snap();
    const md = buildReport({
      snap,
      version: '1',
      labs: [],
      screen: '',
      run: { snap, listener: null },
    });
    const row = (peer: number | undefined) =>
      md.split('\n').find((l) => l.startsWith('| ') && l.includes(`127.0.0.1:${peer} |`)) ?? '';
    expect(row(finPort)).toContain('| closed by peer (FIN) |');
    expect(row(rstPort)).toContain('| reset by peer |');
    fin.destroy();
  });
});
