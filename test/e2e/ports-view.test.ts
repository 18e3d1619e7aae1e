// The kernel's view on the dashboard, in a real terminal: a Python server holding the port
// socklab was asked for (EADDRINUSE names it), its accept queue in the ports view (k), and the
// kernel's state on socklab's own rows.
import fs from 'node:fs';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { rawClient } from '../helpers/lab.js';
import { type PythonProc, spawnPython } from '../helpers/python.js';
import { EN_ENV, paneRows, startDashboard } from './dashboard.js';
import { type App, startApp } from './pty.js';

const linux = process.platform === 'linux' && fs.existsSync('/proc/net/tcp');
let app: App | undefined;
const pys: PythonProc[] = [];
const raws: net.Socket[] = [];
afterEach(async () => {
  for (const s of raws.splice(0)) s.destroy();
  for (const p of pys.splice(0)) p.kill('SIGKILL');
  await app?.dispose();
  app = undefined;
});

describe.skipIf(!linux)('ports view', () => {
  it('a Python server that never accepts + 2 clients: its holder on EADDRINUSE, accept queue 2 under k', async () => {
    const py = spawnPython('escuta.py', ['127.0.0.1', '0']);
    pys.push(py);
    const port = Number((await py.waitForLine(/^LISTENING (\d+)$/))[1]);
    raws.push(await rawClient(port), await rawClient(port));
    app = startApp(['--listen', `127.0.0.1:${port}`], { cols: 120, rows: 40, env: EN_ENV });
    const pid = py.proc.pid as number;
    // The errors pane names the holder (wrapped in the 46 columns of the pane).
    const bound = await app.waitFor((s) =>
      paneRows(s, 'errors').slice(2).join(' ').includes('— close it'),
    );
    const explained = paneRows(bound, 'errors')
      .slice(2)
      .map((r) => r.trim())
      .filter(Boolean)
      .join(' ');
    // The pane has room for a few rows: a long command line (the checkout's path) cuts the end.
    const whole = `127.0.0.1:${port} is held by python3 (pid ${pid}: python3 ${py.proc.spawnargs.slice(1).join(' ')}), LISTEN — close it or choose another port.`;
    expect(explained).toMatch(/, LISTEN — close it/);
    expect(whole.startsWith(explained)).toBe(true);
    app.write('k');
    // The whole list drawn: the listener and both connections waiting for accept().
    const screen = await app.waitFor(
      (s) => /LISTEN +2 /.test(s) && s.split('accept()ed it yet (inode 0)').length === 3,
    );
    const rows = paneRows(screen, 'overlay').map((r) => r.trim());
    expect(rows[0]).toBe(
      `Ports — the kernel’s TCP sockets on port ${port} · like ss -tanp · Esc closes`,
    );
    expect(rows[1]).toMatch(/^State +Recv-Q Send-Q Local +Peer +Process$/);
    expect(rows[2]).toMatch(
      new RegExp(
        `^LISTEN +2 +- 127\\.0\\.0\\.1:${port} +0\\.0\\.0\\.0:\\* +python3 \\(pid ${pid}: python3 `,
      ),
    );
    expect(rows[3]).toBe(
      '2 connections wait in the accept queue: connect() succeeded, accept() not yet called',
    );
    expect(
      rows.filter(
        (r) => r === 'complete, in the accept queue: no process has accept()ed it yet (inode 0)',
      ),
    ).toHaveLength(2);
    // Only its own keys act while it is open: the footer says them.
    expect(
      app
        .lines()
        .filter((l) => l !== '')
        .at(-1),
    ).toMatch(/^k\/Esc close ports +a this port \/ all ports +↑↓ scroll +q quit/);
    app.key('esc');
    await app.waitFor((s) => s.includes('Errors & notes'));
  });

  it('socklab’s own sockets: x on its client leaves TIME-WAIT on the client’s port, on its row and in the ports view', async () => {
    const started = await startDashboard([], { cols: 140, rows: 40 });
    app = started.app; // 140 columns: the client's detail row shows its kernel column whole
    app.write('c');
    const open = await app.waitFor((s) =>
      /^▶ #1 local port \d+ open → /.test(paneRows(s, 'client', 140)[1]),
    );
    const local = Number(/local port (\d+)/.exec(paneRows(open, 'client', 140)[1])?.[1]);
    // ESTAB on an open row is what the row says already: no kernel column while nothing waits.
    await app.waitFor((s) => paneRows(s, 'client', 140)[2] === '  #1: out 0 B · in 0 B');
    app.write('x'); // the client closes first: TIME_WAIT falls on its side
    const closed = await app.waitFor((s) => / · TIME-WAIT$/.test(paneRows(s, 'client', 140)[2]));
    expect(paneRows(closed, 'client', 140)[2]).toBe(
      '  #1 closed by socklab: out 0 B · in 0 B · TIME-WAIT',
    );
    app.key('tab'); // k is global: any pane but a text box
    app.write('k');
    const ports = await app.waitFor((s) => s.includes('this socklab, listener #1'));
    const rows = paneRows(ports, 'overlay', 140).map((r) => r.trim());
    expect(rows[2]).toMatch(
      new RegExp(
        `^LISTEN +0 +4096 127\\.0\\.0\\.1:${started.port} +0\\.0\\.0\\.0:\\* +this socklab, listener #1$`,
      ),
    );
    expect(rows).toContain(
      `TIME-WAIT       0      0 ${`127.0.0.1:${local}`.padEnd(22)} ${`127.0.0.1:${started.port}`.padEnd(22)} this socklab, client #1 (closed)`, // as the client pane calls it
    );
  });
});
