import { BareServer } from './bareServer.js';
import { sleep, until, wallNow } from './clock.js';
import { LabServer } from './labServer.js';
import { screenMarks } from './screenMarks.js';
import type { Sender } from './senderClient.js';

export const TICKS = 30;
const INTERVAL_MS = 100;
const PREFIX = 'lat';
/** The ticker's connection: the second one a fresh store accepts, after the stream. */
const TICKER_CONN = 2;
/** "lat0007;" */
const MESSAGE_BYTES = PREFIX.length + 5;

export interface LatencyRun {
  side: 'bare' | 'socklab';
  /** ms from the client's write to the message read (bare) / drawn on the fake screen (socklab). */
  latencyMs: number[];
  missed: number;
  streamMiBPerS: number;
  sent: number;
  counted: number;
  /** socklab: performance.now() of every frame drawn. */
  frameAt?: number[];
}

/**
 * One connection streams at full speed (N = 1,024, the default) while a second client
 * (another process) writes a short marked message every 100 ms; each marker's arrival is
 * timed — for socklab, its first appearance in the frames Ink writes to the terminal.
 */
export async function latencyOnce(
  side: LatencyRun['side'],
  streamer: Sender,
  ticker: Sender,
): Promise<LatencyRun> {
  const seen = new Map<number, number>();
  const mark = (seq: number, now: number) => {
    if (!seen.has(seq)) seen.set(seq, now);
  };
  const note = (text: string) => {
    const now = wallNow();
    const { markers, bytes } = screenMarks(text, TICKER_CONN);
    for (const seq of markers) mark(seq, now);
    // Every message is MESSAGE_BYTES long: `bytes` shown means messages 0…bytes/len-1 were read.
    for (let seq = 0; seq < Math.floor(bytes / MESSAGE_BYTES); seq++) mark(seq, now);
  };
  const server =
    side === 'bare'
      ? await BareServer.start(1024)
      : await LabServer.start(1024, { onScreen: note });
  if (server instanceof BareServer) {
    // Only the ticker's reads start with its prefix (the stream is a–z without "lat").
    server.onRead = (chunk) => {
      if (chunk[0] !== 0x6c || chunk[1] !== 0x61 || chunk[2] !== 0x74) return;
      const now = wallNow();
      for (const m of chunk.toString().matchAll(/lat(\d{4});/g)) mark(Number(m[1]), now);
    };
  }
  const stream = streamer.start({ cmd: 'stream', port: server.port, bytes: 1e15, chunk: 65_536 });
  await until(() => server.accepted === 1, 'the streaming connection');
  await sleep(200); // at full speed before the first message
  const streamStart = server.bytes;
  const t0 = performance.now();
  const tick = await ticker.ask({
    cmd: 'ticker',
    port: server.port,
    intervalMs: INTERVAL_MS,
    count: TICKS,
    prefix: PREFIX,
  });
  await sleep(300); // the last message's frame
  const streamMiBPerS = (server.bytes - streamStart) / 2 ** 20 / ((performance.now() - t0) / 1000);
  await streamer.ask({ cmd: 'stop' });
  const { sent: streamed = 0 } = await stream;
  const sent = streamed + (tick.sent ?? 0);
  await until(() => server.ended === 2 && server.bytes === sent, 'every byte');
  const sends = tick.sends ?? [];
  const latencyMs: number[] = [];
  sends.forEach((t, seq) => {
    const at = seen.get(seq);
    if (at !== undefined) latencyMs.push(at - t);
  });
  const counted = server.counted();
  const frameAt = server instanceof LabServer ? server.dashboard?.frames.frameAt : undefined;
  await server.close();
  const missed = sends.length - latencyMs.length;
  return { side, latencyMs, missed, streamMiBPerS, sent, counted, frameAt };
}
