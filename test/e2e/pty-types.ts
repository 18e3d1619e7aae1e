// Public types of the e2e pty harness (see pty.ts).
import type { IPty } from '@lydell/node-pty';
import type { KeyName } from './keys.js';

export interface StartOptions {
  cols?: number;
  rows?: number;
  /** Merged over process.env; `undefined` removes a variable. CI is 'false' unless set here. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Spawn this instead of `node dist/cli.js ...args` (harness self-tests). */
  command?: { file: string; args: string[] };
}

export interface ExitInfo {
  exitCode: number;
  signal?: number;
}

export type ScreenPredicate = string | RegExp | ((screen: string) => boolean);

export interface App {
  pty: IPty;
  /** Visible rows, each right-trimmed, joined with '\n'. */
  screen(): string;
  lines(): string[];
  /**
   * Which xterm buffer is active and how far each has scrolled: `baseY` > 0 means rows went
   * into scrollback (the normal buffer) — a frame taller than the terminal. The alternate
   * buffer has no scrollback, so there a frame that is too tall pushes the top row off screen.
   */
  buffer(): { type: 'normal' | 'alternate'; baseY: number; normalBaseY: number };
  /** Every byte the child wrote, as received. */
  raw(): string;
  write(keys: string): void;
  /**
   * Write a lot (a paste) without blocking: in 64 KiB pieces, on the thread pool, waiting
   * while the pty is full. write() blocks the test's event loop on a full pty, so the test
   * stops reading frames, socklab blocks writing them and stops reading keys — a deadlock of
   * the harness, not of socklab (a real terminal keeps reading while it pastes).
   */
  paste(text: string, timeoutMs?: number): Promise<void>;
  key(name: KeyName): void;
  resize(cols: number, rows: number): void;
  /** Polls every 30 ms (after flushing pending writes); resolves with the matching screen. */
  waitFor(pred: ScreenPredicate, timeoutMs?: number): Promise<string>;
  /** Settles once all output received so far has been parsed by the terminal. */
  flush(): Promise<void>;
  exited: Promise<ExitInfo>;
  /** DECTCEM state: true when the last of ESC[?25l / ESC[?25h in raw() is ESC[?25l. */
  cursorHidden(): boolean;
  kill(signal?: string): void;
  dispose(): Promise<void>;
}
