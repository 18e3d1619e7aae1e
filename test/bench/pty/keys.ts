import { sleep } from '../clock.js';
import type { Sender } from '../senderClient.js';
import type { PtyCli } from './ptyCli.js';
import { type CliConfig, startSocklab } from './servers.js';

/** The help overlay's title (src/i18n/en.ts `help.title`). */
const HELP_TITLE = 'Keys — ? or Esc closes';
const ESC = '\u001b';
const PRESS_TIMEOUT_MS = 10_000;

export interface KeyRun {
  /** Buffer size of the full-speed stream meanwhile, or null: idle. */
  stream: number | null;
  /** ms from writing `?` to the pty to the parse that put the help overlay on the screen. */
  latencyMs: number[];
  /** Presses whose overlay did not show within 10 s. */
  missed: number;
  /** The stream's rate over the presses (sender's view). */
  streamMiBPerS: number | null;
}

const helpShown = (cli: PtyCli) => {
  for (let i = 0; i < 10; i++) if (cli.row(i).includes(HELP_TITLE)) return true;
  return false;
};

/**
 * `presses` times: `?`, time until the overlay is on the screen, Esc, wait until it is
 * gone, a pause of 150–300 ms; idle, or while one connection streams at full speed into
 * socklab reading `stream` bytes per read.
 */
export async function keysOnce(
  c: CliConfig,
  sender: Sender,
  stream: number | null,
  presses: number,
): Promise<KeyRun> {
  const server = await startSocklab(c, ['--buffer', String(stream ?? 1024)]);
  const { cli } = server;
  let streaming: ReturnType<Sender['start']> | null = null;
  try {
    await sleep(300);
    if (stream !== null) {
      streaming = sender.start({ cmd: 'stream', port: server.port, bytes: 1e15, chunk: 65_536 });
      await cli.waitFor((x) => (x.totals()?.open ?? 0) === 1, 'the stream');
      await sleep(1000); // at full speed before the first press
    }
    const latencyMs: number[] = [];
    let missed = 0;
    for (let i = 0; i < presses; i++) {
      const t0 = performance.now();
      cli.write('?');
      try {
        latencyMs.push((await cli.waitFor(helpShown, 'help', PRESS_TIMEOUT_MS)) - t0);
      } catch {
        missed++;
      }
      cli.write(ESC);
      // A press that missed may still draw its overlay late: wait it out, never fail on it.
      await cli.waitFor((x) => !helpShown(x), 'help gone', PRESS_TIMEOUT_MS).catch(() => {});
      await sleep(150 + Math.random() * 150);
    }
    let streamMiBPerS: number | null = null;
    if (streaming) {
      await sender.ask({ cmd: 'stop' });
      const { sent = 0, ms = Number.NaN } = await streaming;
      streaming = null;
      streamMiBPerS = sent / 2 ** 20 / (ms / 1000);
    }
    return { stream, latencyMs, missed, streamMiBPerS };
  } finally {
    if (streaming) {
      await sender.ask({ cmd: 'stop' });
      await streaming.catch(() => {});
    }
    await server.close();
  }
}
