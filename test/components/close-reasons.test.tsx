// Every closed connection says on its row who closed it and how: the whole dashboard over
// real sockets (120 columns, so the client pane's row has room for the words).
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Ink,
  lineWith,
  press,
  raw,
  region,
  renderApp,
  resize,
  runCleanups,
  testLab,
  waitForFrame,
} from '../helpers/ink.js';
import type { TestEngine } from '../helpers/lab.js';

afterEach(runCleanups);

const COLS = 120;
const ROWS = 30;
const conns = (f: string) => region(f, 'connections', COLS, ROWS);
const client = (f: string) => region(f, 'client', COLS, ROWS);

async function dashboard(): Promise<{ t: TestEngine; ink: Ink; port: number }> {
  const t = testLab();
  const port = await t.listenAndWait();
  const ink = renderApp(t);
  resize(ink, COLS, ROWS);
  await waitForFrame(ink, (f) => f.includes('▸ Listeners'), 'the dashboard');
  return { t, ink, port };
}

/** `c`: a socklab client #1 connected to listener #1 (accepted as #2), focus on the client pane. */
async function withClient() {
  const d = await dashboard();
  await press(
    d.ink,
    'c',
    (f) => / open → /.test(client(f)) && lineWith(conns(f), '#2 ').includes(' open '),
    'client #1 connected',
  );
  return d;
}

describe('closed rows say who closed, and how', () => {
  it('x on the client: "closed by socklab" on its row, "closed by peer (FIN)" on the server side', async () => {
    const { t, ink } = await withClient();
    const f = await press(
      ink,
      'x',
      (x) => lineWith(conns(x), '#2 ').includes(' closed by peer (FIN) ◆ client #1 '),
      'the server side closed by the FIN',
    );
    expect(lineWith(client(f), '▶ #1')).toMatch(/^▶ #1 local port \d+ closed by socklab → /);
    expect(lineWith(client(f), '  #1 ')).toMatch(/^ {2}#1 closed by socklab: out 0 B · in 0 B/);
    expect(t.conn(1).closeReason).toBe('local-close');
    expect(t.conn(2).closeReason).toBe('peer-fin');
  });

  it('r on the client: "reset by socklab" and "reset by peer"', async () => {
    const { ink } = await withClient();
    const f = await press(
      ink,
      'r',
      (x) =>
        lineWith(conns(x), '#2 ').includes(' reset by peer ◆ client #1 ') &&
        / reset by socklab → /.test(client(x)),
      'both ends reset',
    );
    expect(lineWith(client(f), '▶ #1')).toMatch(/^▶ #1 local port \d+ reset by socklab → /);
  });

  it('raw peers: one ends (FIN), one resets; a connect refused says its code', async () => {
    const { t, ink, port } = await dashboard();
    const a = await raw(port);
    const b = await raw(port);
    await t.until((s) => s.connections.filter((c) => c.state === 'open').length === 2);
    a.end();
    b.resetAndDestroy();
    let f = await waitForFrame(
      ink,
      (x) =>
        lineWith(conns(x), '#1 127').includes(' closed by peer (FIN) ') &&
        lineWith(conns(x), '#2 127').includes(' reset by peer '),
      'one closed by FIN, one reset',
    );
    t.engine.listen('127.0.0.1', 0);
    const gone = await t.until((s) => s.listeners[1]?.boundPort);
    t.engine.closeListener(2);
    await t.until((s) => s.listeners[1].state === 'closed');
    t.engine.connect('127.0.0.1', gone);
    f = await waitForFrame(ink, (x) => / error ECONNREFUSED → /.test(client(x)), 'refused');
    expect(lineWith(client(f), '▶ #3')).toMatch(/^▶ #3 local port — error ECONNREFUSED → /);
    expect(f).not.toContain('closed by socklab');
  });
});
