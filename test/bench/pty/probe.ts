import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ProbeLog } from './frameProbe.js';

const PROBE = fileURLToPath(new URL('./frameProbe.js', import.meta.url));

/** frameProbe.ts preloaded into one CLI process: how to start it, sample it, read it back. */
export class Probe {
  private readonly file = path.join(
    os.tmpdir(),
    `socklab-probe-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`,
  );
  readonly nodeArgs = ['--import', pathToFileURL(PROBE).href];
  readonly env = { BENCH_PROBE_FILE: this.file };

  /** Ask the process for a process.memoryUsage() sample (kept in order). */
  sample(pid: number): void {
    process.kill(pid, 'SIGUSR2');
  }

  /** What the probe wrote when its process exited (nothing if it was killed). */
  read(): ProbeLog {
    if (!fs.existsSync(this.file)) return { frames: [], memory: [] };
    const log = JSON.parse(fs.readFileSync(this.file, 'utf8')) as ProbeLog;
    fs.rmSync(this.file, { force: true });
    return log;
  }
}
