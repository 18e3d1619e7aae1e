// The rows as a user reads them, in a real terminal at 120×40: connections counted once with
// both ends said, the rate while a stream runs, and who closed.
import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { KERNEL_COL, paneRows, startDashboard } from './dashboard.js';
import type { App } from './pty.js';

let app: App | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

it('open counts each connection once; a stream shows its rate; then who closed', async () => {
  const started = await startDashboard();
  app = started.app;
  app.write('c'); // a client of socklab's own: both ends in this process
  await app.waitFor(/· open 1 \(1 both ends here\) ·/);
  const peer = net.connect(started.port, '127.0.0.1');
  await new Promise<void>((r) => peer.once('connect', () => r()));
  const chunk = Buffer.alloc(16 * 1024, 97);
  const end = Date.now() + 2500;
  while (Date.now() < end) {
    peer.write(chunk);
    await new Promise((r) => setTimeout(r, 2));
  }
  const busy = await app.waitFor(
    (s) =>
      / open 2 \(1 both ends here\) · in [\d.]+ (KiB|MiB|GiB) · [\d.]+ (KiB|MiB)\/s · [\d,]+ reads\/s/.test(
        s,
      ),
    10_000,
  );
  const rows = paneRows(busy, 'connections', 120, 40, true);
  expect(
    rows.some((r) =>
      new RegExp(` → :\\d+ open${KERNEL_COL} now [\\d.]+ (KiB|MiB)/s, [\\d,]+ reads/s · `).test(r),
    ),
  ).toBe(true);
  peer.end();
  await app.waitFor((s) =>
    paneRows(s, 'connections').some((r) => r.includes('closed by peer (FIN)')),
  );
}, 40_000);
