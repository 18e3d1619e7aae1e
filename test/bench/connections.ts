import { BareServer } from './bareServer.js';
import { sleep, until } from './clock.js';
import { LabServer } from './labServer.js';
import { markWindow, monotonicUs } from './profileWindows.js';
import type { Sender } from './senderClient.js';

const CONCURRENT_FULL = 1000;
const CYCLES_FULL = 10_000;
const CYCLE_INFLIGHT = 50;
const ROUNDS = 10;
const MESSAGE = 'socklab bench\n';

export interface ConnRun {
  side: 'bare' | 'socklab';
  /** 1,000 connections opened (50 connecting at a time) and held: accepts per second. */
  concurrentPerS: number;
  /** 10,000 connect–send–close cycles, 50 in flight: closes per second at the server. */
  cyclesPerS: number;
  sent: number;
  counted: number;
  /** socklab: frames drawn while 1,000 connections were open and ~10,000 reads stored. */
  frameMs?: number[];
  inkRenderMs?: number[];
  frameAt?: number[];
  readsInStore?: number;
  openInStore?: number;
}

/**
 * Many connections against one server: 1,000 held open (the dashboard timed meanwhile),
 * then 10,000 connect–send–close cycles. `scale` shrinks both (for a warm-up).
 */
export async function connectionsOnce(
  side: ConnRun['side'],
  sender: Sender,
  scale = 1,
): Promise<ConnRun> {
  const nOpen = Math.round(CONCURRENT_FULL * scale);
  const nCycles = Math.round(CYCLES_FULL * scale);
  const server = side === 'bare' ? await BareServer.start(1024) : await LabServer.start(1024);
  let sent = 0;
  let t0 = performance.now();
  await sender.ask({ cmd: 'open', port: server.port, n: nOpen, inflight: CYCLE_INFLIGHT });
  await until(() => server.accepted === nOpen, `${nOpen} accepts`);
  const concurrentPerS = nOpen / ((server.lastAccept - t0) / 1000);
  const run: ConnRun = { side, concurrentPerS, cyclesPerS: 0, sent: 0, counted: 0 };

  if (server instanceof LabServer && server.dashboard) {
    const frames = await framesWithReads(server, sender, nOpen);
    sent += frames.sent;
    Object.assign(run, frames.run);
  }

  await sender.ask({ cmd: 'closeAll' });
  await until(() => server.closed === nOpen, `${nOpen} closes`);

  const closedBefore = server.closed;
  t0 = performance.now();
  const cyc = {
    cmd: 'cycles',
    port: server.port,
    n: nCycles,
    inflight: CYCLE_INFLIGHT,
    message: MESSAGE,
  } as const;
  sent += (await sender.ask(cyc)).sent ?? 0;
  await until(() => server.closed === closedBefore + nCycles, `${nCycles} closes`);
  run.cyclesPerS = nCycles / ((server.lastClose - t0) / 1000);
  run.sent = sent;
  run.counted = server.counted();
  await server.close();
  return run;
}

/**
 * With `nOpen` connections held: 10 rounds of one message on each (10,000 reads at 1,000),
 * then a trickle that keeps the store changing while the dashboard's frames are timed.
 */
export async function framesWithReads(
  server: LabServer,
  sender: Sender,
  nOpen: number,
): Promise<{ sent: number; run: Partial<ConnRun> }> {
  const dash = server.dashboard;
  if (!dash) throw new Error('no dashboard');
  let sent = 0;
  for (let r = 1; r <= ROUNDS; r++) {
    sent += (await sender.ask({ cmd: 'round', message: MESSAGE })).sent ?? 0;
    await until(() => server.reads === r * nOpen, `round ${r}`);
  }
  await sleep(100);
  dash.reset();
  const from = monotonicUs();
  const before = server.bytes;
  const trickle = { cmd: 'trickle', message: MESSAGE, intervalMs: 10, count: 150 } as const;
  const more = (await sender.ask(trickle)).sent ?? 0;
  sent += more;
  await until(() => server.bytes === before + more, 'the trickle');
  await sleep(50);
  markWindow(from, monotonicUs());
  const f = dash.frames;
  const snap = server.snapshot();
  return {
    sent,
    run: {
      frameMs: [...f.frameMs],
      inkRenderMs: [...f.inkRenderMs],
      frameAt: [...f.frameAt],
      readsInStore: snap.totals.reads,
      openInStore: snap.totals.openConnections,
    },
  };
}
