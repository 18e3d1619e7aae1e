import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sleep } from '../clock.js';
import type { BareStats } from './bareMain.js';
import { listener1, PtyCli } from './ptyCli.js';

export type Side = 'bare' | 'socklab';

/** A server process under test, seen from outside: its pid, its port, its exact counters. */
export interface Server {
  side: Side;
  pid: number;
  port: number;
  /** Reads so far, once `accepted` connections have come and every one has closed. */
  settledReads(accepted: number): Promise<number>;
  /** Resolves once `n` connections are open at once. */
  openReached(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Where the built CLI is and how to run it. */
export interface CliConfig {
  /** The repository (cwd of the CLI: where a user would run it). */
  root: string;
  /** dist/cli.js. */
  cli: string;
}

/** socklab's built CLI in a pty, listening on 127.0.0.1:0, its counters read off the screen. */
export async function startSocklab(
  c: CliConfig,
  args: string[] = [],
  o: { nodeArgs?: string[]; env?: Record<string, string> } = {},
): Promise<Server & { cli: PtyCli }> {
  const cli = new PtyCli({
    argv: [process.execPath, ...(o.nodeArgs ?? []), c.cli, '--listen', '127.0.0.1:0', ...args],
    cwd: c.root,
    env: o.env,
  });
  await cli.waitFor((x) => listener1(x.screen()) !== null, 'listener #1', 20_000);
  const port = (listener1(cli.screen()) as { port: number }).port;
  return {
    side: 'socklab',
    cli,
    pid: cli.pid,
    port,
    async settledReads(accepted) {
      // The header's reads counter is exact (every digit shown); the listeners pane counts
      // the connections accepted. A close is news: it is drawn within a flush or two.
      await cli.waitFor(
        (x) => (listener1(x.screen())?.total ?? 0) >= accepted && x.totals()?.open === 0,
        `${accepted} accepted and closed`,
        60_000,
      );
      return cli.totals()?.reads ?? Number.NaN;
    },
    async openReached(n) {
      await cli.waitFor((x) => (x.totals()?.open ?? 0) >= n, `${n} open`, 120_000);
    },
    close: () => cli.quit(),
  };
}

const BARE_MAIN = fileURLToPath(new URL('./bareMain.js', import.meta.url));

/** The bare server (bareMain.ts) in its own process, reading `bufferSize` bytes per read. */
export async function startBare(bufferSize: number): Promise<Server> {
  const child: ChildProcess = fork(BARE_MAIN, [String(bufferSize)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
    child.once('message', (m: { port: number }) => resolve(m.port));
  });
  const stats = () =>
    new Promise<BareStats>((resolve) => {
      child.once('message', (m: { stats: BareStats }) => resolve(m.stats));
      child.send({ cmd: 'stats' });
    });
  const statsUntil = async (ok: (s: BareStats) => boolean): Promise<BareStats> => {
    let s = await stats();
    const end = Date.now() + 120_000;
    while (!ok(s)) {
      if (Date.now() > end) throw new Error(`bench: bare server stuck at ${JSON.stringify(s)}`);
      await sleep(20);
      s = await stats();
    }
    return s;
  };
  return {
    side: 'bare',
    pid: child.pid as number,
    port,
    async settledReads(accepted) {
      const s = await statsUntil((x) => x.accepted >= accepted && x.closed === x.accepted);
      return s.reads;
    },
    async openReached(n) {
      await statsUntil((x) => x.accepted - x.closed >= n);
    },
    async close() {
      const gone = new Promise((r) => child.once('exit', r));
      child.disconnect();
      await gone;
    },
  };
}
