// End-to-end harness: runs the built CLI (dist/cli.js) in a real pty and renders its output
// with @xterm/headless, so tests assert on what a user would actually see.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawn } from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';
import { ptyEnv } from './env.js';
import { KEYS } from './keys.js';
import type { App, ExitInfo, ScreenPredicate, StartOptions } from './pty-types.js';

export { looksLikeCi, ptyEnv } from './env.js';
export { KEYS, type KeyName } from './keys.js';
export { freePort } from './net.js';
export type { App, ExitInfo, ScreenPredicate, StartOptions } from './pty-types.js';

const { Terminal } = xtermHeadless;

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function matches(pred: ScreenPredicate, screen: string): boolean {
  if (typeof pred === 'string') return screen.includes(pred);
  if (pred instanceof RegExp) {
    pred.lastIndex = 0; // a /g or /y regex is stateful
    return pred.test(screen);
  }
  return pred(screen);
}

export function startApp(args: string[], opts: StartOptions = {}): App {
  const cols = opts.cols ?? 120;
  const rows = opts.rows ?? 40;
  const file = opts.command?.file ?? process.execPath;
  const argv = opts.command?.args ?? [cliPath, ...args];
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  const pty = spawn(file, argv, {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: opts.cwd ?? repoRoot,
    env: ptyEnv(opts.env),
  });

  let raw = '';
  let chain: Promise<void> = Promise.resolve();
  let exitInfo: ExitInfo | undefined;
  const enqueue = (f: () => Promise<void> | void) => {
    chain = chain.then(f).catch(() => {});
  };
  const dataSub = pty.onData((data) => {
    raw += data;
    enqueue(() => new Promise<void>((r) => term.write(data, r)));
  });
  const exited = new Promise<ExitInfo>((resolve) => {
    pty.onExit((e) => {
      exitInfo = { exitCode: e.exitCode, ...(e.signal ? { signal: e.signal } : {}) };
      resolve(exitInfo);
    });
  });

  const lines = () => {
    const buf = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < term.rows; i++) {
      out.push((buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '').trimEnd());
    }
    return out;
  };
  const screen = () => lines().join('\n');
  const flush = async () => {
    let seen: Promise<void>;
    do {
      seen = chain;
      await seen;
    } while (seen !== chain);
  };
  const write = (keys: string) => {
    if (!exitInfo) pty.write(keys);
  };

  async function paste(text: string, timeoutMs = 30_000): Promise<void> {
    const fd = (pty as unknown as { fd: number }).fd;
    const all = Buffer.from(text, 'utf8');
    const end = Date.now() + timeoutMs;
    for (let at = 0; at < all.length; ) {
      try {
        at += await writeFd(fd, all.subarray(at, Math.min(all.length, at + 64 * 1024)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN' || Date.now() > end) throw e;
        await sleep(1); // the pty is full: socklab is still reading
      }
    }
  }

  async function waitFor(pred: ScreenPredicate, timeoutMs = 15_000): Promise<string> {
    const start = Date.now();
    let exitedAt: number | undefined;
    for (;;) {
      await flush();
      const s = screen();
      if (matches(pred, s)) return s;
      if (exitInfo && exitedAt === undefined) exitedAt = Date.now();
      const why =
        exitedAt !== undefined && Date.now() - exitedAt > 300
          ? `process exited (${JSON.stringify(exitInfo)}) before`
          : Date.now() - start > timeoutMs
            ? `timed out after ${timeoutMs} ms`
            : undefined;
      if (why) {
        const border = '-'.repeat(term.cols);
        throw new Error(`waitFor(${String(pred)}): ${why}\n${border}\n${s}\n${border}`);
      }
      await sleep(30);
    }
  }

  const kill = (signal?: string) => {
    if (!exitInfo) pty.kill(signal);
  };

  async function dispose() {
    const within = (ms: number) =>
      Promise.race([exited.then(() => true), sleep(ms).then(() => false)]);
    if (!exitInfo) {
      kill('SIGTERM');
      if (!(await within(3000))) {
        kill('SIGKILL');
        await within(2000);
      }
    }
    dataSub.dispose();
    await flush();
    term.dispose();
  }

  return {
    pty,
    screen,
    lines,
    buffer: () => ({
      type: term.buffer.active.type,
      baseY: term.buffer.active.baseY,
      normalBaseY: term.buffer.normal.baseY,
    }),
    raw: () => raw,
    write,
    paste,
    key: (name) => write(KEYS[name]),
    resize: (c, r) => {
      if (!exitInfo) pty.resize(c, r);
      enqueue(() => term.resize(c, r));
    },
    waitFor,
    flush,
    exited,
    cursorHidden: () => raw.lastIndexOf('\u001b[?25l') > raw.lastIndexOf('\u001b[?25h'),
    kill,
    dispose,
  };
}

const writeFd = (fd: number, b: Buffer) =>
  new Promise<number>((resolve, reject) =>
    fs.write(fd, b, 0, b.length, null, (e, n) => (e ? reject(e) : resolve(n))),
  );
