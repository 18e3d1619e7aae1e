// The engine in its own thread: a frame that holds the UI thread for 200 ms does not hold a
// socket, and a crash in the engine thread ends the dashboard cleanly (exit 1, terminal back,
// every socket closed). Both faults are injected into the real CLI with SOCKLAB_TEST_FAULT.
import fs from 'node:fs';
import net, { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startDashboard } from './dashboard.js';
import type { App } from './pty.js';

let app: App | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

/** Round trips of one byte through socklab's echo for `ms` (at most `max`): each one's time. */
async function echoTrips(port: number, ms: number, max = 20_000): Promise<number[]> {
  const sock = net.connect(port, '127.0.0.1');
  await new Promise<void>((r, j) => sock.once('connect', r).once('error', j));
  sock.setNoDelay(true);
  const trips: number[] = [];
  const end = performance.now() + ms;
  try {
    while (performance.now() < end && trips.length < max) {
      const t0 = performance.now();
      const back = new Promise<void>((r) => sock.once('data', () => r()));
      sock.write('x');
      await back;
      trips.push(performance.now() - t0);
    }
  } finally {
    sock.destroy();
  }
  return trips;
}

async function slowestTrip(engine: 'main' | 'worker'): Promise<{ max: number; n: number }> {
  const started = await startDashboard(['--echo'], {
    env: { SOCKLAB_TEST_FAULT: 'slow-frame:200', SOCKLAB_ENGINE: engine },
  });
  app = started.app;
  const trips = await echoTrips(started.port, 2000);
  await app.dispose();
  app = undefined;
  return { max: Math.max(...trips), n: trips.length };
}

it('a 200 ms frame does not slow the engine thread: echo round trips stay short', async () => {
  // The same build with the engine on the UI thread, as before: a frame holds every socket.
  const before = await slowestTrip('main');
  const after = await slowestTrip('worker');
  console.log(
    `slowest echo round trip while frames take 200 ms: engine on the UI thread ${before.max.toFixed(0)} ms (${before.n} trips), in its own thread ${after.max.toFixed(0)} ms (${after.n} trips)`,
  );
  expect(before.max).toBeGreaterThan(150);
  expect(after.max).toBeLessThan(150);
  expect(after.n).toBeGreaterThan(before.n);
}, 60_000);

function listenOn(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen({ host: '127.0.0.1', port, exclusive: true }, () => srv.close(() => resolve()));
  });
}

it('a crash in the engine thread: said on the restored terminal, sockets closed, exit 1', async () => {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'socklab-crash-')), 'r.md');
  const started = await startDashboard(['--report', report], {
    env: { SOCKLAB_TEST_FAULT: 'engine-crash' },
  });
  app = started.app;
  const client = net.connect(started.port, '127.0.0.1');
  const closedByPeer = new Promise<string>((r) => {
    client.on('error', (e: NodeJS.ErrnoException) => r(e.code ?? 'error'));
    client.on('close', () => r('closed'));
  });
  client.resume();
  expect((await app.exited).exitCode).toBe(1);
  await app.flush();
  expect(await closedByPeer).toMatch(/closed|ECONNRESET/);
  const raw = app.raw();
  expect(raw).toContain('\u001b[?1049l');
  expect(app.cursorHidden()).toBe(false);
  expect(app.buffer().type).toBe('normal');
  const after = raw.slice(raw.lastIndexOf('\u001b[?1049l'));
  expect(after).toContain('socklab: the engine thread stopped (injected engine fault');
  await listenOn(started.port); // EADDRINUSE if the listener outlived its thread
  // The report's data went with the thread: said, not silently missing.
  expect(after).toContain(`the report ${report} was not written`);
  expect(fs.existsSync(report)).toBe(false);
}, 30_000);
