// Who holds a port when IPv4 and IPv6 sockets share its number: 0.0.0.0 holds every IPv4
// address and not ::1; [::] (dual-stack, as Node and Python bind it) holds both. Real sockets
// in Python processes (other pids than socklab's), loopback only.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { overlaps } from '../../../src/kernel/portHolder.js';
import { makeEngine, type TestEngine } from '../../helpers/lab.js';
import { udpOf } from '../../helpers/udp.js';

const linux = process.platform === 'linux';
const hasPython = spawnSync('python3', ['--version']).status === 0;
const hasV6 =
  spawnSync('python3', ['-c', 'import socket; socket.socket(socket.AF_INET6).bind(("::1", 0))'])
    .status === 0;

let t: TestEngine | null = null;
const kids: ChildProcess[] = [];
afterEach(async () => {
  await t?.close();
  t = null;
  for (const k of kids.splice(0)) k.kill('SIGKILL');
});

/** A Python process holding `host`:`port` (0: any) with a TCP listener or a UDP socket; its port. */
function hold(
  kind: 'tcp' | 'udp',
  host: string,
  port: number,
): Promise<{ pid: number; port: number }> {
  const fam = host.includes(':') ? 'AF_INET6' : 'AF_INET';
  const type = kind === 'tcp' ? 'SOCK_STREAM' : 'SOCK_DGRAM';
  const code = [
    'import socket, sys',
    `s = socket.socket(socket.${fam}, socket.${type})`,
    `s.bind((${JSON.stringify(host)}, ${port}))`,
    kind === 'tcp' ? 's.listen()' : '',
    'print(s.getsockname()[1], flush=True)',
    'sys.stdin.read()',
  ].join('\n');
  const k = spawn('python3', ['-c', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  kids.push(k);
  return new Promise((resolve, reject) => {
    k.stdout?.once('data', (d: Buffer) =>
      resolve({ pid: k.pid as number, port: Number(String(d)) }),
    );
    k.once('exit', (c) => reject(new Error(`python exited ${c}`)));
  });
}

describe('which bound address stands in the way of which', () => {
  it('0.0.0.0 holds IPv4 only; [::] holds both; specific addresses only themselves', () => {
    expect(overlaps('0.0.0.0', '127.0.0.1')).toBe(true);
    expect(overlaps('0.0.0.0', '::1')).toBe(false);
    expect(overlaps('127.0.0.1', '::1')).toBe(false);
    expect(overlaps('::', '127.0.0.1')).toBe(true);
    expect(overlaps('::', '::1')).toBe(true);
    expect(overlaps('::1', '::')).toBe(true);
    expect(overlaps('0.0.0.0', '::')).toBe(true);
    expect(overlaps('::ffff:127.0.0.1', '127.0.0.1')).toBe(true);
    expect(overlaps('127.0.0.2', '127.0.0.1')).toBe(false);
  });
});

describe.skipIf(!linux || !hasPython || !hasV6)('the holder named for a bind to [::1]', () => {
  it('UDP: the [::1] socket, not the 0.0.0.0 one on the same port', async () => {
    const v4 = await hold('udp', '0.0.0.0', 0);
    const v6 = await hold('udp', '::1', v4.port);
    t = makeEngine();
    const lab = t;
    const id = lab.engine.udp.open('::1', v4.port);
    const u = await lab.until((s) => {
      const v = udpOf(s, id);
      return v?.state === 'failed' ? v : undefined;
    });
    expect(u.error?.holder).toMatchObject({ pid: v6.pid });
  });

  it('TCP: the [::1] listener, not the 0.0.0.0 one on the same port', async () => {
    const v4 = await hold('tcp', '0.0.0.0', 0);
    const v6 = await hold('tcp', '::1', v4.port);
    t = makeEngine();
    const lab = t;
    const id = lab.engine.listen('::1', v4.port);
    const l = await lab.until((s) => {
      const x = s.listeners.find((y) => y.id === id);
      return x?.state === 'failed' ? x : undefined;
    });
    expect(l.error?.holder).toMatchObject({ pid: v6.pid, state: 'LISTEN' });
  });
});
