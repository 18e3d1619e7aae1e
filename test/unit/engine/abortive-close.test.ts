// A peer that closes abortively (SO_LINGER {1, 0} then close: RST, not FIN). Linux keeps the
// bytes it received before the RST readable; libuv reads them and then, seeing EPOLLHUP after
// a short read, reports EOF instead of reading again to learn ECONNRESET. socklab must still
// say it was a reset, keep the bytes, and name the peer, or say it could not.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionView, EngineEvent } from '../../../src/state/types.js';
import { makeEngine, type TestEngine } from '../../helpers/lab.js';
import { type PythonProc, pythonScriptPath, spawnPython } from '../../helpers/python.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) console.log('skipping abortive close: python3 unavailable');

const MESSAGE = 'data then RST';
const RUNS = 20;

let t: TestEngine | null = null;
const children: PythonProc[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) c.kill();
  await t?.close();
  t = null;
});

const text = (c: ConnectionView) =>
  c.recentReads.map((r) => Buffer.from(r.preview).toString('latin1')).join('');
const typesFor = (events: EngineEvent[], id: number) =>
  events.filter((e) => 'connection' in e && e.connection === id).map((e) => e.type);

describe.skipIf(!hasPython)('abortive close from a Python peer', () => {
  it('reset before accept (the loop held while the peer connects, sends, RSTs): the data, the reset, "unknown" peer', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    // spawnSync holds this event loop: the kernel completes the handshake, queues the bytes
    // and takes the RST while the connection still waits in the accept queue.
    const run = spawnSync('python3', [pythonScriptPath('abort.py'), '127.0.0.1', String(port)], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(run.stdout.trim().split('\n').slice(1)).toEqual([`SENT ${MESSAGE.length}`, 'RESET']);
    const c = await lab.until((s) => s.connections.find((x) => x.closedAt !== null));
    expect(text(c)).toBe(MESSAGE);
    expect(c.bytesIn).toBe(MESSAGE.length);
    expect(c.state).toBe('reset');
    expect(c.closeReason).toBe('peer-reset');
    expect(c.error?.code).toBe('ECONNRESET');
    // getpeername(2) said ENOTCONN: no address, not "?" and port 0.
    expect(c.peer).toEqual({ address: '', port: 0 });
    expect(typesFor(lab.events, c.id)).toEqual(['accepted', 'reset', 'closed']);
    expect(lab.events.find((e) => e.type === 'accepted')).toMatchObject({ peer: null });
  });

  it(`${RUNS} runs in a row: every one shows its ${MESSAGE.length} bytes, then the reset; the peer is its port or unknown`, async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    const seen: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const p = spawnPython('abort.py', ['127.0.0.1', String(port)]);
      children.push(p);
      const ephemeral = Number((await p.waitForLine(/^PORT (\d+)$/))[1]);
      expect(await p.exited).toBe(0);
      const c = await lab.until((s) => (s.connections[i]?.closedAt ? s.connections[i] : null));
      const where = c.peer.address === '' ? 'unknown' : `${c.peer.address}:${c.peer.port}`;
      seen.push(`${c.state} ${where} ${c.bytesIn} B`);
      // Taken at accept: the client's ephemeral port, or nothing when the RST came first.
      if (c.peer.address === '') expect(c.peer.port).toBe(0);
      else expect(c.peer).toEqual({ address: '127.0.0.1', port: ephemeral });
      const got = { run: i, state: c.state, how: c.closeReason, text: text(c) };
      expect({ ...got, events: typesFor(lab.events, c.id) }).toEqual({
        run: i,
        state: 'reset',
        how: 'peer-reset',
        text: MESSAGE,
        events: ['accepted', 'reset', 'closed'],
      });
    }
    expect(lab.snap().connections).toHaveLength(RUNS);
    console.log(`abortive close, ${RUNS} runs: ${seen.join('; ')}`);
  });
});
