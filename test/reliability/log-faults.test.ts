// Issue 13 item 2: a --log that cannot be written. At start (/dev/full: open works, every
// write fails with ENOSPC) it is a usage error, before any socket. Mid-run (the file reaches
// the size limit: RLIMIT_FSIZE via prlimit, Node ignores SIGXFSZ so write fails with EFBIG;
// or a FIFO whose reader goes away: EPIPE) it is one explained entry (stderr headless, the
// errors pane in the dashboard), logging stops, and the sockets keep working.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  cliPath,
  connectRaw,
  disposeAll,
  type Json,
  listeningPort,
  runCli,
  sleep,
  spawnCli,
  startTracked,
  tmpDir,
  track,
  until,
  writeAll,
} from './helpers.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });
afterAll(disposeAll);

const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
/** Bytes the log may hold: a handful of events, then every write fails. */
const FSIZE = 3000;

/** Send `n` separate messages (each its own read), waiting for each to be counted. */
async function sendMany(
  port: number,
  n: number,
  counted: () => Promise<number>,
  context: () => string,
): Promise<void> {
  const s = track(await connectRaw(port));
  s.setNoDelay(true);
  for (let i = 0; i < n; i++) {
    const before = await counted();
    await writeAll(s, Buffer.from(`message number ${i} of a log that fills up\n`));
    const end = Date.now() + 10_000;
    while ((await counted()) <= before) {
      if (Date.now() > end) throw new Error(`message ${i} was not counted\n${context()}`);
      await sleep(20);
    }
  }
  s.end();
}

describe('--log that cannot be written at start', () => {
  it('/dev/full: a usage error (exit 2) that says why, before any socket', async () => {
    const r = await runCli(['--headless', '--json', '--log', '/dev/full', '-l', '127.0.0.1:0']);
    console.log(`stderr: ${r.stderr.trim()}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^socklab: --log "\/dev\/full": /);
    expect(r.stderr).toContain('ENOSPC');
    expect(r.stderr).toMatch(/no space left/i);
    expect(r.stderr).not.toContain('Unhandled');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe(''); // no listener was opened
  });

  it('a folder or a missing folder: the same kind of message', async () => {
    const dir = tmpDir();
    for (const [file, code] of [
      [dir, 'EISDIR'],
      [path.join(dir, 'no', 'such.ndjson'), 'ENOENT'],
    ]) {
      const r = await runCli(['--headless', '--log', file, '-l', '127.0.0.1:0']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(code);
      expect(r.stdout).toBe('');
    }
  });
});

type Fault = 'file size limit (EFBIG)' | 'FIFO reader gone (EPIPE)';

/** A log target that fails after a while, and the command prefix that makes it so. */
function faultyLog(fault: Fault): { file: string; prefix: string[]; dropReader(): void } {
  const dir = tmpDir();
  const file = path.join(dir, fault.startsWith('file') ? 'events.ndjson' : 'events.fifo');
  if (fault.startsWith('file')) {
    return { file, prefix: ['prlimit', `--fsize=${FSIZE}`, '--'], dropReader() {} };
  }
  spawnSync('mkfifo', [file]);
  // The reader: opened on the thread pool (it blocks until socklab opens the FIFO).
  const reader = fs.createReadStream(file);
  reader.on('data', () => {});
  reader.on('error', () => {});
  return { file, prefix: [], dropReader: () => reader.destroy() };
}

describe.concurrent.each<Fault>(['file size limit (EFBIG)', 'FIFO reader gone (EPIPE)'])(
  'a log that fails mid-run: %s',
  (fault) => {
    const skip =
      (fault.startsWith('file') && !hasPrlimit) || (fault.startsWith('FIFO') && !hasMkfifo);

    it.skipIf(skip)(
      'headless: one explanation on stderr, logging stops, sockets keep working',
      async () => {
        const log = faultyLog(fault);
        const child = spawnCli(
          ['--headless', '--json', '--log', log.file, '-l', '127.0.0.1:0'],
          log.prefix,
        );
        const port = await listeningPort(child);
        const reads = async () => child.events().filter((e) => e.type === 'read').length;
        const context = () => `stderr: ${child.stderr()}`;
        if (fault.startsWith('FIFO')) {
          await sendMany(port, 3, reads, context);
          log.dropReader();
          await sleep(100);
        }
        // Enough to fill FSIZE several times over (about 200 B a read record).
        await sendMany(port, 40, reads, context);
        const failedAt = await until(
          () => /log/.test(child.stderr()) && child.stderr(),
          15_000,
          () => child.stderr(),
        );
        console.log(`${fault}: stderr: ${failedAt.trim()}`);
        // After the failure: a new client connects, sends, and is counted.
        const s = track(await connectRaw(port));
        await writeAll(s, Buffer.from('still counted'));
        s.end();
        const closed = (await child.waitForEvent(
          (e) => e.type === 'closed' && e.bytesIn === 13,
        )) as Json;
        expect(closed.reads).toBeGreaterThan(0);
        child.signal('SIGTERM');
        expect(await child.exited).toEqual({ code: 0, signal: null });
        const err = child.stderr().trim().split('\n');
        expect(err, 'one explanation, said once').toHaveLength(1);
        expect(err[0]).toMatch(fault.startsWith('file') ? /EFBIG/ : /EPIPE/);
        expect(err[0]).toContain(log.file);
        expect(err[0]).toMatch(/logging stopped/i);
        if (fault.startsWith('file')) {
          // What was written before the limit is there; nothing after it.
          expect(fs.statSync(log.file).size).toBeLessThanOrEqual(FSIZE);
          const lines = fs.readFileSync(log.file, 'utf8').split('\n').slice(0, -1);
          for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
          expect(lines[0]).toContain('"listening"');
        }
      },
    );

    it.skipIf(skip)(
      'dashboard: one entry in the errors pane, the dashboard and sockets keep working',
      async () => {
        const log = faultyLog(fault);
        const app = startTracked([], {
          cols: 120,
          rows: 40,
          command: {
            file: log.prefix[0] ?? process.execPath,
            args: [
              ...log.prefix.slice(1),
              ...(log.prefix.length ? [process.execPath] : []),
              cliPath,
              '--log',
              log.file,
              '-l',
              '127.0.0.1:0',
            ],
          },
        });
        const ready = await app.waitFor(/#1 127\.0\.0\.1:(\d+) listening/);
        const port = Number(/#1 127\.0\.0\.1:(\d+) listening/.exec(ready)?.[1]);
        // The header's exact read count: "reads 1,234".
        const readsOn = (line: string) =>
          Number(/reads ([\d,]+)/.exec(line)?.[1].replace(/,/g, '') ?? 0);
        const counted = async () => {
          await app.flush();
          return readsOn(app.lines()[0] ?? '');
        };
        const context = () => app.screen();
        if (fault.startsWith('FIFO')) {
          await sendMany(port, 3, counted, context);
          log.dropReader();
          await sleep(100);
        }
        await sendMany(port, 40, counted, context);
        const code = fault.startsWith('file') ? 'EFBIG' : 'EPIPE';
        const screen = await app.waitFor(new RegExp(`${code} log`), 15_000);
        console.log(
          `${fault}: errors pane: ${screen
            .split('\n')
            .filter((l) => l.includes(code))
            .map((l) => l.split(/[│┃][│┃]/)[1] ?? l)
            .join(' | ')}`,
        );
        expect(screen.split('\n').filter((l) => l.includes(`${code} log`))).toHaveLength(1);
        // Still alive: a new connection is accepted, and its read counted in the header.
        const total = await counted();
        const s = track(await connectRaw(port));
        await writeAll(s, Buffer.from('still counted'));
        await app.waitFor((x) => readsOn(x.split('\n')[0]) === total + 1, 10_000);
        app.write('q');
        expect((await app.exited).exitCode).toBe(0);
      },
    );
  },
);
