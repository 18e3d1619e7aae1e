// The kernel's view of socklab's own sockets and of other programs', from the real /proc.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LinuxProcSource } from '../../../src/kernel/linuxSource.js';
import { closed, makeEngine, rawClient, type TestEngine } from '../../helpers/lab.js';
import { type PythonProc, spawnPython } from '../../helpers/python.js';

const linux = process.platform === 'linux' && fs.existsSync('/proc/net/tcp');
const hasPython = spawnSync('python3', ['--version']).status === 0;

let t: TestEngine | null = null;
const children: PythonProc[] = [];
const sockets: import('node:net').Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await t?.close();
  t = null;
  for (const c of children.splice(0)) c.kill('SIGKILL');
  await Promise.all(children.map((c) => c.exited));
});

/** Sample until `fn` holds (the kernel moves on its own time: FIN, TIME_WAIT). Bounded. */
async function sampleUntil<T>(lab: TestEngine, fn: () => T | undefined | null | false): Promise<T> {
  for (let i = 0; i < 400; i++) {
    lab.engine.kernel.tick();
    const v = fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(
    `never held; snapshot: ${JSON.stringify(lab.snap().connections.map((c) => [c.id, c.kind, c.state, c.kernel]))}`,
  );
}

describe.skipIf(!linux)('kernel view of socklab’s own sockets', () => {
  it('both ends of a connection show ESTABLISHED with their queues; the listener its accept queue and backlog', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    const id = lab.engine.connect('127.0.0.1', port);
    await lab.until(
      (s) => s.connections.length === 2 && s.connections.every((c) => c.state === 'open'),
    );
    const snap = await sampleUntil(lab, () => {
      const s = lab.snap();
      return s.connections.every((c) => c.kernel?.state === 'ESTABLISHED') && s;
    });
    expect(snap.connections.map((c) => [c.kind, c.kernel])).toEqual([
      ['client', { state: 'ESTABLISHED', recvQ: 0, sendQ: 0 }],
      ['accepted', { state: 'ESTABLISHED', recvQ: 0, sendQ: 0 }],
    ]);
    expect(snap.connections[0].id).toBe(id);
    expect(snap.listeners[0]).toMatchObject({ acceptQueue: 0, backlog: 4096 });
  });

  it('an active close leaves TIME_WAIT on the closer’s port, and the row follows it there', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    const client = lab.engine.connect('127.0.0.1', port);
    await lab.until(
      (s) => s.connections.length === 2 && s.connections.every((c) => c.state === 'open'),
    );
    lab.engine.kernel.tick();
    lab.engine.close(client); // the client sends the first FIN
    await lab.until((s) => s.connections.every((c) => c.closedAt !== null));
    const c = await sampleUntil(lab, () => {
      const v = lab.conn(client);
      return v.kernel?.state === 'TIME_WAIT' && v;
    });
    expect(c.kernel).toEqual({ state: 'TIME_WAIT', recvQ: 0, sendQ: 0 });
    const closerPort = c.local.port;
    // The server side closed second: its socket is gone from the kernel, and its row says so.
    const accepted = await sampleUntil(lab, () => {
      const v = lab.snap().connections.find((x) => x.kind === 'accepted');
      return v && v.kernel === null && v;
    });
    expect(accepted.peer.port).toBe(closerPort);
    const report = lab.engine.kernel.ports({ port: closerPort });
    // Other programs on this machine may use the same port number elsewhere: socklab's own.
    const mine = report.sockets.filter((r) => r.socket.remote.port === port);
    expect(mine.map((r) => [r.socket.state, r.socket.local.port, r.owner, r.mine])).toEqual([
      [
        'TIME_WAIT',
        closerPort,
        { pid: null, why: 'none' },
        { kind: 'connection', id: client, closed: true, client: true },
      ],
    ]);
    // tcp-state events came on changes only: ESTABLISHED, then each later state once.
    const states = lab.events.filter((e) => e.type === 'tcp-state' && e.connection === client);
    const names = states.map((e) => (e.type === 'tcp-state' ? e.state : ''));
    expect(names[0]).toBe('ESTABLISHED');
    expect(names.at(-1)).toBe('TIME_WAIT');
    expect(
      new Set(
        states.map((e) => JSON.stringify(e.type === 'tcp-state' && [e.state, e.recvQ, e.sendQ])),
      ).size,
    ).toBe(states.length);
  });

  it('bytes nobody reads wait in Recv-Q: a plain client’s 28 bytes on a connection socklab holds queued', async () => {
    t = makeEngine({ mode: 'sequential' });
    const lab = t;
    const port = await lab.listenAndWait();
    const first = await rawClient(port);
    const second = await rawClient(port);
    sockets.push(first, second);
    second.write('Estou enviando uma mensagem!');
    const queued = await sampleUntil(lab, () =>
      lab.snap().connections.find((c) => c.state === 'queued' && c.kernel?.recvQ === 28),
    );
    expect(queued.kernel).toEqual({ state: 'ESTABLISHED', recvQ: 28, sendQ: 0 });
    // Node accepted it already: the listener's accept queue is empty (what `ss -ltn` says too).
    expect(lab.snap().listeners[0].acceptQueue).toBe(0);
    first.destroy();
    await closed(first);
  });

  it('a /proc root at an empty folder: unavailable, and every socket still works', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'socklab-noproc-'));
    t = makeEngine({ kernel: new LinuxProcSource(empty) });
    const lab = t;
    expect(lab.engine.kernel.available()).toEqual({ ok: false, why: 'no-proc' });
    lab.engine.kernel.demand('rows', true);
    expect(lab.engine.kernel.watching).toBe(false);
    const port = await lab.listenAndWait();
    lab.engine.connect('127.0.0.1', port);
    await lab.until(
      (s) => s.connections.length === 2 && s.connections.every((c) => c.state === 'open'),
    );
    lab.engine.kernel.tick();
    expect(lab.engine.kernel.ports({ port })).toEqual({
      available: { ok: false, why: 'no-proc' },
      sockets: [],
    });
    expect(lab.snap().connections.map((c) => c.kernel)).toEqual([null, null]);
    expect(lab.snap().listeners[0].acceptQueue).toBeNull();
    fs.rmSync(empty, { recursive: true });
  });
});

describe.skipIf(!linux || !hasPython)('socklab’s accept queue', () => {
  it('connections the kernel holds while the engine is busy show in the accept queue; each accept() takes one out', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    const py = spawn('python3', [
      '-c',
      `import socket, time\ns = [socket.create_connection(('127.0.0.1', ${port})) for _ in range(2)]\ntime.sleep(30)`,
    ]);
    // Keep this thread (the engine's) busy, so Node cannot accept: the kernel queues them.
    const l = lab.store.listeners.get(1);
    const until = Date.now() + 10_000;
    while (l?.acceptQueue !== 2 && Date.now() < until) lab.engine.kernel.tick();
    try {
      expect(l?.acceptQueue).toBe(2);
      // Now Node accepts both; no sample in between: the accepts alone empty the queue.
      await lab.until((s) => s.connections.length === 2);
      expect(lab.snap().listeners[0].acceptQueue).toBe(0);
    } finally {
      py.kill('SIGKILL');
    }
  });
});

describe.skipIf(!linux || !hasPython)('kernel view of other programs (Python)', () => {
  it('a Python server that never accepts, 2 clients: LISTEN Recv-Q 2, owner pid and command', async () => {
    t = makeEngine();
    const lab = t;
    const srv = spawnPython('escuta.py', ['127.0.0.1', '0']);
    children.push(srv);
    const [, p] = await srv.waitForLine(/^LISTENING (\d+)$/);
    const port = Number(p);
    lab.engine.connect('127.0.0.1', port);
    lab.engine.connect('127.0.0.1', port);
    await lab.until((s) => s.connections.filter((c) => c.state === 'open').length === 2);
    const report = await sampleUntil(lab, () => {
      const r = lab.engine.kernel.ports({ port });
      return r.sockets.find((x) => x.socket.state === 'LISTEN')?.socket.recvQ === 2 && r;
    });
    const listen = report.sockets[0];
    expect(listen.socket).toMatchObject({
      state: 'LISTEN',
      recvQ: 2,
      local: { address: '127.0.0.1', port },
    });
    expect(listen.owner).toMatchObject({ pid: srv.proc.pid, name: 'python3' });
    expect(listen.owner.pid !== null && listen.owner.command).toMatch(/escuta\.py 127\.0\.0\.1 0$/);
    expect(listen.mine).toBeNull();
    // The two waiting connections: no process holds their server side yet (inode 0).
    const waiting = report.sockets.filter(
      (x) => x.socket.local.port === port && x.socket.state === 'ESTABLISHED',
    );
    expect(waiting.map((x) => [x.socket.inode, x.owner])).toEqual([
      [0, { pid: null, why: 'none' }],
      [0, { pid: null, why: 'none' }],
    ]);
    // The client ends are socklab's own.
    const mine = report.sockets.filter((x) => x.mine?.kind === 'connection');
    expect(mine.map((x) => x.owner.pid)).toEqual([process.pid, process.pid]);
  });

  it('the lab’s servidor.py serving one client, one more waiting: LISTEN Recv-Q 1', async () => {
    t = makeEngine();
    const lab = t;
    const srv = spawnPython('servidor.py', ['127.0.0.1', '0']);
    children.push(srv);
    const [, p] = await srv.waitForLine(/^LISTENING (\d+)$/);
    const port = Number(p);
    lab.engine.connect('127.0.0.1', port);
    await srv.waitForLine(/^ACCEPTED \d+$/);
    lab.engine.connect('127.0.0.1', port);
    await lab.until((s) => s.connections.filter((c) => c.state === 'open').length === 2);
    const report = await sampleUntil(lab, () => {
      const r = lab.engine.kernel.ports({ port });
      return r.sockets.find((x) => x.socket.state === 'LISTEN')?.socket.recvQ === 1 && r;
    });
    expect(report.sockets[0].socket).toMatchObject({ state: 'LISTEN', recvQ: 1 });
    expect(report.sockets[0].owner).toMatchObject({ pid: srv.proc.pid });
  });

  it('EADDRINUSE on a port a Python child holds: the holder is its pid and command, LISTEN', async () => {
    t = makeEngine();
    const lab = t;
    const srv = spawnPython('escuta.py', ['127.0.0.1', '0']);
    children.push(srv);
    const [, p] = await srv.waitForLine(/^LISTENING (\d+)$/);
    const port = Number(p);
    lab.engine.listen('127.0.0.1', port);
    const l = await lab.until((s) => s.listeners.find((x) => x.state === 'failed'));
    expect(l.error?.code).toBe('EADDRINUSE');
    expect(l.error?.holder).toMatchObject({
      state: 'LISTEN',
      pid: srv.proc.pid,
      name: 'python3',
      listener: null,
    });
    expect(l.error?.holder?.command).toMatch(/escuta\.py 127\.0\.0\.1 0$/);
    const e = lab.events.find((x) => x.type === 'bind-error');
    expect(e && 'holder' in e && e.holder?.pid).toBe(srv.proc.pid);
  });

  it('EADDRINUSE on socklab’s own listener: the holder is this socklab, listener #1', async () => {
    t = makeEngine();
    const lab = t;
    const port = await lab.listenAndWait();
    lab.engine.listen('127.0.0.1', port);
    const l = await lab.until((s) => s.listeners.find((x) => x.state === 'failed'));
    expect(l.error?.holder).toMatchObject({ state: 'LISTEN', pid: process.pid, listener: 1 });
  });
});
