import { listener1, PtyCli } from './ptyCli.js';
import type { CliConfig } from './servers.js';

export interface StartRun {
  /** ms from spawning `node dist/cli.js` to the parse that drew its header (first frame). */
  firstFrameMs: number[];
  /** ms from spawning it to listener #1 shown listening. */
  listeningMs: number[];
  /** ms from spawning `npm start` (nothing changed since the last build) to its first frame. */
  npmStartMs: number[];
}

const firstFrame = (cli: PtyCli) => cli.row(0).startsWith('socklab ');

async function once(c: CliConfig, argv: string[]): Promise<{ first: number; listening: number }> {
  const cli = new PtyCli({ argv, cwd: c.root });
  try {
    const first = (await cli.waitFor(firstFrame, 'the first frame', 60_000)) - cli.spawnedAt;
    const at = await cli.waitFor((x) => listener1(x.screen()) !== null, 'listener #1', 60_000);
    return { first, listening: at - cli.spawnedAt };
  } finally {
    await cli.quit();
  }
}

/** `reps` cold starts of the built CLI, then `npmReps` of `npm start`, each quit with `q`. */
export async function startOnce(c: CliConfig, reps: number, npmReps: number): Promise<StartRun> {
  const run: StartRun = { firstFrameMs: [], listeningMs: [], npmStartMs: [] };
  const listen = ['--listen', '127.0.0.1:0'];
  for (let i = 0; i < reps; i++) {
    const r = await once(c, [process.execPath, c.cli, ...listen]);
    run.firstFrameMs.push(r.first);
    run.listeningMs.push(r.listening);
  }
  for (let i = 0; i < npmReps; i++) {
    run.npmStartMs.push((await once(c, ['npm', 'start', '--', ...listen])).first);
  }
  return run;
}
