// UDP on real sockets: one sendto() is one datagram, received whole; what recvfrom(N) would
// keep is computed from it — and a real Python recvfrom(N) confirms the OS does just that.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { recvfromText } from '../../../src/i18n/udpText.js';
import { ndjsonTap } from '../../../src/log/eventRecord.js';
import { LAB_MESSAGE, makeEngine, type TestEngine } from '../../helpers/lab.js';
import { type PythonProc, spawnPython } from '../../helpers/python.js';
import { udpBound, udpOf } from '../../helpers/udp.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) console.log('skipping UDP Python tests: python3 unavailable');

let t: TestEngine | null = null;
const children: PythonProc[] = [];
afterEach(async () => {
  await t?.close();
  t = null;
  for (const c of children.splice(0)) c.kill();
});
const py = (script: 'udp_cliente.py' | 'udp_recvfrom.py', args: string[]) => {
  const p = spawnPython(script, args);
  children.push(p);
  return p;
};

describe.skipIf(!hasPython)('UDP datagrams keep their boundaries', () => {
  it('the lab’s Python sendto() of 28 B → one datagram of 28 from its port, kept 5 at -b 5, 23 discarded', async () => {
    t = makeEngine({ bufferSize: 5 });
    const lab = t;
    const lines: string[] = [];
    lab.store.tap(ndjsonTap((l) => lines.push(l)));
    const { id, port } = await udpBound(lab);
    const cli = py('udp_cliente.py', ['127.0.0.1', String(port)]);
    expect(await cli.exited).toBe(0);
    const local = Number(cli.lines[0].split(' ')[1]);
    expect(cli.lines[1]).toBe('SENT 28');
    const u = await lab.until((s) => {
      const v = udpOf(s, id);
      return v && v.datagramsIn > 0 ? v : undefined;
    });
    expect(u.datagramsIn).toBe(1);
    expect(u.bytesIn).toBe(28);
    expect(u.peers).toEqual([
      expect.objectContaining({ address: '127.0.0.1', port: local, datagrams: 1, bytes: 28 }),
    ]);
    const d = u.datagrams[0];
    expect(d).toMatchObject({ bytes: 28, buffer: 5, from: { address: '127.0.0.1', port: local } });
    expect(recvfromText(d.bytes, d.buffer, d.preview, 'linux')).toBe(
      'recvfrom(5) returns 5 B "Estou", 23 B discarded',
    );
    const rec = lines.map((l) => JSON.parse(l)).find((r) => r.type === 'datagram');
    expect(rec).toMatchObject({
      socket: id,
      from: { address: '127.0.0.1', port: local },
      bytes: 28,
      buffer: 5,
      kept: 5,
      discarded: 23,
      preview: 'Estou',
    });
    expect(lines.map((l) => JSON.parse(l).type)).toContain('udp-listening');
  });

  it('a Python recvfrom(5) on its own socket gets what the screen says: 5 B "Estou", the rest is gone', async () => {
    t = makeEngine({ bufferSize: 5 });
    const lab = t;
    const server = py('udp_recvfrom.py', ['5']);
    const [, port] = await server.waitForLine(/^PORT (\d+)$/);
    const id = lab.engine.udp.client('127.0.0.1', Number(port), { send: Buffer.from(LAB_MESSAGE) });
    // Two datagrams: the second shows the next recvfrom() reads the next datagram, not the rest.
    await lab.until((s) => (udpOf(s, id)?.datagramsOut ?? 0) >= 1);
    expect(lab.engine.udp.send(id, Buffer.from('segundo'))).toBe('sent');
    const got = await server.waitForLines(/^GOT (\d+) ([0-9a-f]*) FROM (\d+)$/, 2);
    expect(Buffer.from(got[0][2], 'hex').toString()).toBe('Estou');
    expect(Buffer.from(got[1][2], 'hex').toString()).toBe('segun');
    // What the screen computes for that datagram matches what Python got.
    const shown = recvfromText(LAB_MESSAGE.length, 5, Buffer.from(LAB_MESSAGE), 'linux');
    expect(shown).toContain(`returns ${got[0][1]} B "${Buffer.from(got[0][2], 'hex')}"`);
    expect(shown).toContain(`${LAB_MESSAGE.length - Number(got[0][1])} B discarded`);
    expect(Number(got[0][3])).toBe(udpOf(lab.snap(), id)?.boundPort);
  });

  it('IPv6: a socket on [::1] gets a datagram from ::1', async () => {
    t = makeEngine({ bufferSize: 1024 });
    const lab = t;
    const { id, port } = await udpBound(lab, '::1');
    const cli = py('udp_cliente.py', ['::1', String(port), '--message', 'olá v6']);
    expect(await cli.exited).toBe(0);
    const local = Number(cli.lines[0].split(' ')[1]);
    const u = await lab.until((s) => {
      const v = udpOf(s, id);
      return v && v.datagramsIn > 0 ? v : undefined;
    });
    expect(u.boundAddress).toBe('::1');
    expect(u.datagrams[0]).toMatchObject({ bytes: 7, from: { address: '::1', port: local } });
    expect(recvfromText(7, 1024, u.datagrams[0].preview, 'linux')).toBe(
      'recvfrom(1024) returns all 7 B "ol\\xc3\\xa1 v6"',
    );
  });
});
