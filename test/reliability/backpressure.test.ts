// Backpressure (issue 13 item 1): an echo listener and a peer that sends as fast as TCP lets
// it and never reads. socklab must stop reading once its write buffer is full, so TCP blocks
// the sender and socklab's memory stays flat; once the peer reads, every byte comes back.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type PythonProc, spawnPython } from '../helpers/python.js';
import { disposeAll, type Json, listeningPort, sleep, spawnCli } from './helpers.js';

const SECONDS = 30;
const SAMPLE_EVERY_S = 5;
const MB = 1e6;
/**
 * The flood stops early past this RSS growth: the fix failed, and the machine is shared.
 * Raise it (SOCKLAB_BACKPRESSURE_CAP_MB) only to take the full "before" figures.
 */
const SAFETY_CAP = Number(process.env.SOCKLAB_BACKPRESSURE_CAP_MB ?? 2000) * MB;

vi.setConfig({ testTimeout: (SECONDS + 90) * 1000, hookTimeout: 30_000 });

const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) console.log('skipping backpressure: python3 unavailable');

const pythons: PythonProc[] = [];
afterAll(async () => {
  for (const p of pythons) p.kill('SIGKILL');
  await disposeAll();
});

function rssBytes(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}

const lastSent = (py: PythonProc) => {
  for (let i = py.lines.length - 1; i >= 0; i--) {
    const m = py.lines[i].match(/^SENT (\d+)$/);
    if (m) return Number(m[1]);
  }
  return 0;
};

interface Sample {
  at: number;
  rss: number;
  sent: number;
}

const mb = (n: number) => (n / MB).toFixed(1);

describe.skipIf(!hasPython)('a peer that never reads (SO_RCVBUF 4096, 64 KiB sends)', () => {
  it(`for ${SECONDS} s: RSS growth under 50 MB, the sender blocks, then Σ echoed == Σ read`, async () => {
    // -b 65536: one NDJSON line per 64 KiB read, so that on a failing build (GBs echoed)
    // this process does not hold millions of lines. The buffering is the same at any -b.
    const cli = spawnCli(['--headless', '--json', '--echo', '-b', '65536', '-l', '127.0.0.1:0']);
    const pid = cli.proc.pid as number;
    const port = await listeningPort(cli);
    const py = spawnPython('flood.py', ['127.0.0.1', String(port), '--seconds', String(SECONDS)]);
    pythons.push(py);
    await py.waitForLine(/^PORT \d+$/);
    const acc = await cli.waitForEvent((e) => e.type === 'accepted');
    const conn = acc.connection as number;

    const start = Date.now();
    const samples: Sample[] = [];
    let capped = false;
    // Checked every 250 ms against the cap, recorded every SAMPLE_EVERY_S.
    for (let i = 0; i <= SECONDS / SAMPLE_EVERY_S && !capped; i++) {
      const due = start + i * SAMPLE_EVERY_S * 1000;
      while (Date.now() < due && !capped) {
        await sleep(Math.min(250, due - Date.now()));
        capped = samples.length > 0 && rssBytes(pid) - samples[0].rss > SAFETY_CAP;
      }
      samples.push({ at: (Date.now() - start) / 1000, rss: rssBytes(pid), sent: lastSent(py) });
    }
    const report = () =>
      samples
        .map((s) => `${s.at.toFixed(1)} s: RSS ${mb(s.rss)} MB, peer sent ${mb(s.sent)} MB`)
        .join('\n');
    if (capped) {
      py.kill('SIGKILL');
      throw new Error(`RSS grew past ${mb(SAFETY_CAP)} MB; flood stopped\n${report()}`);
    }
    const done = Number((await py.waitForLine(/^DONE (\d+)$/, 20_000))[1]);
    const blocked = cli.events().find((e) => e.type === 'write-blocked' && e.connection === conn);

    py.writeLine(); // now read everything
    const read = Number((await py.waitForLine(/^READ (\d+)$/, 60_000))[1]);
    await py.waitForLine(/^CLOSED$/, 10_000);
    const closed = await cli.waitForEvent((e) => e.type === 'closed' && e.connection === conn);
    const rssAfterClose = rssBytes(pid);
    const events = cli.events();
    const echoed = events
      .filter((e): e is Json & { bytes: number } => e.type === 'sent' && e.connection === conn)
      .reduce((n, e) => n + e.bytes, 0);
    const growth = Math.max(...samples.map((s) => s.rss)) - samples[0].rss;
    const lastTen = samples.filter((s) => s.at >= SECONDS - 10 - 0.5);
    const sentLastTen = (lastTen.at(-1)?.sent ?? 0) - (lastTen[0]?.sent ?? 0);
    console.log(
      [
        `backpressure figures (${SECONDS} s, sampled every ${SAMPLE_EVERY_S} s):`,
        report(),
        `peer sent ${done} B in total (${mb(done)} MB); in the last 10 s: ${sentLastTen} B`,
        `write-blocked: ${blocked ? JSON.stringify(blocked) : 'never'}`,
        `peer read ${read} B; socklab echoed ${echoed} B (sent events), closed bytesIn ${closed.bytesIn} bytesOut ${closed.bytesOut}`,
        `RSS after the client closed: ${mb(rssAfterClose)} MB (growth max ${mb(growth)} MB)`,
      ].join('\n'),
    );

    expect(growth).toBeLessThan(50 * MB);
    // Blocked by TCP: nothing more left the peer in the last 10 s of sending.
    expect(sentLastTen).toBe(0);
    expect(blocked?.waiting).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'write-unblocked' && e.connection === conn)).toBe(true);
    // Exact: every byte sent came back, counted once when it was written.
    expect(closed.bytesIn).toBe(done);
    expect(read).toBe(done);
    expect(echoed).toBe(done);
    expect(closed.bytesOut).toBe(done);
  });
});
