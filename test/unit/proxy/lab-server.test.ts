// The lab's own servidor.py behind socklab's proxy: with reads of 5 B forwarded 30 ms apart,
// its recv(1024) sees the pieces: TCP is a byte stream, and the middle decides the pieces.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../../src/state/proxyTypes.js';
import { collect, LAB_MESSAGE, rawClient, type TestEngine, waitFor } from '../../helpers/lab.js';
import { makeEngine, proxyTo } from '../../helpers/proxy.js';
import { type PythonProc, spawnPython } from '../../helpers/python.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;
let t: TestEngine | null = null;
const children: PythonProc[] = [];
afterEach(async () => {
  await t?.close();
  t = null;
  for (const c of children.splice(0)) c.kill();
});

describe.skipIf(!hasPython)('servidor.py behind the proxy', () => {
  it('-b 5 --pace 30: recv(1024) prints 5,5,5,5,5,3 for the 28-byte message', async () => {
    const srv = spawnPython('servidor.py', ['127.0.0.1', '0', '--echo', '--once']);
    children.push(srv);
    const port = Number((await srv.waitForLine(/^LISTENING (\d+)$/))[1]);
    t = makeEngine({ bufferSize: 5 });
    const paced = { ...NO_FAULTS, paceMs: 30 };
    const p = await proxyTo(t, port, { upstream: paced, downstream: paced });
    const client = await rawClient(p.port);
    const got = collect(client);
    client.write(LAB_MESSAGE);
    const reads = await srv.waitForLines(/^READ (\d+) /, 6);
    console.log(`servidor.py behind the proxy:\n${srv.lines.join('\n')}`);
    expect(reads.map((m) => Number(m[1]))).toEqual([5, 5, 5, 5, 5, 3]);
    // Its echo comes back through the proxy, whole.
    await waitFor(() => got.text === LAB_MESSAGE);
    client.end();
    expect(await srv.exited).toBe(0);
    expect(srv.lines.at(-1)).toBe('CLOSED');
    const s = await t.until((x) => x.connections.every((c) => c.closedAt) && x);
    const [acc, up] = s.connections;
    expect(acc.proxy).toMatchObject({ role: 'accepted', partner: up.id });
    expect(up.proxy).toMatchObject({ role: 'upstream', partner: acc.id });
    expect(acc.recentReads.map((r) => r.size)).toEqual([5, 5, 5, 5, 5, 3]);
    expect(up.bytesIn).toBe(28);
    expect(srv.lines).toContain(`ACCEPTED ${up.local.port}`);
  });
});
