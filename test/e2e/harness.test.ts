// Self-test of the e2e harness (pty + headless xterm) and of the lab's Python scripts.
// Needs no socklab build.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnPython } from '../helpers/python.js';
import { type App, freePort, looksLikeCi, ptyEnv, type StartOptions, startApp } from './pty.js';

// A tiny TUI: prints lines, reports is-in-ci (the package Ink uses), hides the cursor,
// echoes raw keys as JSON, reports SIGWINCH sizes, and on 'q' shows the cursor and exits.
const CHILD = `
import isInCi from 'is-in-ci';
const out = (s) => process.stdout.write(s + '\\r\\n');
out('hello harness');
out('  second line  ');
out('IN_CI=' + isInCi);
out('SIZE ' + process.stdout.columns + 'x' + process.stdout.rows);
process.stdout.on('resize', () => out('RESIZED ' + process.stdout.columns + 'x' + process.stdout.rows));
process.stdout.write('\\u001b[?25l');
process.stdin.setRawMode(true);
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => {
  out('KEY ' + JSON.stringify(d));
  if (d === 'q') { process.stdout.write('\\u001b[?25h'); out('BYE'); process.exit(7); }
});
out('READY');
`;

const child = (opts: StartOptions = {}) =>
  startApp([], {
    cols: 80,
    rows: 24,
    ...opts,
    command: { file: process.execPath, args: ['--input-type=module', '-e', CHILD] },
  });

let app: App | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

describe('pty harness', () => {
  it('renders lines, echoes keys, tracks the cursor and resizes', async () => {
    app = child();
    const first = await app.waitFor('READY');
    expect(first).toContain('hello harness');
    expect(app.lines()[1]).toBe('  second line'); // right-trimmed, leading space kept
    expect(app.lines()).toHaveLength(24);
    expect(first).toContain('SIZE 80x24');
    expect(app.cursorHidden()).toBe(true);

    app.key('up');
    await app.waitFor('KEY "\\u001b[A"');
    app.key('shift-tab');
    await app.waitFor('KEY "\\u001b[Z"');
    app.key('enter');
    await app.waitFor('KEY "\\r"');
    app.write('x');
    await app.waitFor((s) => s.includes('KEY "x"'));

    app.resize(100, 30);
    await app.waitFor('RESIZED 100x30');
    expect(app.lines()).toHaveLength(30);

    app.write('q');
    await app.waitFor('BYE');
    expect(app.cursorHidden()).toBe(false);
    expect(await app.exited).toMatchObject({ exitCode: 7 });
    expect(app.raw()).toContain('\u001b[?25l');
    // After exit, waitFor fails fast (~300 ms grace) instead of waiting out its timeout.
    await expect(app.waitFor('never shown', 10_000)).rejects.toThrow(/process exited[\s\S]*BYE/);
  });

  it('clears CI for the child even when the parent has CI=true', async () => {
    const saved = {
      CI: process.env.CI,
      CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION,
    };
    process.env.CI = 'true';
    process.env.CONTINUOUS_INTEGRATION = '1';
    try {
      expect(looksLikeCi(ptyEnv())).toBe(false);
      app = child();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    expect(await app.waitFor('READY')).toContain('IN_CI=false');
  });

  it('lets a test opt back into CI mode (proves the probe is real)', async () => {
    app = child({ env: { CI: 'true' } });
    expect(await app.waitFor('READY')).toContain('IN_CI=true');
  });

  it('waitFor fails with the whole screen in the message', async () => {
    app = child();
    await app.waitFor('READY');
    await expect(app.waitFor('never shown', 200)).rejects.toThrow(/timed out[\s\S]*hello harness/);
  });

  it('freePort returns a bindable loopback port', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
  });
});

describe('lab python scripts', () => {
  it('each of 3 connections uses a distinct ephemeral port, seen by the server', async () => {
    const srv = spawnPython('servidor.py', ['127.0.0.1', '0']);
    try {
      const [, port] = await srv.waitForLine(/^LISTENING (\d+)$/);
      const cli = spawnPython('cliente.py', ['127.0.0.1', String(port), '--count', '3']);
      expect(await cli.exited).toBe(0);
      const clientPorts = cli.lines
        .filter((l) => l.startsWith('PORT '))
        .map((l) => Number(l.slice(5)));
      const accepted = (await srv.waitForLines(/^ACCEPTED (\d+)$/, 3)).map((m) => Number(m[1]));
      expect(new Set(clientPorts).size).toBe(3);
      expect(accepted).toEqual(clientPorts);
      const range = '/proc/sys/net/ipv4/ip_local_port_range';
      if (process.platform === 'linux') {
        const [lo, hi] = readFileSync(range, 'utf8').trim().split(/\s+/).map(Number);
        for (const p of clientPorts) expect(p >= lo && p <= hi).toBe(true);
      }
    } finally {
      srv.kill();
      await srv.exited;
    }
  });

  it('recv(5) reads the 28-byte message as 5,5,5,5,5,3', async () => {
    const srv = spawnPython('servidor.py', ['127.0.0.1', '0', '--buffer', '5', '--once']);
    const [, port] = await srv.waitForLine(/^LISTENING (\d+)$/);
    const cli = spawnPython('cliente.py', ['127.0.0.1', String(port)]);
    expect(await cli.exited).toBe(0);
    expect(await srv.exited).toBe(0);
    const reads = srv.lines.filter((l) => l.startsWith('READ '));
    expect(reads.map((l) => Number(l.split(' ')[1]))).toEqual([5, 5, 5, 5, 5, 3]);
    expect(reads[0]).toBe("READ 5 b'Estou'");
    expect(srv.lines.at(-1)).toBe('CLOSED');
    expect(cli.lines).toContain('SENT 28');
  });
});
