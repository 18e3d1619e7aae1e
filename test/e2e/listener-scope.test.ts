// The reads pane in the whole listener's scope (`a`) through the engine thread: the reads of
// the connections that read last are on screen, whichever connection is oldest.
import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { paneRows, startDashboard } from './dashboard.js';
import type { App } from './pty.js';

let app: App | undefined;
const socks: net.Socket[] = [];
afterEach(async () => {
  for (const s of socks.splice(0)) s.destroy();
  await app?.dispose();
  app = undefined;
});

const open = (port: number) =>
  new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
    socks.push(s);
  });

it('a, listener scope: the oldest of 60 connections speaks last and its read is shown', async () => {
  const started = await startDashboard();
  app = started.app;
  const conns: net.Socket[] = [];
  for (let i = 0; i < 60; i++) conns.push(await open(started.port));
  for (let i = 1; i < 60; i++) conns[i].write(`hi ${i}`);
  await app.waitFor(/reads 59\b/);
  app.write('\t\t'); // the reads pane
  app.write('a');
  await app.waitFor((s) => (paneRows(s, 'reads')[0] ?? '').includes('all of listener #1'));
  conns[0].write('OLDEST CONNECTION TALKS');
  await app.waitFor(/reads 60\b/);
  const shown = await app.waitFor((s) =>
    paneRows(s, 'reads').some((r) => r.includes('"OLDEST CONNECTION TALKS"')),
  );
  expect(shown).toContain('#1  23 B in 1 read');
}, 60_000);
