// The engine in a real worker thread, driven as the dashboard drives it: commands as messages,
// snapshots as deltas. Counts stay exact across the boundary; only watched connections bring
// their read rings; a full snapshot (the report) brings every one.
import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src/cli/args.js';
import type { RunOptions } from '../../../src/session.js';
import type { Snapshot } from '../../../src/state/types.js';
import { startWorkerEngine, type WorkerEngine } from '../../../src/thread/workerLink.js';

let engine: WorkerEngine | null = null;
afterEach(async () => {
  await engine?.shutdown();
  engine = null;
});

function options(args: string[]): RunOptions {
  const parsed = parseCommandLine(args);
  if (!parsed.ok || parsed.value.command !== 'run') throw new Error('bad test args');
  return parsed.value;
}

async function until<T>(e: WorkerEngine, fn: (s: Snapshot) => T | null | undefined | false) {
  const end = Date.now() + 10_000;
  for (;;) {
    const v = fn(e.getSnapshot());
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(e.getSnapshot().totals)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function sendAll(port: number, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.end(bytes));
    s.on('error', reject);
    s.on('close', () => resolve());
    s.resume();
  });
}

it('commands cross as messages, counts stay exact, rings come only for watched connections', async () => {
  const crashes: Error[] = [];
  engine = startWorkerEngine(options(['-l', '127.0.0.1:0', '-b', '5']), null, 'en', (e) =>
    crashes.push(e),
  );
  const e = engine;
  const port = await until(e, (s) => s.listeners[0]?.boundPort);
  const message = Buffer.from('Estou enviando uma mensagem!');
  const rounds = 200;
  for (let i = 0; i < rounds; i++) await sendAll(port, message);
  const snap = await until(e, (s) =>
    s.totals.bytesIn === rounds * message.length && s.totals.accepted === rounds ? s : null,
  );
  // Every connection's reads were counted in the worker: 28 B at 5 B per read = 6 reads.
  expect(snap.totals.reads).toBe(rounds * 6);
  const conns = snap.connections.filter((c) => c.kind === 'accepted');
  expect(conns.every((c) => c.bytesIn === 28 && c.reads === 6)).toBe(true);
  // Nothing watched: rows and counters, no rings.
  expect(conns.every((c) => c.recentReads.length === 0)).toBe(true);
  const last = conns[conns.length - 1];
  e.watch([last.id]);
  const watched = await until(e, (s) =>
    s.connections.find((c) => c.id === last.id && c.recentReads.length > 0),
  );
  expect(watched.recentReads.map((r) => r.size)).toEqual([5, 5, 5, 5, 5, 3]);
  expect(e.getSnapshot().connections.filter((c) => c.recentReads.length > 0)).toHaveLength(1);
  // The report's snapshot: every connection still held, with its reads.
  const full = await e.fullSnapshot();
  const held = full.connections.filter((c) => c.kind === 'accepted');
  expect(held.length).toBeGreaterThan(1);
  expect(held.every((c) => c.recentReads.length === 6)).toBe(true);
  // A command with an answer: a client of socklab's own, seen in the snapshot by then.
  const id = await e.call('connect', '127.0.0.1', port);
  expect(e.getSnapshot().connections.some((c) => c.id === id)).toBe(true);
  await expect(e.call('setBufferSize', 0)).rejects.toThrow(/outside/);
  expect(crashes).toEqual([]);
}, 60_000);
