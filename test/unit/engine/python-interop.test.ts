import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { LAB_MESSAGE, makeEngine, type TestEngine } from '../../helpers/lab.js';
import { type PythonProc, pythonScriptPath, spawnPython } from '../../helpers/python.js';

// The lab's own scripts, pointed at socklab (and socklab pointed at them).
const hasScripts =
  existsSync(pythonScriptPath('servidor.py')) && existsSync(pythonScriptPath('cliente.py'));
const hasPython = spawnSync('python3', ['--version']).status === 0;
const why = !hasScripts ? 'test/python/*.py missing' : !hasPython ? 'python3 unavailable' : '';
if (why) console.log(`skipping python interop: ${why}`);

let t: TestEngine | null = null;
const children: PythonProc[] = [];

afterEach(async () => {
  await t?.close();
  t = null;
  for (const c of children.splice(0)) c.kill();
});

function py(script: 'cliente.py' | 'servidor.py', args: string[]) {
  const p = spawnPython(script, args);
  children.push(p);
  return p;
}

describe.skipIf(why !== '')('interop with the lab’s Python scripts', () => {
  it('cliente.py → socklab listener at buffer 5: reads 5,5,5,5,5,3 from its ephemeral port', async () => {
    t = makeEngine({ bufferSize: 5 });
    const lab = t;
    const port = await lab.listenAndWait();
    const cli = py('cliente.py', ['127.0.0.1', String(port)]);
    expect(await cli.exited).toBe(0);
    expect(cli.lines).toEqual([expect.stringMatching(/^PORT \d+$/), 'SENT 28', 'CLOSED']);
    const ephemeral = Number(cli.lines[0].split(' ')[1]);
    const c = await lab.until((s) => s.connections.find((x) => x.bytesIn === 28 && x.closedAt));
    expect(c.peer).toEqual({ address: '127.0.0.1', port: ephemeral });
    expect(c.recentReads.map((r) => r.size)).toEqual([5, 5, 5, 5, 5, 3]);
    const text = c.recentReads.map((r) => Buffer.from(r.preview).toString()).join('');
    expect(text).toBe(LAB_MESSAGE);
    expect(c.state).toBe('closed');
  });

  it('cliente.py --count 3: three connections from three different ephemeral ports', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    const cli = py('cliente.py', ['127.0.0.1', String(port), '--count', '3']);
    expect(await cli.exited).toBe(0);
    const ports = cli.lines.filter((l) => l.startsWith('PORT ')).map((l) => Number(l.slice(5)));
    expect(new Set(ports).size).toBe(3);
    const s = await lab.until((x) => x.connections.filter((c) => c.closedAt).length === 3 && x);
    expect(s.connections.map((c) => c.peer.port)).toEqual(ports);
    expect(s.connections.map((c) => c.bytesIn)).toEqual([28, 28, 28]);
  });

  it('socklab client → servidor.py --buffer 5: it prints READ 5 five times, then READ 3', async () => {
    const srv = py('servidor.py', ['127.0.0.1', '0', '--buffer', '5', '--once']);
    const port = Number((await srv.waitForLine(/^LISTENING (\d+)$/))[1]);
    t = makeEngine();
    const lab = t;
    const cid = lab.engine.connect('127.0.0.1', port);
    const c = await lab.until((s) => s.connections.find((x) => x.id === cid && x.state === 'open'));
    await srv.waitForLine(/^ACCEPTED /);
    expect(srv.lines).toContain(`ACCEPTED ${c.local.port}`);
    lab.engine.send(cid, Buffer.from(LAB_MESSAGE));
    await srv.waitForLines(/^READ /, 6);
    const reads = srv.lines.filter((l) => l.startsWith('READ '));
    expect(reads.map((l) => Number(l.split(' ')[1]))).toEqual([5, 5, 5, 5, 5, 3]);
    expect(reads[0]).toBe("READ 5 b'Estou'");
    lab.engine.close(cid);
    expect(await srv.exited).toBe(0);
    expect(srv.lines.at(-1)).toBe('CLOSED');
    await lab.until((s) => s.connections.find((x) => x.id === cid && x.state === 'closed'));
  });

  it('socklab client → servidor.py --echo: the echoed 28 bytes are client reads', async () => {
    const srv = py('servidor.py', ['127.0.0.1', '0', '--echo', '--once']);
    const port = Number((await srv.waitForLine(/^LISTENING (\d+)$/))[1]);
    t = makeEngine();
    const lab = t;
    const cid = lab.engine.connect('127.0.0.1', port);
    await lab.until((s) => s.connections.find((x) => x.id === cid && x.state === 'open'));
    lab.engine.send(cid, Buffer.from(LAB_MESSAGE));
    const c = await lab.until((s) => s.connections.find((x) => x.id === cid && x.bytesIn === 28));
    expect(c.kind).toBe('client');
    expect(c.bytesOut).toBe(28);
    const text = c.recentReads.map((r) => Buffer.from(r.preview).toString()).join('');
    expect(text).toBe(LAB_MESSAGE);
    expect(c.recentReads.every((r) => r.conn === cid)).toBe(true);
    expect(lab.snap().totals).toMatchObject({ bytesIn: 28, bytesOut: 28 });
    expect(srv.lines).toContain(`READ 28 b'${LAB_MESSAGE}'`);
  });
});
