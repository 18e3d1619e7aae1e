// The header counts connections, not sockets: a socklab client and the connection its own
// listener accepted are one connection with both ends here. Real sockets, the live store.
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/i18n.js';
import { Header } from '../../src/ui/components/Header.js';
import {
  lineWith,
  raw,
  renderLive,
  resize,
  runCleanups,
  testLab,
  waitForFrame,
} from '../helpers/ink.js';
import type { TestEngine } from '../helpers/lab.js';

afterEach(async () => {
  setLang('en');
  await runCleanups();
});

/** `n` socklab clients connected to the lab's listener, every one accepted. */
async function clients(t: TestEngine, port: number, n: number): Promise<number[]> {
  const ids = Array.from({ length: n }, () => t.engine.connect('127.0.0.1', port));
  await t.until((s) => ids.every((id) => s.connections.find((c) => c.id === id)?.linkedId != null));
  return ids;
}

const headRow = (f: string) => lineWith(f, 'socklab').trimEnd();

describe('Header counts', () => {
  it('3 socklab clients on its own listener: open 3, all with both ends here; a raw peer adds one', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    const ids = await clients(t, port, 3);
    const ink = renderLive(t.store, (s) => <Header snap={s} version="9.9" sliderFocused={false} />);
    let f = await waitForFrame(ink, (x) => x.includes('open 3'), 'three connections');
    expect(headRow(f)).toBe(
      'socklab 9.9  listening 1 · open 3 (3 both ends here) · in 0 B · out 0 B · reads 0  concurrent',
    );
    expect(t.snap().totals).toMatchObject({ openConnections: 3, bothEndsHere: 3 });
    await raw(port);
    f = await waitForFrame(ink, (x) => x.includes('open 4'), 'a fourth, from outside');
    expect(headRow(f)).toContain('open 4 (3 both ends here) · ');
    // A pair closed (the client, then its accepted end on the FIN): two pairs and the raw peer left.
    t.engine.close(ids[0]);
    await t.until((s) => s.connections.filter((c) => c.closedAt !== null).length === 2);
    f = await waitForFrame(ink, (x) => x.includes('open 3 (2 both'), 'one pair closed');
    expect(t.snap().totals).toMatchObject({ openConnections: 3, bothEndsHere: 2 });
  });

  it('at 80 columns the mode still shows: counts that do not fit are left out whole', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    await clients(t, port, 1);
    t.engine.setMode('sequential');
    const ink = renderLive(t.store, (s) => (
      <Header snap={s} version="0.1.0" sliderFocused={false} />
    ));
    resize(ink, 80, 24);
    const f = await waitForFrame(ink, (x) => x.includes('SEQUENTIAL'), 'sequential');
    const row = headRow(f);
    expect([...row].length).toBeLessThanOrEqual(80);
    expect(row).toBe('socklab 0.1.0  listening 1 · open 1 (1 both ends here) · in 0 B  SEQUENTIAL');
  });

  it('pt-BR says it too', async () => {
    setLang('pt-BR');
    const t = testLab();
    const port = await t.listenAndWait();
    await clients(t, port, 2);
    const ink = renderLive(t.store, (s) => <Header snap={s} version="9.9" sliderFocused={false} />);
    const f = await waitForFrame(ink, (x) => x.includes('abertas 2'), 'two');
    expect(headRow(f)).toContain('abertas 2 (2 com as duas pontas aqui)');
  });
});
