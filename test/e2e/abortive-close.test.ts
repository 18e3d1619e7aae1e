// Abortive close: a Python client sends 'data then RST', sets SO_LINGER {1, 0} and closes.
// socklab is stopped (SIGSTOP) meanwhile, so the RST comes before accept(): getpeername(2)
// then fails and the peer's address is unknown. The screen and headless output say what
// happened: the bytes read, the reset, and "unknown" — never "?:0", never a FIN.
import { spawn, spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { pythonScriptPath } from '../helpers/python.js';
import { paneRows, startDashboard } from './dashboard.js';
import { type App, cliPath, repoRoot } from './pty.js';

const COLS = 200;
const ROWS = 50;
const MESSAGE = 'data then RST';

let app: App | undefined;
const procs: ReturnType<typeof spawn>[] = [];
afterEach(async () => {
  for (const p of procs.splice(0)) {
    if (p.exitCode === null && p.signalCode === null) p.kill('SIGCONT');
    p.kill('SIGKILL');
  }
  await app?.dispose();
  app = undefined;
});

/** Run abort.py against `port` while process `pid` is stopped: the RST lands before accept. */
function resetWhileStopped(pid: number, port: number): string[] {
  process.kill(pid, 'SIGSTOP');
  try {
    const run = spawnSync('python3', [pythonScriptPath('abort.py'), '127.0.0.1', String(port)], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    return run.stdout.trim().split('\n');
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

it('dashboard: the row says the peer is unknown and the connection was reset; the reads show the data', async () => {
  const started = await startDashboard([], { cols: COLS, rows: ROWS });
  app = started.app;
  const { port } = started;
  const out = resetWhileStopped(app.pty.pid, port);
  expect(out.slice(1)).toEqual([`SENT ${MESSAGE.length}`, 'RESET']);

  const row = (s: string) => paneRows(s, 'connections', COLS, ROWS)[1] ?? '';
  const readRow = /^│ +← +13 B {2}"data then RST"/m;
  // The row and the read ring may come in different frames: wait for both.
  const screen = await app.waitFor((s) => / reset /.test(row(s)) && readRow.test(s));
  expect(row(screen)).toMatch(
    new RegExp(
      `^▶ #1 unknown — reset before it was accepted → :${port} reset by peer \\S+ · in 13 B/1 read · out 0 B$`,
    ),
  );
  expect(screen).not.toContain('?:0');
  expect(screen).toContain('ECONNRESET');
});

it('headless: accepted from an unknown peer, the read, RST, closed — no "peer sent FIN"', async () => {
  const devNull = openSync('/dev/null', 'r');
  const proc = spawn(process.execPath, [cliPath, '--headless', '-l', '127.0.0.1:0'], {
    cwd: repoRoot,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined },
    stdio: [devNull, 'pipe', 'pipe'],
  });
  procs.push(proc);
  let text = '';
  proc.stdout?.setEncoding('utf8');
  proc.stdout?.on('data', (chunk: string) => {
    text += chunk;
  });
  const waitFor = async (re: RegExp) => {
    for (let i = 0; i < 400 && !re.test(text); i++) await new Promise((r) => setTimeout(r, 25));
    if (!re.test(text)) throw new Error(`no ${re} in:\n${text}`);
    return text.match(re) as RegExpMatchArray;
  };
  const port = Number((await waitFor(/listener 1 on 127\.0\.0\.1:(\d+)/))[1]);
  resetWhileStopped(proc.pid as number, port);
  await waitFor(/closed +conn 1 /);
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^\S+ {2}/, ''))
    .filter((l) => / conn 1\b/.test(l));
  expect(lines).toEqual([
    `accepted         conn 1 on listener 1 from an unknown peer (reset before it was accepted: the OS has no address for it) to 127.0.0.1:${port}`,
    `read             conn 1 (server) 13 B "data then RST"`,
    'reset            conn 1: RST',
    'closed           conn 1 reset by peer: 13 B in (1 reads), 0 B out',
  ]);
  proc.kill('SIGTERM');
});
