// `socklab --headless --json -u 127.0.0.1:0 -u [::1]:0 -b 5` as users run it (dist/cli.js, no
// terminal): NDJSON says udp-listening for both, and the lab's Python sendto() of 28 B is one
// `datagram` record — bytes 28, kept 5, discarded 23, preview "Estou" — over IPv4 and IPv6.
import { spawn, spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnPython } from '../helpers/python.js';
import { cliPath, repoRoot } from './pty.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;
let kill: (() => void) | null = null;
afterEach(() => kill?.());

describe.skipIf(!hasPython)('UDP headless NDJSON', () => {
  it('udp-listening on 127.0.0.1 and [::1]; a 28 B sendto is one datagram record kept 5 / discarded 23', async () => {
    const proc = spawn(
      process.execPath,
      [cliPath, '--headless', '--json', '-u', '127.0.0.1:0', '-u', '[::1]:0', '-b', '5'],
      { cwd: repoRoot, stdio: [openSync('/dev/null', 'r'), 'pipe', 'pipe'] },
    );
    kill = () => proc.kill('SIGKILL');
    const recs: Record<string, unknown>[] = [];
    let partial = '';
    proc.stdout?.setEncoding('utf8');
    proc.stdout?.on('data', (c: string) => {
      const parts = (partial + c).split('\n');
      partial = parts.pop() ?? '';
      for (const p of parts) if (p.startsWith('{')) recs.push(JSON.parse(p));
    });
    const until = async <T>(f: () => T | undefined, ms = 10_000): Promise<T> => {
      const end = Date.now() + ms;
      for (;;) {
        const v = f();
        if (v !== undefined) return v;
        if (Date.now() > end) throw new Error(`timed out; records: ${JSON.stringify(recs)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const bound = await until(() => {
      const l = recs.filter((r) => r.type === 'udp-listening');
      return l.length === 2 ? l : undefined;
    });
    expect(bound.map((b) => b.address)).toEqual(['127.0.0.1', '::1']);
    // No TCP listener: -u alone asks for UDP only.
    expect(recs.some((r) => r.type === 'listening')).toBe(false);
    for (const b of bound) {
      const host = b.address as string;
      const cli = spawnPython('udp_cliente.py', [host, String(b.port)]);
      expect(await cli.exited).toBe(0);
      const local = Number(cli.lines[0].split(' ')[1]);
      const d = await until(() =>
        recs.find((r) => r.type === 'datagram' && (r.from as { port: number }).port === local),
      );
      expect(d).toMatchObject({
        socket: b.socket,
        from: { address: host, port: local },
        bytes: 28,
        buffer: 5,
        kept: 5,
        discarded: 23,
        preview: 'Estou',
        truncated: false,
      });
    }
    proc.kill('SIGTERM');
    const code = await new Promise((r) => proc.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    expect(recs.filter((r) => r.type === 'udp-closed')).toHaveLength(2);
  });
});
