// The dashboard in a real terminal: an echo listener and a peer that sends without reading.
// The connection's row says it is blocked by the peer's window, with the bytes socklab
// holds; when the peer reads, the notice goes and the echo catches up.
import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { connectionRow, startDashboard } from './dashboard.js';
import type { App } from './pty.js';

let app: App | undefined;
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await app?.dispose();
  app = undefined;
});

const CHUNK = Buffer.alloc(64 * 1024, 0x63);
/** The flood stops here whatever happens: far past what loopback's kernel buffers hold. */
const FLOOD_CAP = 64 * 1024 * 1024;

it('--echo to a peer that never reads: "blocked by the peer\'s window · N waiting" on its row', async () => {
  const started = await startDashboard(['--echo', '-b', '65536'], { cols: 120, rows: 40 });
  app = started.app;
  const peer = await new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port: started.port }, () => resolve(s));
    s.once('error', reject);
  });
  sockets.push(peer);
  peer.pause();
  let sent = 0;
  let stopped = false;
  const go = () => {
    while (!stopped && sent < FLOOD_CAP) {
      sent += CHUNK.length;
      if (!peer.write(CHUNK)) return;
    }
  };
  peer.on('drain', go);
  go();

  // At 120 columns, as a projector shows it: the bytes waiting come before the row is cut.
  const blocked = /open · (\d+\.\d) MiB waiting, blocked/;
  const screen = await app.waitFor((s) =>
    blocked.test(connectionRow(s, peer.localPort ?? 0) ?? ''),
  );
  const waiting = Number(blocked.exec(connectionRow(screen, peer.localPort ?? 0) ?? '')?.[1]);
  expect(waiting).toBeGreaterThanOrEqual(1.0); // the bound is 1 MiB
  expect(sent).toBeLessThan(FLOOD_CAP); // TCP blocked the peer before the cap

  stopped = true;
  let echoed = 0;
  peer.on('data', (d: Buffer) => (echoed += d.length));
  peer.resume();
  await app.waitFor((s) => {
    const row = connectionRow(s, peer.localPort ?? 0) ?? '';
    return row.includes(' open ') && !row.includes('blocked');
  });
  await app.waitFor(() => echoed === sent);
});
