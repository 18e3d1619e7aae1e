// Runs the lab's own Python scripts (test/python/*.py) as child processes and exposes their
// stdout line by line. Only ever point them at 127.0.0.1 / ::1.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type PythonScript =
  | 'cliente.py'
  | 'servidor.py'
  | 'flood.py'
  | 'abort.py'
  | 'halfclose.py'
  | 'escuta.py'
  | 'udp_cliente.py'
  | 'udp_recvfrom.py'
  | 'udp_flood.py'
  | 'udp_mudo.py';

export interface PythonProc {
  proc: ChildProcessWithoutNullStreams;
  /** Complete stdout lines so far (no trailing newline). */
  lines: string[];
  /** Resolves with the first line (already seen or future) matching `re`. */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves once `count` lines match `re` (past and future), with all their matches. */
  waitForLines(re: RegExp, count: number, timeoutMs?: number): Promise<RegExpMatchArray[]>;
  /** Writes `s` plus a newline to stdin (e.g. releases `cliente.py --hold`). */
  writeLine(s?: string): void;
  /** Everything written to stderr so far. */
  stderr(): string;
  kill(signal?: NodeJS.Signals): void;
  /** Exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

export function pythonScriptPath(script: PythonScript): string {
  return fileURLToPath(new URL(`../python/${script}`, import.meta.url));
}

export function spawnPython(script: PythonScript, args: string[]): PythonProc {
  const proc = spawn(process.env.PYTHON ?? 'python3', ['-u', pythonScriptPath(script), ...args], {
    env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONIOENCODING: 'utf-8' },
    stdio: 'pipe',
  });
  const lines: string[] = [];
  let partial = '';
  let err = '';
  let done = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of [...listeners]) l();
  };

  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split(/\r?\n/);
    partial = parts.pop() ?? '';
    lines.push(...parts);
    notify();
  });
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => {
    proc.on('close', (code) => {
      if (partial) lines.push(partial);
      partial = '';
      done = true;
      notify();
      resolve(code);
    });
  });
  // A spawn failure (no python3) must not become an unhandled 'error' event.
  proc.on('error', (e) => {
    err += `spawn error: ${e.message}\n`;
  });

  const describe = () =>
    `${script} ${args.join(' ')}\n--- stdout ---\n${lines.join('\n')}\n--- stderr ---\n${err}`;

  function waitForLines(re: RegExp, count: number, timeoutMs = 10_000) {
    return new Promise<RegExpMatchArray[]>((resolve, reject) => {
      const check = () => {
        const found: RegExpMatchArray[] = [];
        for (const line of lines) {
          const m = line.match(re);
          if (m) found.push(m);
        }
        if (found.length >= count) return finish(() => resolve(found.slice(0, count)));
        if (done) {
          finish(() => reject(new Error(`${script} exited before ${count}× ${re}\n${describe()}`)));
        }
      };
      const timer = setTimeout(() => {
        finish(() =>
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${re}\n${describe()}`)),
        );
      }, timeoutMs);
      const finish = (f: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        f();
      };
      listeners.add(check);
      check();
    });
  }

  return {
    proc,
    lines,
    waitForLines,
    waitForLine: async (re, timeoutMs) => {
      const [m] = await waitForLines(re, 1, timeoutMs);
      return m as RegExpMatchArray;
    },
    writeLine: (s = '') => {
      if (proc.stdin.writable) proc.stdin.write(`${s}\n`);
    },
    stderr: () => err,
    kill: (signal = 'SIGTERM') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    },
    exited,
  };
}
