// Shared steps for the dashboard end-to-end tests (not a test file): start the built CLI in a
// pty, read the bound port off the screen, type one key at a time, track Python clients.
import { createServer } from 'node:net';
import { type PythonProc, spawnPython } from '../helpers/python.js';
import { type App, type StartOptions, startApp } from './pty.js';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The port of listener #`id` as the listeners pane shows it (`#1 127.0.0.1:PORT listening`). */
export function listenerPort(screen: string, id = 1): number | null {
  const m = screen.match(new RegExp(`#${id} 127\\.0\\.0\\.1:(\\d+) listening`));
  return m ? Number(m[1]) : null;
}

/** The dashboard on `--listen 127.0.0.1:0` (plus `extra`), once listener #1 is listening. */
export async function startDashboard(
  extra: string[] = [],
  opts: StartOptions = {},
): Promise<{ app: App; port: number; screen: string }> {
  const app = startApp(['--listen', '127.0.0.1:0', ...extra], opts);
  try {
    const screen = await app.waitFor((s) => (listenerPort(s) ?? 0) > 0);
    return { app, port: listenerPort(screen) as number, screen };
  } catch (err) {
    await app.dispose();
    throw err;
  }
}

/** Rows of the screen that contain `text`. */
export const rowsWith = (screen: string, text: string | RegExp) =>
  screen.split('\n').filter((l) => (typeof text === 'string' ? l.includes(text) : text.test(l)));

/** The row of the connections pane for peer port `peer`. */
export function connectionRow(screen: string, peer: number): string | undefined {
  return rowsWith(screen, new RegExp(`127\\.0\\.0\\.1:${peer} → :\\d+`))[0];
}

/** The header's "N B per read" value (1,024 → 1024). */
export function bufferSize(screen: string): number | null {
  const m = screen.match(/([\d,]+) B per read/);
  return m ? Number(m[1].replace(/,/g, '')) : null;
}

/**
 * Press `-` or `+` until the slider shows `target`, waiting for each step to redraw.
 * Returns every size the header showed after a key press.
 */
export async function slideTo(app: App, target: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < 40; i++) {
    const now = bufferSize(await app.waitFor((s) => bufferSize(s) !== null));
    if (now === target) return seen;
    const key = (now as number) > target ? '-' : '+';
    app.write(key);
    seen.push(bufferSize(await app.waitFor((s) => bufferSize(s) !== now, 5_000)) as number);
  }
  throw new Error(`slider never reached ${target}\n${app.screen()}`);
}

/**
 * With a prompt open (its row contains `label`), type `text` one character at a time, each time
 * waiting for the prompt row to end with everything typed so far (rows are right-trimmed, so a
 * typed space shows once the next character arrives). The app redraws at most 30 times a second.
 */
export async function typeSlowly(app: App, text: string, label = 'message ›'): Promise<void> {
  for (let i = 1; i <= text.length; i++) {
    app.write(text[i - 1]);
    const want = text.slice(0, i).trimEnd();
    await app.waitFor(
      (s) => s.split('\n').some((row) => row.includes(label) && row.endsWith(want)),
      5_000,
    );
  }
}

/** Python clients started by a test; `killAll` in afterEach. */
export class PythonProcs {
  private procs: PythonProc[] = [];

  client(args: string[]): PythonProc {
    const p = spawnPython('cliente.py', args);
    this.procs.push(p);
    return p;
  }

  async killAll(): Promise<void> {
    const procs = this.procs;
    this.procs = [];
    for (const p of procs) p.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
  }
}

/** Whether `port` on 127.0.0.1 can be listened on right now (listens, then closes). */
export function canListen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}
