// Issue 13 item 3: headless output into a pipe whose reader has gone (`socklab --headless |
// head -1`). The Unix convention: EPIPE on stdout ends the program quietly, exit 0, here with
// every socket closed cleanly. With --log the events still have somewhere to go, so socklab
// keeps serving and stops printing. The reader here is the test: it reads the first lines,
// then closes its end of the pipe, as `head -1` does when it exits.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  cliPath,
  connectRaw,
  disposeAll,
  ENGLISH,
  readNdjson,
  repoRoot,
  spawnCli,
  tmpDir,
  track,
  until,
  whenClosed,
  writeAll,
} from './helpers.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });
afterAll(disposeAll);

/** The listener's port from the first lines: plain ("... on 127.0.0.1:P") or NDJSON. */
function portIn(lines: string[]): number | undefined {
  for (const l of lines) {
    const json = l.startsWith('{') ? (JSON.parse(l) as { type: string; port: number }) : null;
    if (json?.type === 'listening') return json.port;
    const m = / listening +listener 1 on 127\.0\.0\.1:(\d+)/.exec(l);
    if (m) return Number(m[1]);
  }
  return undefined;
}

describe.concurrent.each([
  ['plain lines', []],
  ['--json', ['--json']],
])('headless %s, stdout closed by its reader', (_name, format) => {
  it('without --log: exit 0, nothing on stderr, the open connection closed cleanly (FIN)', async () => {
    const child = spawnCli(['--headless', ...format, '-l', '127.0.0.1:0']);
    const port = await until(() => portIn(child.lines));
    const peer = track(await connectRaw(port));
    let reset: Error | null = null;
    peer.on('error', (e) => (reset = e));
    let fin = false;
    peer.on('end', () => (fin = true));
    peer.resume(); // 'end' comes once everything before the FIN has been read
    await child.waitForLine((l) => l.includes('accepted'));
    // `head -1` exits: the read end of socklab's stdout is closed.
    child.proc.stdout.destroy();
    // The next event is a line socklab cannot write: the peer sends, socklab reads.
    await writeAll(peer, Buffer.from('after the reader left'));
    const exit = await child.exited;
    console.log(`${_name}: exit ${JSON.stringify(exit)}, stderr ${JSON.stringify(child.stderr())}`);
    expect(child.stderr()).toBe('');
    expect(exit).toEqual({ code: 0, signal: null });
    await until(() => fin || reset, 10_000);
    expect(reset).toBeNull();
    expect(fin).toBe(true);
  });

  it('with --log: keeps serving, stops printing; the log has every event; SIGTERM → exit 0', async () => {
    const log = path.join(tmpDir(), 'events.ndjson');
    const child = spawnCli(['--headless', ...format, '--log', log, '-l', '127.0.0.1:0']);
    const port = await until(() => portIn(child.lines));
    child.proc.stdout.destroy();
    // Two connections after the reader left: the first makes the failing write, the
    // second shows socklab still accepts, reads and counts.
    for (const text of ['first after EPIPE', 'second after EPIPE']) {
      const s = track(await connectRaw(port));
      await writeAll(s, Buffer.from(text));
      s.end();
      await whenClosed(s);
    }
    await until(() => readNdjson(log).filter((e) => e.type === 'closed').length === 2, 10_000);
    child.signal('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.stderr()).toBe('');
    const closed = readNdjson(log).filter((e) => e.type === 'closed');
    expect(closed.map((e) => e.bytesIn)).toEqual([17, 18]);
  });
});

it('a real `socklab --headless --json | head -1`: socklab exits 0 at its next line', () => {
  // head prints the first line (the listening event, with the port) and exits; a client
  // then connects, and socklab's next line meets the closed pipe.
  const dir = tmpDir();
  const script = [
    `(node ${cliPath} --headless --json -l 127.0.0.1:0 2>${dir}/err; echo $? >${dir}/status) | head -1 >${dir}/first &`,
    `for i in $(seq 200); do [ -s ${dir}/first ] && break; sleep 0.05; done`,
    `node -e "const p=JSON.parse(require('fs').readFileSync('${dir}/first','utf8')).port;const s=require('net').connect(p,'127.0.0.1',()=>s.end('x'));s.on('error',()=>{})"`,
    'wait',
    `echo "socklab exit $(cat ${dir}/status), stderr: $(cat ${dir}/err)"`,
  ].join('\n');
  const r = spawnSync('bash', ['-c', script], { cwd: repoRoot, timeout: 20_000, encoding: 'utf8' });
  console.log(`| head -1: ${r.stdout.trim()}`);
  expect(r.stdout.trim()).toBe('socklab exit 0, stderr:');
});

it('stdout that fails otherwise (> /dev/full: ENOSPC): said once on stderr, exit 1', async () => {
  const full = fs.openSync('/dev/full', 'w');
  const p = spawn(process.execPath, [cliPath, '--headless', '-l', '127.0.0.1:0'], {
    cwd: repoRoot,
    env: { ...process.env, ...ENGLISH },
    stdio: ['ignore', full, 'pipe'],
  });
  fs.closeSync(full);
  let stderr = '';
  p.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => p.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((r) => p.on('close', (c) => r(c)));
  clearTimeout(timer);
  console.log(`> /dev/full: exit ${code}, stderr ${JSON.stringify(stderr)}`);
  expect(code).toBe(1);
  expect(stderr).toBe(
    'socklab: cannot write to standard output (ENOSPC: no space left on the device): stopping\n',
  );
});
