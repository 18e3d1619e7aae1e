import { BareServer } from './bareServer.js';
import { sleep, until } from './clock.js';
import { LabServer } from './labServer.js';
import { markWindow, monotonicUs } from './profileWindows.js';
import type { Sender } from './senderClient.js';

export interface StreamRun {
  side: 'bare' | 'socklab';
  bufferSize: number;
  sent: number;
  counted: number;
  reads: number;
  ms: number;
  mibPerS: number;
  readsPerS: number;
  /** CPU time (user + system) the server's process spent on the run: unlike wall time, not
   *  stretched by other work on a shared machine. */
  cpuMs: number;
  /** socklab only: how many frames Ink drew during the run, and when (performance.now()). */
  frames?: number;
  frameAt?: number[];
  /** socklab only: ms of each frame (see FrameLog.frameMs). */
  frameMs?: number[];
}

/** MiB = 2^20 bytes, as on the screen. */
const MB = 2 ** 20;

/**
 * One client streams `bytes` into one server; timed from accept to the FIN being read
 * (the sender's end), so every byte has passed through the read method by then.
 */
export async function streamOnce(
  side: StreamRun['side'],
  sender: Sender,
  bufferSize: number,
  bytes: number,
): Promise<StreamRun> {
  const server =
    side === 'bare' ? await BareServer.start(bufferSize) : await LabServer.start(bufferSize);
  const dash = server instanceof LabServer ? server.dashboard : null;
  // The dashboard's first render (mounting it, which the CLI does once per session) is not
  // part of the stream: wait for it, then let both sides settle alike.
  if (dash) await until(() => dash.frames.frameAt.length > 0, 'the first frame');
  await sleep(50);
  dash?.reset();
  const cpu0 = process.cpuUsage();
  const from = monotonicUs();
  const { sent = 0 } = await sender.ask({ cmd: 'stream', port: server.port, bytes, chunk: 65_536 });
  await until(() => server.ended === 1, 'the FIN');
  const ms = server.lastEnd - server.lastAccept;
  const cpu = process.cpuUsage(cpu0);
  markWindow(from, monotonicUs());
  const counted = server.counted();
  const run: StreamRun = {
    side,
    bufferSize,
    sent,
    counted,
    reads: server.reads,
    ms,
    mibPerS: counted / MB / (ms / 1000),
    readsPerS: server.reads / (ms / 1000),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  if (dash) {
    run.frames = dash.frames.frameAt.length;
    run.frameAt = [...dash.frames.frameAt];
    run.frameMs = [...dash.frames.frameMs];
  }
  await server.close();
  return run;
}
