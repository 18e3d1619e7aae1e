import { type IPty, spawn } from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';
import { ptyEnv } from '../../e2e/env.js';

const { Terminal } = xtermHeadless;

export const COLS = 120;
export const ROWS = 40;

export interface CliSpawn {
  /** The program and its arguments, e.g. [node, dist/cli.js, -l, 127.0.0.1:0]. */
  argv: string[];
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** What the header's first row says: `listening 1 · open 2 · in 56 B · out 56 B · reads 7`. */
export interface HeaderTotals {
  open: number;
  reads: number;
}

const int = (s: string) => Number(s.replaceAll(',', ''));

export function headerTotals(firstRow: string): HeaderTotals | null {
  const m = /· open ([\d,]+) · in .* · reads ([\d,]+)/.exec(firstRow);
  return m ? { open: int(m[1]), reads: int(m[2]) } : null;
}

/** Listener #1's port and its `N total` accepted, from the listeners pane. */
export function listener1(screen: string): { port: number; total: number } | null {
  const m = /#1 127\.0\.0\.1:(\d+) listening .*? ([\d,]+) total/.exec(screen);
  return m ? { port: Number(m[1]), total: int(m[2]) } : null;
}

/**
 * A program in a real pty at 120×40 whose every byte is parsed by @xterm/headless, as a
 * terminal would: the screen is what a user would see, and the program is never blocked
 * on a full pty (the parser keeps up; unparsed output queues here, not in the pty).
 * Waiting is driven by the parser's callbacks, not by polling, so a change is timed to
 * the moment its bytes were parsed. Its process runs in `/bin/sh -c 'ulimit -n …; exec …'`,
 * so `pid` is the program's own once it starts.
 */
export class PtyCli {
  readonly pty: IPty;
  readonly spawnedAt = performance.now();
  /** performance.now() of the first bytes parsed. */
  firstOutputAt = 0;
  private readonly term = new Terminal({
    cols: COLS,
    rows: ROWS,
    allowProposedApi: true,
    scrollback: 0,
  });
  private readonly watchers = new Set<(at: number) => void>();
  private exitInfo: { exitCode: number; signal?: number } | null = null;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;

  constructor(o: CliSpawn) {
    // Hard limit, soft raised to it: 10,000 connections need more than a default 1,024.
    const script = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"';
    this.pty = spawn('/bin/sh', ['-c', script, 'sh', ...o.argv], {
      name: 'xterm-256color',
      cols: COLS,
      rows: ROWS,
      cwd: o.cwd,
      // English whatever the machine's locale: the bench reads the screen's words.
      env: ptyEnv({ LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined, ...o.env }),
    });
    this.pty.onData((data) => {
      this.term.write(data, () => {
        const at = performance.now();
        if (!this.firstOutputAt) this.firstOutputAt = at;
        for (const w of [...this.watchers]) w(at);
      });
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit((e) => {
        this.exitInfo = { exitCode: e.exitCode, ...(e.signal ? { signal: e.signal } : {}) };
        for (const w of [...this.watchers]) w(performance.now());
        resolve(this.exitInfo);
      });
    });
  }

  get pid(): number {
    return this.pty.pid;
  }

  row(i: number): string {
    const buf = this.term.buffer.active;
    return buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '';
  }

  screen(): string {
    return Array.from({ length: ROWS }, (_, i) => this.row(i).trimEnd()).join('\n');
  }

  /** Call `f` after every parse of new output (with its time); returns the unsubscribe. */
  watch(f: (at: number) => void): () => void {
    this.watchers.add(f);
    return () => this.watchers.delete(f);
  }

  /**
   * Resolve with the performance.now() of the parse after which `pred` holds (now, if it
   * already does); reject after `timeoutMs`, or if the program exits, with the screen.
   */
  waitFor(pred: (cli: PtyCli) => boolean, what: string, timeoutMs = 30_000): Promise<number> {
    if (pred(this)) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const fail = (why: string) => {
        stop();
        clearTimeout(timer);
        reject(new Error(`bench: ${why} waiting for ${what}\n${this.screen()}`));
      };
      const timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);
      const stop = this.watch((at) => {
        if (pred(this)) {
          stop();
          clearTimeout(timer);
          resolve(at);
        } else if (this.exitInfo) fail(`exited (${JSON.stringify(this.exitInfo)})`);
      });
    });
  }

  totals(): HeaderTotals | null {
    return headerTotals(this.row(0));
  }

  write(keys: string): void {
    if (!this.exitInfo) this.pty.write(keys);
  }

  /** Quit with `q` (socklab closes every socket and exits); signals if it does not. */
  async quit(key = 'q'): Promise<void> {
    const within = (ms: number) =>
      Promise.race([
        this.exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
      ]);
    if (!this.exitInfo) {
      this.write(key);
      if (!(await within(10_000))) {
        this.pty.kill('SIGTERM');
        if (!(await within(3000))) this.pty.kill('SIGKILL');
        await within(2000);
      }
    }
    this.term.dispose();
  }
}
