import { fork } from 'node:child_process';
import path from 'node:path';

/**
 * Run one scenario in a fresh process — child.js of the plain-JS copy in `dir` (see
 * transpile.ts) — and resolve with its result. CI is cleared because Ink, seeing CI set,
 * draws only the final frame.
 */
export function spawnScenario<T>(
  dir: string,
  name: string,
  args: object,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  execArgv: string[] = [],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(dir, 'test/bench/child.js'), [name, JSON.stringify(args)], {
      execArgv: ['--expose-gc', ...execArgv],
      env: { ...process.env, ...env, CI: 'false' },
      // Ours is for the report only; a child's stderr is shown if it fails.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    let result: T | undefined;
    child.on('message', (m: { result: T }) => {
      result = m.result;
    });
    // Keeps the bench bounded whatever happens (React's development build, for one, can
    // grow the heap by gigabytes and spend minutes in GC before it dies).
    const timer = setTimeout(() => {
      stderr += `\nkilled after ${timeoutMs / 1000} s`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && result !== undefined) resolve(result);
      else reject(new Error(`scenario ${name} exited (${signal ?? code}): ${lastLines(stderr)}`));
    });
  });
}

/** The end of a failed child's stderr, enough to say why. */
function lastLines(text: string, n = 4): string {
  return text.trim().split('\n').slice(-n).join(' | ');
}
