// Journey 3: TCP is a byte stream. With reads of 5 B the 28-byte message arrives as
// 5 5 5 5 5 3; back at 1,024 B it is one read.
import { afterEach, expect, it } from 'vitest';
import { KERNEL_COL, paneRows, slideTo, startDashboard, typeSlowly } from './dashboard.js';
import type { App } from './pty.js';

const MESSAGE = 'Estou enviando uma mensagem!';

let app: App | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

it('slider 5 → 28 B in 6 reads: 5 5 5 5 5 3; slider 1,024 → 28 B in 1 read', async () => {
  expect(Buffer.byteLength(MESSAGE)).toBe(28);
  const started = await startDashboard([], { cols: 120, rows: 40 });
  app = started.app;

  // `-` steps down the slider's stops: 1024 512 256 128 64 32 16 10 5.
  expect(await slideTo(app, 5)).toEqual([512, 256, 128, 64, 32, 16, 10, 5]);
  expect(app.lines()[1]).toContain('5 B per read');

  app.write('c');
  const clientRow = /^▶ #1 local port (\d+) open → 127\.0\.0\.1:(\d+)$/;
  const connected = await app.waitFor((s) => clientRow.test(paneRows(s, 'client')[1]));
  const client = paneRows(connected, 'client');
  const [, local, target] = client[1].match(clientRow) as RegExpMatchArray;
  expect(Number(target)).toBe(started.port);
  expect(client[2]).toMatch(new RegExp(`^  #1: out 0 B · in 0 B${KERNEL_COL}$`));
  expect(client[0]).toMatch(/^▸ Client /); // c focused the client pane
  // The same number is the server-side connection's peer port.
  expect(paneRows(connected, 'connections')[1]).toMatch(
    new RegExp(
      `^▶ #2 127\\.0\\.0\\.1:${local} → :${started.port} open${KERNEL_COL} ◆ client #1 \\d`,
    ),
  );

  app.key('enter');
  await app.waitFor('message ›');
  await typeSlowly(app, MESSAGE);
  app.key('enter');
  let screen = await app.waitFor('28 B in 6 reads: 5 5 5 5 5 3');
  for (const part of ['Estou', ' envi', 'ando ', 'uma m', 'ensag', 'em!']) {
    expect(screen).toMatch(new RegExp(`^│ +← +${part.length} B {2}"${part}"`, 'm'));
  }
  expect(screen).toMatch(/^message ›/m); // the prompt stays open for the next message

  app.key('esc');
  await app.waitFor((s) => !s.includes('message ›'));
  expect(await slideTo(app, 1024)).toEqual([10, 16, 32, 64, 128, 256, 512, 1024]);
  expect(app.lines()[1]).toContain('1,024 B per read');

  app.key('enter');
  await app.waitFor('message ›');
  await typeSlowly(app, MESSAGE);
  app.key('enter');
  screen = await app.waitFor('28 B in 1 read');
  expect(screen).toMatch(/^│ +← +28 B {2}"Estou enviando uma mensagem!"/m);
  expect(screen).toContain('28 B in 6 reads: 5 5 5 5 5 3'); // the first burst is still listed
});
