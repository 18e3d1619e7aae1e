// The published package works on its own: `npm pack` the repo, install the tarball into an
// empty folder, then run the installed `socklab` bin: --version, --help, a headless NDJSON
// run and the dashboard in a pty. The CLI is one bundled file with no dependencies to
// install (build.config.ts), so the install brings nothing else.
import { execFile, spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../e2e/pty.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** npm's own variables from an enclosing `npm test` would describe the repo, not the temp app. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_|^npm_config_(local_prefix|prefix|global)$/i.test(k)) continue;
    env[k] = v;
  }
  return env;
}

let tmp = '';
let tarball = '';
let bin = '';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'socklab-pack-'));
  const t0 = Date.now();
  await run(npm, ['pack', '--pack-destination', tmp, '--silent'], {
    cwd: repoRoot,
    env: npmEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  const tgz = readdirSync(tmp).filter((f) => f.endsWith('.tgz'));
  expect(tgz).toEqual([`${pkg.name}-${pkg.version}.tgz`]);
  tarball = join(tmp, tgz[0]);
  const t1 = Date.now();

  const app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'socklab-pack-check', version: '1.0.0', private: true }),
  );
  await run(npm, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: app,
    env: npmEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  bin = join(app, 'node_modules', '.bin', 'socklab');
  console.log(`npm pack ${t1 - t0} ms, npm install ${Date.now() - t1} ms`);
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed tarball, installed', { timeout: 120_000 }, () => {
  it('ships the CLI and its engine thread (and source maps), README and package.json, and no dependencies', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n').sort();
    expect(files.filter((f) => f.startsWith('package/dist/'))).toEqual([
      'package/dist/cli.js',
      'package/dist/cli.js.map',
      'package/dist/engine.js',
      'package/dist/engine.js.map',
    ]);
    expect(files).toContain('package/README.md');
    for (const f of files)
      expect(f).toMatch(/^package\/(dist\/|README\.md$|package\.json$|LICENSE)/);
    // The bin resolves into the installed copy, not back into this repository.
    const installed = join(tmp, 'app', 'node_modules', 'socklab', 'dist', 'cli.js');
    expect(realpathSync(bin)).toBe(realpathSync(installed));
    // React, Ink and the rest are inside cli.js: the install fetched no other package.
    const packages = readdirSync(join(tmp, 'app', 'node_modules')).filter(
      (n) => !n.startsWith('.'),
    );
    expect(packages).toEqual(['socklab']);
    // Ink's private caches are handed to socklab's patches inside the shipped file (see
    // src/patches/inkSource.ts): without them the dashboard's memory grows with every frame.
    const cli = readFileSync(installed, 'utf8');
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true);
    for (const file of ['measure-text.js', 'wrap-text.js', 'output.js']) {
      expect(
        cli.match(new RegExp(`\\bhandOver\\d*\\(${JSON.stringify(file)}, `, 'g')),
      ).toHaveLength(1);
    }
  });

  it("socklab --version prints package.json's version", async () => {
    const { stdout, stderr } = await run(bin, ['--version']);
    expect(stdout.trim()).toBe(pkg.version);
    expect(stderr).toBe('');
  });

  it('socklab --help lists every flag with its default, and examples', async () => {
    const { stdout } = await run(bin, ['--help']);
    for (const flag of [
      '--listen',
      '--buffer',
      '--sequential',
      '--echo',
      '--headless',
      '--json',
      '--log',
      '--max-connections',
      '--help',
      '--version',
    ]) {
      expect(stdout).toMatch(new RegExp(`^ +(-\\w, )?${flag}\\b`, 'm'));
    }
    const line = (flag: string) => stdout.split('\n').find((l) => l.includes(flag)) ?? '';
    expect(line('--listen')).toMatch(/default 127\.0\.0\.1:9999/);
    expect(line('--buffer')).toMatch(/default 1024/);
    expect(line('--sequential')).toMatch(/default:? concurrent/);
    expect(line('--echo')).toMatch(/default:? off/);
    expect(line('--max-connections')).toMatch(/default 1000/);
    expect(stdout).toMatch(/^Examples$/m);
    expect(stdout).toContain('socklab --headless --json -l 127.0.0.1:0');
    expect(stdout).toContain(`socklab ${pkg.version}`);
  });

  it('runs headless from the install: --headless --json -l 127.0.0.1:0, SIGTERM → exit 0', async () => {
    const proc = spawn(bin, ['--headless', '--json', '-l', '127.0.0.1:0'], {
      cwd: join(tmp, 'app'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stderr.on('data', (d: Buffer) => {
      err += d;
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      proc.on('close', (code, signal) => resolve({ code, signal })),
    );
    try {
      const listening = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no listening line:\n${out}\n${err}`)),
          15_000,
        );
        proc.stdout.on('data', (d: Buffer) => {
          out += d;
          const line = out.split('\n').find((l) => l.includes('"type":"listening"'));
          if (line) {
            clearTimeout(timer);
            resolve(JSON.parse(line) as Record<string, unknown>);
          }
        });
      });
      expect(listening).toMatchObject({ type: 'listening', listener: 1, address: '127.0.0.1' });
      expect(listening.port).toBeGreaterThan(0);
      proc.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(err).toBe('');
      for (const l of out.trim().split('\n')) {
        expect(JSON.parse(l)).toMatchObject({ type: expect.any(String), time: expect.any(String) });
      }
    } finally {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    }
  });

  it('draws the dashboard from the install (React and Ink from cli.js alone), q → exit 0', async () => {
    const app = startApp([], {
      command: { file: bin, args: ['-l', '127.0.0.1:0'] },
      cwd: join(tmp, 'app'),
      env: { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined },
    });
    try {
      const screen = await app.waitFor(/#1 127\.0\.0\.1:\d+ listening/, 30_000);
      expect(screen).toMatch(new RegExp(`^socklab ${pkg.version.replace(/\./g, '\\.')} `));
      app.write('q');
      expect(await app.exited).toMatchObject({ exitCode: 0 });
    } finally {
      await app.dispose();
    }
  });
});
