import fs from 'node:fs';
import path from 'node:path';

/**
 * Stretches of a scenario that matter (e.g. while frames are timed), on the clock V8's CPU
 * profiles use (monotonic, µs), so profileSummary.ts can keep only the samples inside them.
 */
const windows: [number, number][] = [];

export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

export function markWindow(startUs: number, endUs: number): void {
  windows.push([startUs, endUs]);
}

/** Beside the profile V8 writes at exit (`--cpu-prof-dir`), if there is one. */
export function saveWindows(): void {
  const i = process.execArgv.indexOf('--cpu-prof-dir');
  if (i < 0 || windows.length === 0) return;
  fs.mkdirSync(process.execArgv[i + 1], { recursive: true });
  const file = path.join(process.execArgv[i + 1], `windows.${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(windows));
}

/** The windows saved by the process that wrote `profileFile` (CPU.<date>.<time>.<pid>.…). */
export function windowsFor(profileFile: string): [number, number][] | null {
  const pid = path.basename(profileFile).split('.')[3];
  const file = path.join(path.dirname(profileFile), `windows.${pid}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
}
