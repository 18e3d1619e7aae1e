// Rates: bytes/s and reads/s in the header, per listener and per connection, and the selected
// connection's last 30 s as a sparkline; a stream that stops falls back to no rate.
import { afterEach, expect, it } from 'vitest';
import { raw, renderApp, resize, runCleanups, testLab, waitForFrame } from '../helpers/ink.js';

afterEach(runCleanups);

it('a stream shows its rate in the header, the listener and connection rows and the reads title', async () => {
  const t = testLab();
  const port = await t.listenAndWait();
  const ink = renderApp(t);
  resize(ink, 120, 40);
  const peer = await raw(port);
  const chunk = Buffer.alloc(4096, 97);
  const end = Date.now() + 2600;
  while (Date.now() < end) {
    peer.write(chunk);
    await new Promise((r) => setTimeout(r, 5));
  }
  const f = await waitForFrame(
    ink,
    (x) => /[1-9][\d.]* (B|KiB|MiB)\/s · [\d,]+ reads\/s/.test(x) && x.includes('last 30 s'),
    'rates on screen',
    8000,
  );
  expect(f).toMatch(
    /#1 127\.0\.0\.1:\d+ listening 1 open · now [\d.]+ (KiB|MiB)\/s, [\d,]+ reads\/s/,
  );
  expect(f).toMatch(/#1 127\.0\.0\.1:\d+ → :\d+ open now [\d.]+ (KiB|MiB)\/s, [\d,]+ reads\/s · /);
  expect(f).toMatch(/last 30 s [▁▂▃▄▅▆▇█][ ▁▂▃▄▅▆▇█]* [\d.]+ (KiB|MiB)\/s/);
  // Quiet: two seconds later no "now" rate is left on the rows.
  await waitForFrame(ink, (x) => !/ now [\d.]+/.test(x), 'rates fall back', 5000);
}, 20_000);
