// A client that half-closes (shutdown(SHUT_WR), as HTTP/1.0 clients do) and then waits for
// the answer. By default socklab's server side is the lab's loop: recv() returned b'', the
// loop breaks, the socket closes, and the client reads EOF with no answer. A listener in
// half-open mode keeps the connection writable after the peer's FIN until the user closes it.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../src/state/types.js';
import { makeEngine, type TestEngine } from '../../helpers/lab.js';
import { type PythonProc, spawnPython } from '../../helpers/python.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) console.log('skipping half-open: python3 unavailable');

const REQUEST = 'GET / HTTP/1.0\r\n\r\n';
const ANSWER = 'HTTP/1.0 200 OK\r\n\r\nhello';

let t: TestEngine | null = null;
const children: PythonProc[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) c.kill();
  await t?.close();
  t = null;
});

function client(port: number) {
  const p = spawnPython('halfclose.py', ['127.0.0.1', String(port), '--message', REQUEST]);
  children.push(p);
  return p;
}

const typesFor = (events: EngineEvent[], id: number) =>
  events.filter((e) => 'connection' in e && e.connection === id).map((e) => e.type);

describe.skipIf(!hasPython)('half-open listeners', () => {
  it('default: the peer half-closes, socklab closes at once; the client reads EOF and no answer', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    const py = client(port);
    expect(await py.exited).toBe(0);
    expect(py.lines.slice(1)).toEqual([`SENT ${REQUEST.length}`, 'SHUT_WR', 'EOF', 'CLOSED']);
    const c = await lab.until((s) => s.connections.find((x) => x.closedAt !== null));
    expect(c.state).toBe('closed');
    expect(c.bytesIn).toBe(REQUEST.length);
    expect(lab.engine.send(c.id, Buffer.from(ANSWER))).toBe('already-closed');
    expect(typesFor(lab.events, c.id)).toEqual(['accepted', 'peer-closed', 'closed']);
    expect(lab.snap().listeners[0].halfOpen).toBe(false);
  });

  it('half-open (listen option): peer-half-closed until socklab sends its answer and closes', async () => {
    t = makeEngine();
    const lab = t;
    const id = lab.engine.listen('127.0.0.1', 0, { halfOpen: true });
    const port = await lab.until((s) => s.listeners.find((l) => l.id === id)?.boundPort);
    expect(lab.snap().listeners[0].halfOpen).toBe(true);
    const py = client(port);
    await py.waitForLine(/^SHUT_WR$/);
    const c = await lab.until((s) =>
      s.connections.find((x) => x.state === 'peer-half-closed' && x.bytesIn === REQUEST.length),
    );
    expect(lab.engine.send(c.id, Buffer.from(ANSWER))).toBe('sent');
    await py.waitForLine(/^RECV /);
    expect(py.lines).not.toContain('EOF');
    expect(lab.conn(c.id).state).toBe('peer-half-closed');
    lab.engine.close(c.id);
    expect(await py.exited).toBe(0);
    const got = py.lines.filter((l) => l.startsWith('RECV ')).join('');
    expect(got).toBe(`RECV b'HTTP/1.0 200 OK\\r\\n\\r\\nhello'`);
    expect(py.lines.slice(-2)).toEqual(['EOF', 'CLOSED']);
    const done = await lab.until((s) => s.connections.find((x) => x.id === c.id && x.closedAt));
    expect(done).toMatchObject({ state: 'closed', bytesOut: ANSWER.length });
    expect(typesFor(lab.events, c.id)).toEqual(['accepted', 'peer-closed', 'sent', 'closed']);
    expect(lab.snap().errors).toEqual([]);
  });

  it('setHalfOpen toggles one listener, with an event; connections accepted after it follow it', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    const other = await lab.listenAndWait();
    lab.engine.setHalfOpen(1, true);
    expect(lab.snap().listeners.map((l) => l.halfOpen)).toEqual([true, false]);
    expect(lab.events.filter((e) => e.type === 'half-open-changed')).toMatchObject([
      { listener: 1, halfOpen: true },
    ]);

    const kept = client(port);
    await kept.waitForLine(/^SHUT_WR$/);
    const c = await lab.until((s) =>
      s.connections.find((x) => x.listenerId === 1 && x.state === 'peer-half-closed'),
    );
    const closedAtOnce = client(other);
    expect(await closedAtOnce.exited).toBe(0);
    expect(closedAtOnce.lines.slice(-2)).toEqual(['EOF', 'CLOSED']);

    lab.engine.setHalfOpen(1, false);
    expect(lab.snap().listeners[0].halfOpen).toBe(false);
    // Turning the mode off does not close what waits: the user decides, as with echo.
    expect(lab.engine.send(c.id, Buffer.from(ANSWER))).toBe('sent');
    await kept.waitForLine(/^RECV /);
    lab.engine.close(c.id);
    expect(await kept.exited).toBe(0);
    expect(kept.lines.slice(-2)).toEqual(['EOF', 'CLOSED']);
  });
});
