import type { Sender } from '../senderClient.js';
import { cpuSeconds } from './procStat.js';
import { type CliConfig, type Server, type Side, startBare, startSocklab } from './servers.js';

export interface PtyStreamRun {
  side: Side;
  bufferSize: number;
  /** Bytes the sender wrote, all of them read by the server (its FIN came back after them). */
  sent: number;
  /** From the sender's connect to the close that follows the server reading the FIN. */
  ms: number;
  reads: number;
  mibPerS: number;
  readsPerS: number;
  /** CPU-seconds of the server's process per GiB (2^30 B) streamed. */
  cpuSPerGB: number;
  /** CPU-seconds this process (the terminal: xterm parsing socklab's frames) spent meanwhile. */
  terminalCpuS: number;
}

/** The first stream into a fresh socklab runs far below its steady rate (JIT, first frames). */
const WARM_MS = 1000;

/**
 * One stream of at least `seconds` into a fresh server (a socklab CLI in a pty or a bare
 * server process), after an untimed one-second one that warms it up. Timed by the
 * sender, from outside, identically for both sides.
 */
export async function ptyStreamOnce(
  c: CliConfig,
  side: Side,
  sender: Sender,
  bufferSize: number,
  seconds: number,
): Promise<PtyStreamRun> {
  const server: Server =
    side === 'bare'
      ? await startBare(bufferSize)
      : await startSocklab(c, ['--buffer', String(bufferSize)]);
  try {
    const stream = (ms: number) =>
      sender.ask({ cmd: 'stream', port: server.port, bytes: 1e15, chunk: 65_536, ms });
    await stream(WARM_MS);
    const reads0 = await server.settledReads(1);
    const cpu0 = cpuSeconds(server.pid);
    const term0 = process.cpuUsage();
    const { sent = 0, ms = Number.NaN } = await stream(seconds * 1000);
    const cpuS = cpuSeconds(server.pid) - cpu0;
    const term = process.cpuUsage(term0);
    const reads = (await server.settledReads(2)) - reads0;
    return {
      side,
      bufferSize,
      sent,
      ms,
      reads,
      mibPerS: sent / 2 ** 20 / (ms / 1000),
      readsPerS: reads / (ms / 1000),
      cpuSPerGB: cpuS / (sent / 2 ** 30),
      terminalCpuS: (term.user + term.system) / 1e6,
    };
  } finally {
    await server.close();
  }
}
