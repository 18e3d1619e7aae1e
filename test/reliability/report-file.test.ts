// Issue 13 item 9: a report that cannot be written must say so. The path is checked at start
// (like --log): a directory, a missing folder or a full device is a usage error, exit 2,
// before any socket. A write that fails at exit is printed on stderr — after the dashboard
// has given the terminal back — and the exit status is 1, headless and dashboard alike. A
// report already on disk is left whole until exit, then replaced in one step.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listenerPort } from '../e2e/dashboard.js';
import type { App } from '../e2e/pty.js';
import {
  disposeAll,
  listeningPort,
  runCli,
  sleep,
  spawnCli,
  startTracked,
  tmpDir,
} from './helpers.js';

afterAll(disposeAll);

const LEAVE_ALT_SCREEN = '\x1b[?1049l';

describe('--report checked at start', () => {
  it('a directory, a missing folder, /dev/full: exit 2 with the reason, no socket opened', async () => {
    const dir = tmpDir();
    const cases: [string, RegExp][] = [
      [dir, /EISDIR/],
      [path.join(dir, 'missing', 'r.md'), /ENOENT/],
      ['/dev/full', /ENOSPC/],
    ];
    for (const [file, reason] of cases) {
      const r = await runCli(['--headless', '--json', '-l', '127.0.0.1:0', '--report', file]);
      expect(r.code, `${file}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^socklab: --report "${file}": .*${reason.source}`));
      expect(r.stdout).toBe('');
    }
  }, 60_000);

  it('the dashboard too: exit 2 before it draws', async () => {
    const dir = tmpDir();
    const app = startTracked(['-l', '127.0.0.1:0', '--report', dir]);
    const info = await Promise.race([app.exited, sleep(15_000).then(() => null)]);
    expect(info?.exitCode, app.screen()).toBe(2);
    expect(app.raw()).toContain(`socklab: --report "${dir}"`);
    expect(app.raw()).toContain('EISDIR');
    expect(app.raw()).not.toContain('\x1b[?1049h');
  }, 30_000);

  it('leaves nothing behind for a new file, and an old report whole until exit', async () => {
    const dir = tmpDir();
    const fresh = path.join(dir, 'fresh.md');
    const old = path.join(dir, 'old.md');
    writeFileSync(old, 'the previous report\n');
    const a = spawnCli(['--headless', '--json', '-l', '127.0.0.1:0', '--report', fresh]);
    const b = spawnCli(['--headless', '--json', '-l', '127.0.0.1:0', '--report', old]);
    await listeningPort(a);
    await listeningPort(b);
    expect(existsSync(fresh)).toBe(false);
    expect(readFileSync(old, 'utf8')).toBe('the previous report\n');
    a.signal('SIGTERM');
    b.signal('SIGTERM');
    expect((await a.exited).code).toBe(0);
    expect((await b.exited).code).toBe(0);
    expect(readFileSync(fresh, 'utf8')).toMatch(/^# socklab lab report\n/);
    expect(readFileSync(old, 'utf8')).toMatch(/^# socklab lab report\n/);
    expect(a.stderr()).toBe(`socklab: report written to ${fresh}\n`);
  }, 30_000);
});

describe('--report failing at exit', () => {
  it('headless: the reason on stderr, exit 1', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'r.md');
    const c = spawnCli(['--headless', '--json', '-l', '127.0.0.1:0', '--report', file]);
    await listeningPort(c);
    mkdirSync(file); // the report's place is taken by a folder while socklab runs
    c.signal('SIGTERM');
    expect((await c.exited).code).toBe(1);
    expect(c.stderr()).toBe(`socklab: could not write the report to ${file}: EISDIR\n`);
    // stdout stays NDJSON.
    expect(() => c.events()).not.toThrow();
  }, 30_000);

  it.each([
    ['q', (app: App) => app.write('q')],
    ['SIGTERM', (app: App) => app.kill('SIGTERM')],
  ])(
    'dashboard: %s restores the terminal, then prints the reason; exit 1',
    async (_, stop) => {
      const dir = tmpDir();
      const file = path.join(dir, 'r.md');
      const app = startTracked(['-l', '127.0.0.1:0', '--report', file]);
      await app.waitFor((s) => (listenerPort(s) ?? 0) > 0);
      mkdirSync(file);
      stop(app);
      const info = await app.exited;
      expect(info.exitCode).toBe(1);
      const message = `socklab: could not write the report to ${file}: EISDIR`;
      // The pty may hand over its last bytes after the exit.
      const end = Date.now() + 3000;
      while (!app.raw().includes(message) && Date.now() < end) await sleep(25);
      const raw = app.raw();
      expect(raw).toContain(message);
      expect(raw.lastIndexOf(LEAVE_ALT_SCREEN)).toBeGreaterThan(-1);
      expect(raw.indexOf(message)).toBeGreaterThan(raw.lastIndexOf(LEAVE_ALT_SCREEN));
    },
    30_000,
  );
});
