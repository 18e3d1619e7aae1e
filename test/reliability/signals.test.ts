// SIGTERM and SIGHUP to a `--log FILE` run, headless and dashboard: exit 0, every socket
// closed, and the NDJSON log complete (every line parses, ends with listener-closed/closed).
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  connectRaw,
  disposeAll,
  type Json,
  listeningPort,
  readNdjson,
  spawnCli,
  startTracked,
  tmpDir,
  track,
  until,
  writeAll,
} from './helpers.js';

// Generous bounds: the machine's two cores are shared with other suites.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

afterAll(disposeAll);

const MESSAGE = Buffer.from('signal me');

/** The log of a run with one listener and one open connection that sent MESSAGE. */
function checkLog(events: Json[]) {
  expect(events.length).toBeGreaterThan(4);
  for (const e of events) {
    expect(typeof e.type).toBe('string');
    expect(Number.isNaN(Date.parse(e.time as string))).toBe(false);
  }
  // One order for events and reads.
  const seqs = events.map((e) => e.seq as number);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
  const types = events.map((e) => e.type);
  expect(types[0]).toBe('listening');
  expect(types).toContain('accepted');
  const reads = events.filter((e) => e.type === 'read');
  expect(reads.reduce((n, e) => n + (e.bytes as number), 0)).toBe(MESSAGE.length);
  // The shutdown is in the log: the listener closed, the connection closed with its counts.
  const tail = types.slice(-3);
  expect(tail).toContain('listener-closed');
  expect(tail).toContain('closed');
  const closed = events.find((e) => e.type === 'closed');
  expect(closed).toMatchObject({ bytesIn: MESSAGE.length, reads: reads.length });
}

describe.concurrent.each(['SIGTERM', 'SIGHUP'] as const)('%s', (signal) => {
  it(`headless --json --log: exit 0, log complete`, async () => {
    const log = path.join(tmpDir(), 'headless.ndjson');
    const child = spawnCli(['--headless', '--json', '-l', '127.0.0.1:0', '--log', log]);
    const port = await listeningPort(child);
    const s = track(await connectRaw(port));
    await writeAll(s, MESSAGE);
    await child.waitForEvent((e) => e.type === 'read');
    child.signal(signal);
    const exit = await child.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    checkLog(readNdjson(log));
    // stdout carries the same stream, complete too.
    checkLog(child.events());
    expect(child.stderr()).toBe('');
    s.destroy();
  });

  it(`dashboard --log in a pty: exit 0, terminal restored, log complete`, async () => {
    const log = path.join(tmpDir(), 'dashboard.ndjson');
    const app = startTracked(['-l', '127.0.0.1:0', '--log', log]);
    const screen = await app.waitFor(/#1 127\.0\.0\.1:(\d+) listening/);
    const port = Number(/#1 127\.0\.0\.1:(\d+) listening/.exec(screen)?.[1]);
    const s = track(await connectRaw(port));
    await writeAll(s, MESSAGE);
    await app.waitFor(`in ${MESSAGE.length} B`);
    await until(() => readNdjson(log).some((e) => e.type === 'read'));
    app.kill(signal);
    const exit = await app.exited;
    expect(exit.exitCode).toBe(0);
    expect(exit.signal ?? 0).toBe(0);
    await app.flush();
    // Alternate screen left and cursor shown again.
    const raw = app.raw();
    expect(raw.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(raw.lastIndexOf('\x1b[?1049h'));
    expect(app.cursorHidden()).toBe(false);
    checkLog(readNdjson(log));
    s.destroy();
  });
});
