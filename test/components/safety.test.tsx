// Bytes from the network (and hosts typed by a user) never reach the terminal raw.
import { afterEach, describe, expect, it } from 'vitest';
import {
  KEY,
  lineWith,
  press,
  raw,
  region,
  renderApp,
  runCleanups,
  testLab,
  typeText,
  waitForFrame,
} from '../helpers/ink.js';

afterEach(runCleanups);

// OSC 0 (set the window title) ended by BEL, CSI 2J (clear screen), CR, BEL, and C1 CSI.
const INJECTED = Buffer.concat([
  Buffer.from('\x1b]0;pwned\x07\x1b[2J\r\x07', 'latin1'),
  Buffer.from([0x9b, 0x32, 0x4a]),
]);
const ESCAPED = '\\x1b]0;pwned\\x07\\x1b[2J\\r\\x07\\x9b2J';

/** None of the injected sequences, whatever colour codes Ink itself writes. */
function expectNoInjection(rawFrame: string) {
  expect(rawFrame).not.toContain('\x1b]');
  expect(rawFrame).not.toContain('\x07');
  expect(rawFrame).not.toContain('\x1b[2J');
  expect(rawFrame).not.toContain('\r');
  expect(rawFrame).not.toContain('\x9b');
  expect(rawFrame).not.toContain('pwned\x07');
}

describe('no raw network bytes on screen', () => {
  it('a raw client’s OSC, CSI, CR and BEL show escaped in the reads pane', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    const ink = renderApp(t);
    const s = await raw(port);
    s.write(INJECTED);
    const f = await waitForFrame(ink, (x) => region(x, 'reads').includes(ESCAPED), 'escaped read');
    expect(lineWith(region(f, 'reads'), ESCAPED)).toContain(`19 B  "${ESCAPED}"`);
    expect(f).toContain('\\x1b]0;');
    for (const frame of ink.frames) expectNoInjection(frame);
    const hex = await press(
      ink,
      'h',
      (x) =>
        region(x, 'reads').includes('1b 5d 30 3b 70 77 6e 65 64 07 1b 5b 32 4a 0d 07 9b 32 4a'),
      'the same bytes in hex',
    );
    expect(hex).not.toContain(ESCAPED);
    for (const frame of ink.frames) expectNoInjection(frame);
  });

  it('an echoed reply in the client pane is escaped too', async () => {
    const t = testLab({ echo: true });
    await t.listenAndWait();
    const ink = renderApp(t);
    await press(ink, 'c', (f) => /local port \d+/.test(region(f, 'client')), 'a client');
    const label = 'message › #1';
    await press(ink, KEY.enter, (f) => lineWith(f, label) !== '', 'the prompt');
    // Typed as escapes, sent as the real bytes ESC ] 0 ; x BEL.
    await typeText(ink, label, '\\x1b]0;x\\x07');
    const f = await press(
      ink,
      KEY.enter,
      (x) => region(x, 'client').includes('← 6 B "\\x1b]0;x\\x07"'),
      'the echoed reply',
    );
    expect(region(f, 'reads')).toContain('6 B  "\\x1b]0;x\\x07"');
    expect(t.snap().connections.find((c) => c.kind === 'client')?.bytesIn).toBe(6);
    for (const frame of ink.frames) expectNoInjection(frame);
  });

  it('a host with control characters is escaped in the listener row and the error', async () => {
    const t = testLab();
    await t.listenAndWait();
    t.engine.listen('bad\x1b]0;pwned\x07host', 0);
    await t.until((s) => s.listeners[1]?.state === 'failed');
    const ink = renderApp(t);
    const f = await waitForFrame(
      ink,
      (x) => region(x, 'listeners').includes('#2 bad\\x1b]0;pwned\\x07host:0 failed'),
      'the failed listener, escaped',
    );
    expect(region(f, 'errors')).not.toContain('no errors');
    for (const frame of ink.frames) expectNoInjection(frame);
  });
});
