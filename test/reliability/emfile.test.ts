// Out of file descriptors: socklab headless under `prlimit --nofile=64`, 200 connections.
// EMFILE must be shown (NDJSON event with code EMFILE / a headless line), socklab keeps
// running, and accepts again once descriptors are free.
import { spawnSync } from 'node:child_process';
import type net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type Child,
  connectRaw,
  disposeChildren,
  listeningPort,
  sleep,
  spawnCli,
  until,
  writeAll,
} from './helpers.js';

// Generous bounds: the machine's two cores are shared with other suites.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;
const LIMIT = ['prlimit', '--nofile=64:64', '--'];
const socks: net.Socket[] = [];

afterEach(async () => {
  for (const s of socks.splice(0)) s.destroy();
  await disposeChildren();
});

/** Open `n` loopback connections, tolerating the ones socklab cannot take. */
async function flood(port: number, n: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.allSettled(
      Array.from({ length: Math.min(50, n - i) }, () => connectRaw(port)),
    );
    for (const r of batch) {
      if (r.status === 'fulfilled') {
        r.value.on('error', () => {});
        socks.push(r.value);
        ok++;
      }
    }
  }
  return ok;
}

async function recovers(child: Child, port: number, count: () => number) {
  for (const s of socks.splice(0)) s.destroy();
  await sleep(300); // socklab sees the closes and frees its descriptors
  const before = count();
  const s = await connectRaw(port);
  socks.push(s);
  await writeAll(s, Buffer.from('after EMFILE'));
  await until(
    () => count() > before,
    8000,
    () => child.lines.slice(-10).join('\n'),
  );
}

describe.skipIf(!hasPrlimit)('running out of file descriptors (prlimit --nofile=64)', () => {
  it('NDJSON: an EMFILE event, socklab keeps running and accepts again', async () => {
    const child = spawnCli(['--headless', '--json', '-l', '127.0.0.1:0'], LIMIT);
    const port = await listeningPort(child);
    const opened = await flood(port, 200);
    const e = await child.waitForEvent((x) => x.code === 'EMFILE', 10_000);
    expect(e.explanation).toMatch(/out of file descriptors/);
    expect(e.explanation).toMatch(/ulimit -n/);
    const acceptedBefore = child.events().filter((x) => x.type === 'accepted').length;
    expect(acceptedBefore).toBeLessThan(64);
    expect(child.proc.exitCode).toBeNull();
    await recovers(
      child,
      port,
      () => child.events().filter((x) => x.type === 'read' && x.preview === 'after EMFILE').length,
    );
    console.log(
      `fd limit 64: ${opened}/200 TCP connects completed, ${acceptedBefore} accepted, ` +
        `${child.events().filter((x) => x.code === 'EMFILE').length} EMFILE events; recovered`,
    );
    child.signal('SIGTERM');
    expect((await child.exited).code).toBe(0);
  }, 60_000);

  it('headless text: a line says EMFILE with the explanation', async () => {
    const child = spawnCli(['--headless', '-l', '127.0.0.1:0'], LIMIT);
    const line = await child.waitForLine((l) => / listening +listener 1 on /.test(l));
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(line)?.[1]);
    await flood(port, 200);
    const shown = await child.waitForLine((l) => l.includes('EMFILE'), 10_000);
    expect(shown).toMatch(/out of file descriptors/);
    expect(shown).toContain('—'); // our own text stays readable, not "\xe2\x80\x94"
    console.log(`headless shows: ${shown}`);
    await recovers(child, port, () => child.lines.filter((l) => l.includes('after EMFILE')).length);
    child.signal('SIGTERM');
    expect((await child.exited).code).toBe(0);
  }, 60_000);
});
