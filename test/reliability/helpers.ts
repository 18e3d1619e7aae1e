// Shared by the reliability tests: the built CLI as a child (headless, NDJSON), log parsing,
// a seeded PRNG, and raw loopback peers. Everything is bounded in time; loopback only.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type App, cliPath, repoRoot, type StartOptions, startApp } from '../e2e/pty.js';
import { sleep } from '../helpers/lab.js';

// The raw loopback peers and the sleep every engine test uses.
export { closed as whenClosed, rawClient as connectRaw, sleep } from '../helpers/lab.js';
export { cliPath, repoRoot };

/** mulberry32: reproducible "random" splits and sizes; print the seed on failure. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const randInt = (r: () => number, min: number, max: number) =>
  min + Math.floor(r() * (max - min + 1));

export function tmpDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'socklab-rel-'));
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI to completion (killed after `timeoutMs`). stdin is /dev/null: no TTY. */
export function runCli(
  args: string[],
  timeoutMs = 10_000,
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [cliPath, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...ENGLISH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The assertions read socklab's English text: whatever the machine's locale. */
export const ENGLISH = { LC_ALL: 'C.UTF-8', LC_MESSAGES: 'C.UTF-8', LANG: 'C.UTF-8' };

export type Json = Record<string, unknown> & { type: string };

export interface Child {
  proc: ChildProcessWithoutNullStreams;
  /** Complete stdout lines so far. */
  lines: string[];
  /** stdout lines parsed as JSON (with --json); throws on a line that is not JSON. */
  events(): Json[];
  waitForLine(pred: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  waitForEvent(pred: (e: Json) => boolean, timeoutMs?: number): Promise<Json>;
  stderr(): string;
  signal(sig: NodeJS.Signals): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running; resolves once gone. */
  dispose(): Promise<void>;
}

const children = new Set<Child>();

/** Kill every child still running (call in afterEach/afterAll). */
export async function disposeChildren(): Promise<void> {
  await Promise.all([...children].map((c) => c.dispose()));
}

/**
 * `node dist/cli.js ...args`, or `prefix... node dist/cli.js ...args` (e.g. prlimit).
 * stdout is a pipe, so socklab runs headless even without --headless.
 */
export function spawnCli(args: string[], prefix: string[] = []): Child {
  const argv = [...prefix, process.execPath, cliPath, ...args];
  const proc = spawn(argv[0], argv.slice(1), {
    cwd: repoRoot,
    env: { ...process.env, ...ENGLISH },
    stdio: 'pipe',
  });
  const lines: string[] = [];
  let partial = '';
  let err = '';
  let done = false;
  proc.stdout.setEncoding('utf8').on('data', (d: string) => {
    const parts = (partial + d).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  proc.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  proc.on('error', (e) => (err += `spawn error: ${e.message}\n`));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    proc.on('close', (code, signal) => {
      if (partial) lines.push(partial);
      partial = '';
      done = true;
      r({ code, signal });
    }),
  );
  const parse = (l: string, i: number): Json => {
    try {
      return JSON.parse(l) as Json;
    } catch {
      throw new Error(`stdout line ${i + 1} is not JSON: ${JSON.stringify(l.slice(0, 200))}`);
    }
  };
  const describe = () =>
    `${args.join(' ')}\n--- stdout (last 20) ---\n${lines.slice(-20).join('\n')}\n--- stderr ---\n${err}`;
  async function poll<T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = find();
      if (v !== undefined) return v;
      if (done) throw new Error(`socklab exited before ${what}\n${describe()}`);
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${describe()}`);
      await sleep(20);
    }
  }
  const child: Child = {
    proc,
    lines,
    events: () => lines.filter((l) => l.trim() !== '').map(parse),
    waitForLine: (pred, timeoutMs = 10_000) =>
      poll(() => lines.find(pred), `a line matching ${pred}`, timeoutMs),
    waitForEvent: (pred, timeoutMs = 10_000) =>
      poll(
        () =>
          lines
            .filter((l) => l.startsWith('{'))
            .map(parse)
            .find(pred),
        `an event matching ${pred}`,
        timeoutMs,
      ),
    stderr: () => err,
    signal: (sig) => {
      if (!done) proc.kill(sig);
    },
    exited,
    async dispose() {
      children.delete(child);
      if (!done) {
        proc.kill('SIGKILL');
        await Promise.race([exited, sleep(3000)]);
      }
    },
  };
  children.add(child);
  return child;
}

// Tests in a file may run concurrently, so cleanup is per file (afterAll(disposeAll)),
// not afterEach: one test's afterEach must not kill another's app.
const apps = new Set<App>();
const sockets = new Set<{ destroy(): unknown }>();

/** startApp, disposed by disposeAll(). */
export function startTracked(args: string[], opts?: StartOptions): App {
  const app = startApp(args, { ...opts, env: { ...ENGLISH, ...opts?.env } });
  apps.add(app);
  return app;
}

/** Destroyed by disposeAll(). */
export function track<T extends { destroy(): unknown }>(s: T): T {
  sockets.add(s);
  return s;
}

/** Every tracked socket, pty app and child process of this file. */
export async function disposeAll(): Promise<void> {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await Promise.all([...apps].map((a) => a.dispose()));
  apps.clear();
  await disposeChildren();
}

/** Every line of an NDJSON file, parsed; the error names the first line that does not parse. */
export function readNdjson(file: string): Json[] {
  const text = readFileSync(file, 'utf8');
  if (text !== '' && !text.endsWith('\n')) throw new Error(`${file}: last line is incomplete`);
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as Json;
      } catch {
        throw new Error(`${file} line ${i + 1} is not JSON: ${JSON.stringify(l.slice(0, 200))}`);
      }
    });
}

/** Write and wait until the kernel has taken it (callback), so later sends are separate. */
export function writeAll(s: net.Socket, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => s.write(data, (e) => (e ? reject(e) : resolve())));
}

/** Poll a condition with a deadline; the error carries `describe()` for context. */
export async function until<T>(
  fn: () => T | undefined | null | false,
  timeoutMs = 10_000,
  describe: () => string = () => '',
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${fn.toString()}\n${describe()}`);
    await sleep(15);
  }
}

/**
 * Retry assertions until they pass (or rethrow the last failure): a screen read while a
 * frame is being redrawn shows half of it for a moment.
 */
export async function eventually(check: () => unknown, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await sleep(50);
  }
}

/** The port a `listening` NDJSON event reports for listener `id`. */
export async function listeningPort(c: Child, id = 1): Promise<number> {
  const e = await c.waitForEvent((x) => x.type === 'listening' && x.listener === id);
  return e.port as number;
}
