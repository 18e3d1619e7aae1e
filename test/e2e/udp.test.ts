// UDP in the dashboard, in a real terminal: `-u 127.0.0.1:0` opens a UDP socket beside the TCP
// listener; the lab's Python sendto() shows as one datagram with what recvfrom(N) at the
// slider's N keeps and discards; a connected UDP client to a closed port shows ECONNREFUSED.
import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnPython } from '../helpers/python.js';
import { paneRows, startDashboard } from './dashboard.js';
import { KEYS } from './keys.js';
import type { App } from './pty.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;
const COLS = 120;
const ROWS = 40;
let app: App | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const pane = (s: string, which: Parameters<typeof paneRows>[1]) => paneRows(s, which, COLS, ROWS);
const udpRow = (s: string) => pane(s, 'listeners').find((r) => /udp #1 /.test(r)) ?? '';

async function closedUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const { port } = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe.skipIf(!hasPython)('UDP in the dashboard', () => {
  it('-u: a UDP row; the lab’s Python sendto of 28 B is one datagram, recvfrom(N) follows the slider', async () => {
    const started = await startDashboard(['-u', '127.0.0.1:0', '-b', '5'], {
      cols: COLS,
      rows: ROWS,
    });
    app = started.app;
    const a = app;
    let screen = await a.waitFor((s) => / bound · /.test(udpRow(s)));
    const port = Number(/udp #1 127\.0\.0\.1:(\d+) bound/.exec(udpRow(screen))?.[1]);
    expect(port).toBeGreaterThan(0);
    expect(pane(screen, 'listeners')[0]).toContain('Listeners 1 · UDP 1');
    a.write(KEYS.down);
    screen = await a.waitFor((s) => udpRow(s).startsWith('▶ udp #1'));
    expect(pane(screen, 'connections')[0]).toContain('Peers of udp #1');
    const cli = spawnPython('udp_cliente.py', ['127.0.0.1', String(port)]);
    expect(await cli.exited).toBe(0);
    const local = Number(cli.lines[0].split(' ')[1]);
    screen = await a.waitFor((s) => pane(s, 'reads').some((r) => r.includes('28 B datagram')));
    // The kernel's Recv-Q shows only if a sample caught the datagram before socklab read it.
    expect(udpRow(screen)).toMatch(
      new RegExp(
        `^▶ udp #1 127\\.0\\.0\\.1:${port} bound · datagrams in 1 \\(28 B\\) · out 0 B(?: · kernel: Recv-Q [\\d,]+ B · drops 0)?$`,
      ),
    );
    expect(pane(screen, 'connections')[1]).toBe(
      `127.0.0.1:${local} · datagrams 1 · 28 B · last 28 B`,
    );
    const reads = pane(screen, 'reads');
    expect(reads[0]).toBe('  Datagrams — udp #1 · one datagram per read, whole');
    expect(reads[1]).toMatch(
      /^recvfrom\(5\) as the OS would do it \(Linux\/macOS: the rest of the datagram is discarded\), computed from the whole/,
    );
    expect(reads[2]).toMatch(
      new RegExp(
        `^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} 127\\.0\\.0\\.1:${local} 28 B datagram — recvfrom\\(5\\) returns 5 B "Estou", 23 B discarded$`,
      ),
    );
    // The slider is recvfrom's N: one step up, the same datagram keeps 10 B.
    a.write('+');
    screen = await a.waitFor((s) =>
      pane(s, 'reads').some((r) => r.includes('recvfrom(10) returns')),
    );
    expect(pane(screen, 'reads')[2]).toMatch(
      /recvfrom\(10\) returns 10 B "Estou envi", 18 B discarded$/,
    );
  });

  it('a connected UDP client in the client pane: a closed port comes back as ECONNREFUSED, explained', async () => {
    const started = await startDashboard([], { cols: COLS, rows: ROWS });
    app = started.app;
    const a = app;
    const port = await closedUdpPort();
    a.write(`${KEYS.tab}${KEYS.tab}${KEYS.tab}`);
    let screen = await a.waitFor((s) => pane(s, 'client')[0]?.startsWith('▸ Client'));
    a.write('u');
    screen = await a.waitFor((s) => s.includes('UDP client to [host:]port'));
    a.write(`\u0015127.0.0.1:${port} connect\r`);
    screen = await a.waitFor((s) => s.includes('datagram › udp #1'));
    a.write('oi\r');
    screen = await a.waitFor((s) => pane(s, 'client').some((r) => r.includes('ECONNREFUSED')));
    const client = pane(screen, 'client');
    expect(client[0]).toMatch(/^▸ Client \(UDP\)/);
    expect(client[1]).toMatch(new RegExp(`^▶ udp #1 local port \\d+ → 127\\.0\\.0\\.1:${port}$`));
    expect(client[2]).toBe('  #1: connect()ed · sent 1 (2 B) · in 0');
    expect(client.slice(3).join(' ').replace(/\s+/g, ' ')).toMatch(
      /ECONNREFUSED: Nothing is bound on UDP at 127\.0\.0\.1:\d+: its host answered the datagram with ICMP/,
    );
  });
});

describe.skipIf(process.platform !== 'linux')('UDP in the ports view (k)', () => {
  it('k on a UDP socket: its kernel socket like ss -uanp, named as socklab’s, with what waits and what was dropped', async () => {
    const started = await startDashboard(['-u', '127.0.0.1:0'], { cols: COLS, rows: ROWS });
    app = started.app;
    const a = app;
    let screen = await a.waitFor((s) => / bound · /.test(udpRow(s)));
    const port = Number(/udp #1 127\.0\.0\.1:(\d+) bound/.exec(udpRow(screen))?.[1]);
    a.write(KEYS.down);
    await a.waitFor((x) => udpRow(x).startsWith('▶ udp #1'));
    a.write('k');
    screen = await a.waitFor((x) => x.includes('UDP — like ss -uanp'));
    expect(screen).toContain(`the kernel’s TCP sockets on port ${port}`);
    const mine = new RegExp(
      `UNCONN +0 +0 127\\.0\\.0\\.1:${port} +0\\.0\\.0\\.0:\\* +this socklab, udp #1`,
    );
    const rows = screen.split('\n');
    const at = rows.findIndex((l) => mine.test(l));
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toContain('nothing waiting to be read, no datagram dropped');
  });
});
