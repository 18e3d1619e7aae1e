// The kernel's view of UDP on real sockets (/proc/net/udp): a Python server that never reads
// has its datagrams waiting in rx_queue and, its receive buffer small, the rest dropped — the
// ports view shows it with its owner beside socklab's own UDP socket; socklab's own socket
// gets its queue and drops on its record.

import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { explainError } from '../../../src/i18n/explainError.js';
import { setLang } from '../../../src/i18n/i18n.js';
import { udpPortExplain } from '../../../src/i18n/udpText.js';
import { sampleUdp } from '../../../src/udp/procNetUdp.js';
import { makeEngine, type TestEngine } from '../../helpers/lab.js';
import { type PythonProc, spawnPython } from '../../helpers/python.js';
import { udpBound, udpOf } from '../../helpers/udp.js';

const linux = process.platform === 'linux' && sampleUdp() !== null;
const hasPython = spawnSync('python3', ['--version']).status === 0;
let t: TestEngine | null = null;
let mute: PythonProc | null = null;
afterEach(async () => {
  setLang('en');
  mute?.kill();
  mute = null;
  await t?.close();
  t = null;
});

async function flood(port: number, count: number, size: number): Promise<void> {
  const s = dgram.createSocket('udp4');
  for (let i = 0; i < count; i++) {
    await new Promise<void>((r) => s.send(Buffer.alloc(size, 66), port, '127.0.0.1', () => r()));
  }
  await new Promise<void>((r) => s.close(() => r()));
}

describe.skipIf(!linux || !hasPython)('UDP in /proc/net/udp', () => {
  it('a Python server that never reads: rx_queue holds its datagrams, the kernel drops the rest; the ports view names it', async () => {
    t = makeEngine();
    const lab = t;
    mute = spawnPython('udp_mudo.py', ['4096']);
    const port = Number((await mute.waitForLine(/^PORT (\d+)$/))[1]);
    await flood(port, 200, 1000);
    const [k] = sampleUdp(new Set([port])) ?? [];
    expect(k.local).toEqual({ address: '127.0.0.1', port });
    expect(k.rxQueue).toBeGreaterThan(0);
    expect(k.drops).toBeGreaterThan(0);
    // socklab's own UDP socket on its own port, and the Python one, in the ports view.
    const own = await udpBound(lab);
    const mine = lab.engine.udp.kernel.ports(own.port) ?? [];
    expect(mine).toEqual([expect.objectContaining({ mine: own.id })]);
    const theirs = lab.engine.udp.kernel.ports(port) ?? [];
    expect(theirs).toHaveLength(1);
    expect(theirs[0].mine).toBeNull();
    expect(theirs[0].owner).toMatchObject({ pid: mute.proc.pid, name: 'python3' });
    expect(theirs[0].socket.drops).toBeGreaterThanOrEqual(k.drops);
    // Its sentence there groups the bytes waiting like every figure on screen (one 1000 B
    // datagram already takes more than 1000 B of the queue).
    expect(theirs[0].socket.rxQueue).toBeGreaterThanOrEqual(1000);
    setLang('pt-BR');
    expect(udpPortExplain(theirs[0])).toMatch(
      /^\d{1,3}(\.\d{3})+ B de datagramas esperando · \d{1,3}(\.\d{3})* datagramas descartados/,
    );
    setLang('en');
    expect(udpPortExplain(theirs[0])).toMatch(/^\d{1,3}(,\d{3})+ B of datagrams waiting · /);
  });

  it('socklab’s own UDP socket: the record carries the kernel’s receive queue and drops', async () => {
    t = makeEngine();
    const lab = t;
    const { id, port } = await udpBound(lab);
    lab.engine.udp.kernel.tick();
    expect(udpOf(lab.snap(), id)?.kernel).toEqual({ rxQueue: 0, drops: 0 });
    await flood(port, 5, 100);
    await lab.until((s) => (udpOf(s, id)?.datagramsIn ?? 0) === 5);
    lab.engine.udp.kernel.tick();
    const [k] = sampleUdp(new Set([port])) ?? [];
    expect(udpOf(lab.snap(), id)?.kernel).toEqual({ rxQueue: k.rxQueue, drops: k.drops });
  });

  it('EADDRINUSE names who holds the UDP port: the Python process, or socklab’s own socket', async () => {
    t = makeEngine();
    const lab = t;
    mute = spawnPython('udp_mudo.py', ['4096']);
    const port = Number((await mute.waitForLine(/^PORT (\d+)$/))[1]);
    const failedOn = async (p: number) => {
      const id = lab.engine.udp.open('127.0.0.1', p);
      const u = await lab.until((s) => {
        const v = udpOf(s, id);
        return v?.state === 'failed' ? v : undefined;
      });
      return u.error as NonNullable<typeof u.error>;
    };
    const theirs = await failedOn(port);
    expect(theirs.holder).toMatchObject({ pid: mute.proc.pid, name: 'python3', state: 'UNCONN' });
    expect(explainError(theirs)).toMatch(
      new RegExp(
        `^127\\.0\\.0\\.1:${port} is held by python3 \\(pid ${mute.proc.pid}: .*udp_mudo\\.py 4096\\), UNCONN`,
      ),
    );
    const own = await udpBound(lab);
    const mine = await failedOn(own.port);
    expect(mine.holder).toMatchObject({ pid: process.pid, udp: own.id });
    expect(explainError(mine)).toContain(`is held by this socklab, udp #${own.id}, UNCONN`);
    // NDJSON's udp-bind-error carries it too.
    const ev = lab.events.filter((e) => e.type === 'udp-bind-error');
    expect(ev.at(-1)).toMatchObject({ holder: { udp: own.id } });
  });
});
