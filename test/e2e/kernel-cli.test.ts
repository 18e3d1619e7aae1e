// `socklab ports` and the kernel's view in headless NDJSON, from the built CLI, on real sockets.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type PythonProc, spawnPython } from '../helpers/python.js';
import {
  cliPath,
  connectRaw,
  disposeChildren,
  ENGLISH,
  type Json,
  runCli,
  spawnCli,
} from '../reliability/helpers.js';

const linux = process.platform === 'linux' && fs.existsSync('/proc/net/tcp');
const pys: PythonProc[] = [];
const raws: net.Socket[] = [];
afterEach(async () => {
  for (const s of raws.splice(0)) s.destroy();
  for (const p of pys.splice(0)) p.kill('SIGKILL');
  await disposeChildren();
});

async function pythonListener(): Promise<{ py: PythonProc; port: number }> {
  const py = spawnPython('escuta.py', ['127.0.0.1', '0']);
  pys.push(py);
  const [, p] = await py.waitForLine(/^LISTENING (\d+)$/);
  return { py, port: Number(p) };
}

const lines = (out: string) => out.split('\n').filter((l) => l !== '');

describe.skipIf(!linux)('socklab ports', () => {
  it('--json: a Python server that never accepts, 2 clients → LISTEN recvQ 2 with its pid and command', async () => {
    const { py, port } = await pythonListener();
    raws.push(await connectRaw(port), await connectRaw(port));
    let sockets: Json[] = [];
    for (let i = 0; i < 50; i++) {
      const r = await runCli(['ports', String(port), '--json']);
      expect(r.code).toBe(0);
      sockets = lines(r.stdout).map((l) => JSON.parse(l) as Json);
      if (sockets.find((s) => s.state === 'LISTEN')?.recvQ === 2) break;
    }
    const listen = sockets.find((s) => s.state === 'LISTEN');
    expect(listen).toEqual({
      type: 'socket',
      state: 'LISTEN',
      local: { address: '127.0.0.1', port },
      remote: { address: '0.0.0.0', port: 0 },
      recvQ: 2,
      sendQ: 0,
      inode: expect.any(Number),
      uid: process.getuid?.(),
      owner: {
        pid: py.proc.pid,
        command: expect.stringMatching(/python3? .*escuta\.py 127\.0\.0\.1 0$/),
      },
    });
    // The two connections waiting for accept(): the server side has no owner (inode 0).
    const waiting = sockets.filter(
      (s) => s.state === 'ESTABLISHED' && (s.local as Json).port === port,
    );
    expect(waiting.map((s) => [s.inode, s.owner])).toEqual([
      [0, null],
      [0, null],
    ]);
    // Our two client ends, this test's own process.
    const clients = sockets.filter((s) => (s.remote as Json).port === port);
    expect(clients.map((s) => (s.owner as Json | null)?.pid)).toEqual([process.pid, process.pid]);
    expect(sockets).toHaveLength(5);
  });

  it('text: one row per socket in ss’s words, each with its explanation', async () => {
    const { py, port } = await pythonListener();
    raws.push(await connectRaw(port), await connectRaw(port));
    let out: string[] = [];
    for (let i = 0; i < 50; i++) {
      out = lines((await runCli(['ports', `127.0.0.1:${port}`])).stdout);
      if (out.some((l) => /^LISTEN +2 /.test(l))) break;
    }
    expect(out[0]).toMatch(/^State +Recv-Q Send-Q Local +Peer +Process$/);
    const i = out.findIndex((l) => l.startsWith('LISTEN'));
    expect(out[i]).toMatch(
      new RegExp(
        `^LISTEN +2 +- 127\\.0\\.0\\.1:${port} +0\\.0\\.0\\.0:\\* +python3 \\(pid ${py.proc.pid}: .*escuta\\.py 127\\.0\\.0\\.1 0\\)$`,
      ),
    );
    expect(out[i + 1].trim()).toBe(
      '2 connections wait in the accept queue: connect() succeeded, accept() not yet called',
    );
    expect(out.filter((l) => l.includes('no process has accept()ed it yet'))).toHaveLength(2);
  });

  it('a /proc root at an empty folder: says unavailable on stderr, exit 1, no crash', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'socklab-noproc-'));
    const r = await runCli(['ports', '--json'], 10_000, { SOCKLAB_PROC_ROOT: empty });
    fs.rmSync(empty, { recursive: true });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(
      `socklab: The kernel's view is not available: ${empty}/net/tcp cannot be read (no /proc here). Everything else works.\n`,
    );
  });

  it.skipIf(process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status !== 0)(
    'run as another user (nobody): the Python server is "another user\'s process"',
    async () => {
      const { port } = await pythonListener();
      const r = spawnSync(
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          cliPath,
          'ports',
          String(port),
        ],
        { encoding: 'utf8', env: { ...process.env, ...ENGLISH }, timeout: 10_000 },
      );
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n')[1]).toMatch(
        new RegExp(
          `^LISTEN +0 +- 127\\.0\\.0\\.1:${port} +0\\.0\\.0\\.0:\\* +another user's process$`,
        ),
      );
    },
  );

  it('--help mentions it', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toContain('socklab ports [[HOST:]PORT] [--json]');
  });
});

describe.skipIf(!linux)('headless NDJSON', () => {
  it('bind-error on a port a Python child holds: its pid and command in holder and in the explanation', async () => {
    const { py, port } = await pythonListener();
    const cli = spawnCli(['--headless', '--json', '-l', `127.0.0.1:${port}`]);
    const e = await cli.waitForEvent((x) => x.type === 'bind-error');
    expect(e.holder).toEqual({
      state: 'LISTEN',
      pid: py.proc.pid,
      name: 'python3',
      command: expect.stringMatching(/escuta\.py 127\.0\.0\.1 0$/),
      listener: null,
      unknown: null,
    });
    expect(e.explanation).toMatch(
      new RegExp(
        `^127\\.0\\.0\\.1:${port} is held by python3 \\(pid ${py.proc.pid}: .*escuta\\.py 127\\.0\\.0\\.1 0\\), LISTEN — close it or choose another port\\.$`,
      ),
    );
  });

  it('tcp-state on changes only: ESTABLISHED once, then TIME_WAIT on the side that closed first', async () => {
    const cli = spawnCli(['--headless', '--json', '-l', '127.0.0.1:0']);
    const l = await cli.waitForEvent((x) => x.type === 'listening');
    const s = await connectRaw(l.port as number);
    const acc = await cli.waitForEvent((x) => x.type === 'accepted');
    await cli.waitForEvent((x) => x.type === 'tcp-state' && x.connection === acc.connection);
    const closer = s.localPort as number;
    s.end(); // this client closes first; socklab then closes its side (no --half-open)
    await cli.waitForEvent(
      (x) => x.type === 'tcp-state' && x.connection === acc.connection && x.state === null,
    );
    const mine = cli
      .events()
      .filter((x) => x.type === 'tcp-state' && x.connection === acc.connection);
    expect(mine[0]).toMatchObject({ state: 'ESTABLISHED', recvQ: 0, sendQ: 0 });
    // Each line is a change: no two in a row the same.
    const keys = mine.map((x) => `${x.state} ${x.recvQ} ${x.sendQ}`);
    expect(keys.every((k, i) => i === 0 || k !== keys[i - 1])).toBe(true);
    // The closer's (this test's) port holds TIME_WAIT; socklab's side let go.
    const tw = await runCli(['ports', String(closer), '--json']);
    // An ephemeral port is reused with other peers while older TIME_WAITs stay: this pair's.
    const rows = lines(tw.stdout)
      .map((x) => JSON.parse(x) as Json)
      .filter((r) => (r.remote as Json).port === l.port);
    expect(rows.map((r) => [r.state, (r.local as Json).port])).toEqual([['TIME_WAIT', closer]]);
  });
});
