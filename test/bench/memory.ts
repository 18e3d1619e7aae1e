import { BareServer } from './bareServer.js';
import { sleep, until } from './clock.js';
import type { LabServer } from './labServer.js';
import type { Sender } from './senderClient.js';

export interface MemPoint {
  label: string;
  reads: number;
  closedConnections: number;
  rssMiB: number;
  heapMiB: number;
  /** V8's committed heap, and memory outside it (ArrayBuffers, wasm, native) V8 knows of. */
  heapTotalMB: number;
  externalMB: number;
}

export interface MemRun {
  side: 'bare' | 'socklab';
  points: MemPoint[];
  sent: number;
  counted: number;
}

/** MiB = 2^20 bytes, as on the screen and everywhere in the bench. */
const MB = 2 ** 20;
const gc = (globalThis as { gc?: () => void }).gc;

/** RSS and heap, in MB, after two full GCs (run with --expose-gc). */
export function memoryAfterGc() {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return {
    rssMiB: m.rss / MB,
    heapMiB: m.heapUsed / MB,
    heapTotalMB: m.heapTotal / MB,
    externalMB: m.external / MB,
  };
}

/** The same, once the dashboard has drawn. */
async function measure(label: string, reads: number, closed: number): Promise<MemPoint> {
  await sleep(120);
  return { label, reads, closedConnections: closed, ...memoryAfterGc() };
}

/**
 * Memory over real sockets at N = 5: ~100,000 reads (500 kB), then ~1,000,000 (5 MB in
 * all), then 100,000 connect–send–close cycles. One fresh process per side and run.
 */
export async function memoryOnce(
  side: MemRun['side'],
  sender: Sender,
  cycles: number,
): Promise<MemRun> {
  // Imported only for socklab: the baseline process never loads Ink or React.
  const server: BareServer | LabServer =
    side === 'bare'
      ? await BareServer.start(5)
      : await (await import('./labServer.js')).LabServer.start(5);
  const points: MemPoint[] = [];
  let sent = 0;
  const stream = async (bytes: number, fins: number) => {
    sent +=
      (await sender.ask({ cmd: 'stream', port: server.port, bytes, chunk: 65_536 })).sent ?? 0;
    await until(() => server.ended === fins && server.bytes === sent, 'the stream');
  };
  points.push(await measure('start', 0, 0));
  await stream(500_000, 1);
  points.push(await measure('100k reads', server.reads, server.closed));
  await stream(4_500_000, 2);
  points.push(await measure('1M reads', server.reads, server.closed));
  const closedBefore = server.closed;
  const cyc = { cmd: 'cycles', port: server.port, n: cycles, inflight: 100, message: 'x' } as const;
  sent += (await sender.ask(cyc)).sent ?? 0;
  await until(() => server.closed === closedBefore + cycles, 'the cycles', 120_000);
  points.push(await measure(`${cycles / 1000}k closed`, server.reads, server.closed));
  const counted = server.counted();
  await server.close();
  return { side, points, sent, counted };
}
