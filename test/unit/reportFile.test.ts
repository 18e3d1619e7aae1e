import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reportPathProblem, writeReportFile } from '../../src/report/reportFile.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'socklab-reportfile-'));
  dirs.push(d);
  return d;
}

describe('the report file', () => {
  it('replaces an old report in one step, through a symlink, keeping its mode, no temporary left', () => {
    const d = tmp();
    const real = path.join(d, 'real.md');
    const link = path.join(d, 'link.md');
    writeFileSync(real, 'old', { mode: 0o640 });
    symlinkSync(real, link);
    expect(reportPathProblem(link)).toBeNull();
    expect(readFileSync(real, 'utf8')).toBe('old');
    writeReportFile(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(lstatSync(real).mode & 0o777).toBe(0o640);
    expect(readdirSync(d).sort()).toEqual(['link.md', 'real.md']);
  });

  it('a folder in its place fails with EISDIR, and leaves the folder as it was', () => {
    const d = tmp();
    expect(reportPathProblem(d)).toBe('EISDIR');
    expect(() => writeReportFile(d, 'x')).toThrow(/EISDIR/);
    expect(readdirSync(d)).toEqual([]);
  });
});
