// A slow target never makes the proxy buffer without limit: the real CLI (headless, its own
// process) relays a client that would send 200 MB to a target reading 1 MB/s. For a few
// seconds socklab's RSS stays within 50 MB of where it started and the client is blocked by
// TCP (its writes wait), because a backed-up leg stops the other leg's reading until 'drain'.
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { cliPath, repoRoot } from './pty.js';

const MB = 1024 * 1024;
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

const rss = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function socklab(args: string[]): { proc: ChildProcess; line: (re: RegExp) => Promise<string> } {
  const devNull = openSync('/dev/null', 'r');
  const proc = spawn(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, LANG: 'C.UTF-8' },
    stdio: [devNull, 'pipe', 'pipe'],
  });
  cleanup.push(() => proc.kill('SIGKILL'));
  let out = '';
  proc.stdout?.setEncoding('utf8');
  proc.stdout?.on('data', (c: string) => {
    // Only the head matters: keep memory bounded whatever it prints.
    if (out.length < 1e6) out += c;
  });
  const line = async (re: RegExp) => {
    for (let i = 0; i < 400; i++) {
      const hit = out.split('\n').find((l) => re.test(l));
      if (hit) return hit;
      await sleep(25);
    }
    throw new Error(`no line ${re} in:\n${out}`);
  };
  return { proc, line };
}

it.skipIf(process.platform !== 'linux')(
  'client → proxy → target reading 1 MB/s: RSS grows < 50 MB and the client blocks',
  async () => {
    // The target reads about 1 MB a second: 64 KiB, then a pause of 62.5 ms.
    let received = 0;
    const slow = net.createServer((s) => {
      s.on('data', (d: Buffer) => {
        received += d.length;
        s.pause();
        setTimeout(() => s.resume(), (d.length / MB) * 1000);
      });
    });
    cleanup.push(() => slow.close());
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const tport = (slow.address() as net.AddressInfo).port;
    const { proc, line } = socklab([
      '--headless',
      '--json',
      '-b',
      '65536',
      '--proxy',
      `127.0.0.1:0=127.0.0.1:${tport}`,
    ]);
    const listening = JSON.parse(await line(/"type":"listening"/)) as { port: number };
    const pid = proc.pid as number;
    const client = net.connect({ host: '127.0.0.1', port: listening.port });
    cleanup.push(() => client.destroy());
    await new Promise((r) => client.once('connect', r));
    await line(/"type":"proxy-opened"/);
    const before = rss(pid);
    const TOTAL = 200 * MB;
    const block = Buffer.alloc(64 * 1024, 0x61);
    let queued = 0;
    let lastDrain = Date.now();
    const pump = () => {
      while (queued < TOTAL) {
        queued += block.length;
        if (!client.write(block)) return;
      }
    };
    client.on('drain', () => {
      lastDrain = Date.now();
      pump();
    });
    pump();
    let peak = before;
    // Bounded in time: 4 s of a 200 s transfer, sampled every 100 ms.
    for (let i = 0; i < 40; i++) {
      await sleep(100);
      peak = Math.max(peak, rss(pid));
    }
    const accepted = client.bytesWritten - client.writableLength;
    const blockedFor = Date.now() - lastDrain;
    console.log(
      `proxy RSS ${(before / MB).toFixed(1)} → peak ${(peak / MB).toFixed(1)} MB; client handed the kernel ${(accepted / MB).toFixed(1)} MB, target read ${(received / MB).toFixed(1)} MB; last drain ${blockedFor} ms ago`,
    );
    expect(peak - before).toBeLessThan(50 * MB);
    // Blocked: far from done, most of it still waiting in the client's own buffer.
    expect(queued - accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(TOTAL / 4);
    // What is in flight (kernel buffers both sides + socklab's bounded holds) stays small.
    expect(accepted - received).toBeLessThan(64 * MB);
    expect(received).toBeGreaterThan(MB);
  },
  20_000,
);
