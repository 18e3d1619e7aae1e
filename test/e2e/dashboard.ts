// Shared steps for the dashboard end-to-end tests (not a test file): start the built CLI in a
// pty, read the bound port off the screen, type one key at a time, track Python clients.
import { createServer } from 'node:net';
import { layoutFor } from '../../src/ui/layout.js';
import { type PythonProc, spawnPython } from '../helpers/python.js';
import { type App, type StartOptions, startApp } from './pty.js';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The port of listener #`id` as the listeners pane shows it (`#1 127.0.0.1:PORT listening`). */
export function listenerPort(screen: string, id = 1): number | null {
  const m = screen.match(new RegExp(`#${id} 127\\.0\\.0\\.1:(\\d+) listening`));
  return m ? Number(m[1]) : null;
}

/**
 * English whatever the machine's locale (socklab picks its language from LC_ALL, LC_MESSAGES,
 * LANG): the dashboard tests assert on English text.
 */
export const EN_ENV = { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined } as const;

/** The dashboard on `--listen 127.0.0.1:0` (plus `extra`), once listener #1 is listening. */
export async function startDashboard(
  extra: string[] = [],
  opts: StartOptions = {},
): Promise<{ app: App; port: number; screen: string }> {
  const app = startApp(['--listen', '127.0.0.1:0', ...extra], {
    ...opts,
    env: { ...EN_ENV, ...opts.env },
  });
  try {
    const screen = await app.waitFor((s) => (listenerPort(s) ?? 0) > 0);
    return { app, port: listenerPort(screen) as number, screen };
  } catch (err) {
    await app.dispose();
    throw err;
  }
}

export type Pane =
  | 'listeners'
  | 'errors'
  | 'connections'
  | 'client'
  | 'reads'
  /** With a guided lab open, the bottom row is the lab panel (left) and the reads (right). */
  | 'lab'
  | 'labReads'
  /** The lab list (`l`) and the help overlay cover every pane. */
  | 'overlay';

/**
 * The rows inside one pane of the dashboard drawn at `cols`×`rows`: its title row first, then
 * its content, without the borders, each right-trimmed. Panes have no inner padding.
 */
/**
 * A row's rate (`now 28 B/s, 1 reads/s ·`) shows only in the second after a read: rows are
 * compared without it unless a test asks for it (`keepRates`).
 */
const RATE = / now [\d.]+ (?:B|KiB|MiB|GiB)\/s, [\d,]+ reads\/s ·/;

export function paneRows(
  screen: string,
  pane: Pane,
  cols = 120,
  rows = 40,
  keepRates = false,
): string[] {
  const L = layoutFor(cols, rows);
  const top: [number, number] = [2, 2 + L.top];
  const middle: [number, number] = [2 + L.top, 2 + L.top + L.middle];
  const bottom: [number, number] = [2 + L.top + L.middle, 2 + L.top + L.middle + L.bottom];
  const left: [number, number] = [0, L.left];
  const right: [number, number] = [L.left, L.full];
  const spans: Record<Pane, [[number, number], [number, number]]> = {
    listeners: [top, left],
    errors: [top, right],
    connections: [middle, left],
    client: [middle, right],
    reads: [bottom, [0, L.full]],
    lab: [bottom, left],
    labReads: [bottom, right],
    overlay: [
      [2, bottom[1]],
      [0, L.full],
    ],
  };
  const [[r0, r1], [c0, c1]] = spans[pane];
  return screen
    .split('\n')
    .slice(r0 + 1, r1 - 1)
    .map((l) => {
      const row = [...l]
        .slice(c0 + 1, c1 - 1)
        .join('')
        .trimEnd();
      return keepRates ? row : row.replace(RATE, '');
    });
}

/**
 * The kernel's column a connection or client row shows after its state once sampled
 * (" · TIME-WAIT", " · Recv-Q 28"; ESTAB only when the row says otherwise): optional for tests
 * about other things.
 */
export const KERNEL_COL = String.raw`(?: ·(?: [A-Z0-9-]+)?(?: Recv-Q \d+)?(?: Send-Q \d+)?)?`;

/** A row as Ink's `wrap="truncate"` shows `text` in `width` columns. */
export const cut = (text: string, width: number): string =>
  [...text].length <= width ? text : `${[...text].slice(0, width - 1).join('')}…`;

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
