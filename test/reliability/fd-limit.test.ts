// Start-up under a low descriptor limit (`prlimit --nofile=64`): the dashboard in a pty draws
// its first frame and `q` quits cleanly; headless listens and SIGTERM ends it with exit 0.
// A CLI loaded as ~200 separate modules opened them concurrently and died with EMFILE at
// start-up below ~334 descriptors; a single-file CLI opens one.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  cliPath,
  connectRaw,
  disposeAll,
  listeningPort,
  spawnCli,
  startTracked,
  track,
  writeAll,
} from './helpers.js';

// Generous bounds: the machine's two cores are shared with other suites.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

afterAll(disposeAll);

const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;
const LIMIT = ['prlimit', '--nofile=64:64', '--'];

describe.skipIf(!hasPrlimit)('start-up with 64 file descriptors (prlimit --nofile=64)', () => {
  it('the dashboard draws its first frame, and q quits with exit 0', async () => {
    const args = ['-l', '127.0.0.1:0'];
    const app = startTracked(args, {
      command: { file: LIMIT[0], args: [...LIMIT.slice(1), process.execPath, cliPath, ...args] },
    });
    const screen = await app.waitFor(/#1 127\.0\.0\.1:\d+ listening/, 30_000);
    expect(screen).toMatch(/^socklab \d+\.\d+\.\d+ {2}listening 1/);
    expect(app.raw()).not.toMatch(/EMFILE/);
    app.write('q');
    expect(await app.exited).toMatchObject({ exitCode: 0 });
    await app.flush();
    expect(app.raw()).toMatch(/\u001b\[\?1049l(\u001b\[\?25h)+$/);
  });

  it('headless listens and reads, and SIGTERM ends it with exit 0', async () => {
    const child = spawnCli(['--headless', '--json', '-l', '127.0.0.1:0'], LIMIT);
    const port = await listeningPort(child, 1);
    const s = track(await connectRaw(port));
    await writeAll(s, Buffer.from('under 64'));
    await child.waitForEvent((e) => e.type === 'read' && e.preview === 'under 64');
    child.signal('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.stderr()).toBe('');
  });
});
