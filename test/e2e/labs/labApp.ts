// Shared steps for the guided-lab pty tests (not a test file): start the built CLI on a lab,
// read the panes as they are drawn, press one key at a time and wait for what it does.
import { afterEach } from 'vitest';
import { EN_ENV, KERNEL_COL, paneRows } from '../dashboard.js';
import { type App, type StartOptions, startApp } from '../pty.js';

/**
 * The port listener #1 bound, from its row in any language (`▶ #1 127.0.0.1:PORT listening`,
 * `… escutando`): 0 until it is bound (`--listen 127.0.0.1:0` shows port 0 while starting).
 */
export function boundPort(screen: string, cols: number, rows: number): number {
  const m = /^[▶ ] #1 127\.0\.0\.1:(\d+) /.exec(paneRows(screen, 'listeners', cols, rows)[1] ?? '');
  return m ? Number(m[1]) : 0;
}

/** Wide enough that pane rows show whole (the left column is 60%: 94 columns inside). */
export const COLS = 160;
export const ROWS = 44;

/** A lab test's budget: several steps of up to 15 s each on a loaded machine. */
export const LAB_TIMEOUT = 120_000;

export const LAB_MESSAGE = 'Estou enviando uma mensagem!';

/** Connection ages: "0.4s", "12s", "3m05s". */
export const AGE = '(?:\\d+\\.\\ds|\\d+s|\\d+m\\d\\ds)';
export const CLOCK = '\\d\\d:\\d\\d:\\d\\d';

export interface LabRun {
  app: App;
  /** The port listener #1 bound (`--listen 127.0.0.1:0`). */
  port: number;
  cols: number;
  rows: number;
  /** The rows of one pane of the current screen (title row first), see paneRows. */
  pane(which: Parameters<typeof paneRows>[1], screen?: string): string[];
  /** The status row (above the footer). */
  status(screen?: string): string;
  /** Write `key` and wait until `pred` holds for the screen; returns that screen. */
  press(key: string, pred: (screen: string) => boolean, timeoutMs?: number): Promise<string>;
}

/** The lab list's titles, in list order, as the English screen shows them. */
export const LAB_TITLES = [
  '1 · Ephemeral ports',
  '2a · Two servers on one port',
  '2b · A port below 1024',
  '3 · Each read and its byte count',
  '3a · Two clients, one-at-a-time server',
  '3b · The first client closes',
  '3c · A 5-byte buffer',
  '3d · TCP vs UDP at a 5-byte buffer',
  '4 · A server that stops reading',
];

/**
 * `socklab --lab ID --listen 127.0.0.1:0 [...extra]` in a pty, once listener #1 listens and
 * the lab panel shows `title`.
 */
export function startLab(
  id: string,
  title: string,
  opts: StartOptions & { extra?: string[] } = {},
): Promise<LabRun> {
  return startRun(['--lab', id, ...(opts.extra ?? [])], opts, (s, cols, rows) =>
    Boolean(paneRows(s, 'lab', cols, rows)[0]?.startsWith(title)),
  );
}

/** `socklab --listen 127.0.0.1:0 [...args]` in a pty, once listener #1 listens and `ready`. */
async function startRun(
  args: string[],
  opts: StartOptions,
  ready: (screen: string, cols: number, rows: number) => boolean,
): Promise<LabRun> {
  const cols = opts.cols ?? COLS;
  const rows = opts.rows ?? ROWS;
  const app = startApp(['--listen', '127.0.0.1:0', ...args], {
    ...opts,
    cols,
    rows,
    env: { ...EN_ENV, ...opts.env },
  });
  const pane = (which: Parameters<typeof paneRows>[1], screen = app.screen()) =>
    paneRows(screen, which, cols, rows);
  try {
    const screen = await app.waitFor((s) => boundPort(s, cols, rows) > 0 && ready(s, cols, rows));
    return {
      app,
      port: boundPort(screen, cols, rows),
      cols,
      rows,
      pane,
      status: (s = app.screen()) => s.split('\n')[rows - 3] ?? '',
      async press(key, pred, timeoutMs) {
        app.write(key);
        return app.waitFor(pred, timeoutMs);
      },
    };
  } catch (err) {
    await app.dispose();
    throw err;
  }
}

/** One connection row of the connections pane, parsed. */
export interface ConnRow {
  id: number;
  peer: number;
  local: number;
  /** The state's word: 'open', 'queued #1', 'closed', 'reset', 'error' (who closed is left out). */
  state: string;
  client: number | null;
  /** The guided lab whose client this is (`◆ lab 3a client #9`), or null. */
  lab: string | null;
  bytesIn: number;
  reads: string;
  bytesOut: number;
}

/** A state as rows show it: a closed one says who closed it, and how. */
const STATE = String.raw`(?:closed|reset) by (?:peer \(FIN\)|peer|socklab)|error \S+|queued #\d+|[a-z-]+`;

/** 'closed by peer (FIN)' → 'closed', 'error ECONNREFUSED' → 'error'. */
const stateWord = (how: string) => /^(closed|reset|error) /.exec(how)?.[1] ?? how;

const CONN_ROW = new RegExp(
  `^[▶ ] #(\\d+) 127\\.0\\.0\\.1:(\\d+) → :(\\d+) (${STATE})${KERNEL_COL}(?: ◆ (?:lab (\\S+) )?client #(\\d+))?(?: now [\\d.]+ (?:B|KiB|MiB|GiB)/s, [\\d,]+ reads/s ·)? ${AGE} · in (\\d+) B/(\\d+ reads?) · out (\\d+) B$`,
);

/**
 * The rows of the connections pane, parsed. Lenient by default (for waitFor predicates: a row
 * in another shape is left out); `strict` throws on any row that is not a whole connection row.
 */
export function connectionRows(rows: string[], strict = false): ConnRow[] {
  const out: ConnRow[] = [];
  for (const r of rows.slice(1)) {
    const m = CONN_ROW.exec(r);
    if (!m) {
      if (strict && r !== '' && !r.startsWith('none yet')) {
        throw new Error(`not a whole connection row: ${JSON.stringify(r)}`);
      }
      continue;
    }
    out.push({
      id: Number(m[1]),
      peer: Number(m[2]),
      local: Number(m[3]),
      state: stateWord(m[4]),
      client: m[6] === undefined ? null : Number(m[6]),
      lab: m[5] ?? null,
      bytesIn: Number(m[7]),
      reads: m[8],
      bytesOut: Number(m[9]),
    });
  }
  return out;
}

/**
 * One client row of the client pane: `▶ #1 local port 45200 open → 127.0.0.1:41505`, or for a
 * guided lab's client `▶ #4 lab 3a · local port 45210 open → 127.0.0.1:41507`.
 */
export interface ClientRow {
  id: number;
  lab: string | null;
  local: number;
  state: string;
  target: string;
}

const CLIENT_ROW = new RegExp(
  String.raw`^[▶ ] #(\d+) (?:lab (\S+) · )?local port (\d+) (${STATE}) → (\S+)$`,
);

export function clientRows(rows: string[]): ClientRow[] {
  const out: ClientRow[] = [];
  for (const r of rows.slice(1)) {
    const m = CLIENT_ROW.exec(r);
    if (m) {
      out.push({
        id: Number(m[1]),
        lab: m[2] ?? null,
        local: Number(m[3]),
        state: stateWord(m[4]),
        target: m[5],
      });
    }
  }
  return out;
}

/**
 * The lab panel's text from the row starting with `from` up to (not including) the next row
 * starting with one of `until`, joined with single spaces (Ink wraps the panel at spaces).
 */
export function labParagraph(rows: string[], from: string, until: string[]): string {
  const start = rows.findIndex((r) => r.startsWith(from));
  if (start < 0) return '';
  const out: string[] = [];
  for (let i = start; i < rows.length; i++) {
    // The panel's "more" row (↓ … / ↑ …) is not text of the lab.
    const end =
      rows[i] === '' || /^[↓↑] /.test(rows[i]) || until.some((u) => rows[i].startsWith(u));
    if (i > start && end) break;
    out.push(rows[i].trim());
  }
  return out.join(' ');
}

/** Runs of whitespace as one space: the lab panel wraps at words and joins them with one. */
export const oneSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The steps the lab panel shows, one string each: a step's row (`1. …`) and the indented rows
 * it wraps onto, joined with single spaces.
 */
export function labSteps(rows: string[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (/^\d+\. /.test(r)) out.push(oneSpace(r));
    else if (out.length > 0 && /^ {3}\S/.test(r)) out[out.length - 1] += ` ${oneSpace(r)}`;
    else if (out.length > 0) break;
  }
  return out;
}

/** Call at a test file's top level: the run passed to the returned function is disposed after each test. */
export function disposeAfterEach(): (run: LabRun) => LabRun {
  let current: LabRun | undefined;
  afterEach(async () => {
    await current?.app.dispose();
    current = undefined;
  });
  return (run) => {
    current = run;
    return run;
  };
}

/** One row of the listeners pane: `▶ #3 127.0.0.1:41234 lab 2a listening 0 open · …`. */
export interface ListenerRow {
  selected: boolean;
  id: number;
  host: string;
  port: number;
  /** The guided lab that opened it (`lab 2a`), or null. */
  lab: string | null;
  state: string;
  rest: string;
}

const LISTENER_ROW =
  /^([▶ ]) #(\d+) (\S+):(\d+)(?: lab (\S+))? (listening|starting|closed|failed)(.*)$/;

export function listenerRows(rows: string[]): ListenerRow[] {
  const out: ListenerRow[] = [];
  for (const r of rows.slice(1)) {
    const m = LISTENER_ROW.exec(r);
    if (!m) continue;
    out.push({
      selected: m[1] === '▶',
      id: Number(m[2]),
      host: m[3],
      port: Number(m[4]),
      lab: m[5] ?? null,
      state: m[6],
      rest: m[7],
    });
  }
  return out;
}

/**
 * `socklab --listen 127.0.0.1:0 [...extra]` in a pty with no lab open, once listener #1
 * listens: the guided labs are then opened from the list (`l`), as a class does.
 */
export function startLabs(opts: StartOptions & { extra?: string[] } = {}): Promise<LabRun> {
  return startRun(opts.extra ?? [], opts, () => true);
}

export const LAB_IDS = ['1', '2a', '2b', '3', '3a', '3b', '3c', '3d', '4'] as const;

/**
 * `l`, then ↑/↓ one key at a time to the lab `title`, then Enter: resolves once the lab
 * panel shows that lab. `titles` are the list's rows in order.
 */
export async function openFromList(r: LabRun, title: string, titles: readonly string[]) {
  const list = (s: string) => r.pane('overlay', s);
  let screen = await r.press('l', (s) => (list(s)[0] ?? '').startsWith('Guided labs'));
  const at = () => titles.findIndex((t) => list(screen).includes(`▶ ${t}`));
  const want = titles.indexOf(title);
  for (let i = 0; i < titles.length && at() !== want; i++) {
    const next = titles[at() + (at() < want ? 1 : -1)];
    screen = await r.press(at() < want ? '\u001b[B' : '\u001b[A', (s) =>
      list(s).includes(`▶ ${next}`),
    );
  }
  return r.press('\r', (s) => (r.pane('lab', s)[0] ?? '').startsWith(title));
}
