// HTTP through the proxy: `python3 -m http.server` serves a generated 5 MB file; Node's http
// client fetches it through socklab. The bytes are identical (sha256) and the pair's
// timeline tells the request (→) and the response (←) in order.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { timelineRows } from '../../../src/ui/readRows.js';
import { type TestEngine, waitFor } from '../../helpers/lab.js';
import { makeEngine, proxyTo } from '../../helpers/proxy.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;
let t: TestEngine | null = null;
const cleanup: (() => void)[] = [];
afterEach(async () => {
  await t?.close();
  t = null;
  for (const f of cleanup.splice(0)) f();
});

function httpServer(dir: string): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '0'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanup.push(() => proc.kill());
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return waitFor(() => /port (\d+)/.exec(out)).then((m) => ({ proc, port: Number(m[1]) }));
}

function get(port: number, file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: `/${file}`, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!hasPython)('HTTP through the proxy', () => {
  it('a 5 MB file from python3 -m http.server: same sha256, request and response on the timeline', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'socklab-http-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const body = randomBytes(5 * 1024 * 1024);
    writeFileSync(path.join(dir, 'five.bin'), body);
    const srv = await httpServer(dir);
    // A ring long enough for every read of the response (the dashboard keeps the last 200).
    t = makeEngine({ bufferSize: 65536, readRing: 20_000 });
    const lab = t;
    const p = await proxyTo(lab, srv.port);
    const got = await get(p.port, 'five.bin');
    expect(got.length).toBe(body.length);
    expect(sha(got)).toBe(sha(body));
    const s = await lab.until(
      (x) => x.connections.length === 2 && x.connections.every((c) => c.closedAt) && x,
    );
    const acc = s.connections.find((c) => c.proxy?.role === 'accepted');
    const up = s.connections.find((c) => c.proxy?.role === 'upstream');
    if (!acc || !up) throw new Error('no pair');
    // Every byte of the response read from the server was written to the client.
    expect(up.bytesIn).toBe(acc.bytesOut);
    expect(up.bytesIn).toBeGreaterThan(body.length);
    expect(acc.bytesIn).toBe(up.bytesOut);
    const rows = timelineRows([acc, up], false, 120).map((r) => r.text);
    const request = rows.findIndex((r) => /→ +[\d,]+ B {2}"GET \/five\.bin HTTP\/1\.1/.test(r));
    const response = rows.findIndex((r) => /← +[\d,]+ B {2}"HTTP\/1\.0 200 OK/.test(r));
    expect(request, rows.slice(0, 12).join('\n')).toBeGreaterThanOrEqual(0);
    expect(response).toBeGreaterThan(request);
  }, 30_000);
});
