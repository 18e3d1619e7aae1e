// Text prompts and the client pane's keys, through the whole dashboard over real sockets.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type Ink,
  KEY,
  lineWith,
  press,
  region,
  renderApp,
  runCleanups,
  testLab,
  typeText,
  waitForFrame,
} from '../helpers/ink.js';
import type { TestEngine } from '../helpers/lab.js';

afterEach(runCleanups);

/** A listener, the dashboard, and a socklab client connected with `c` (focus on the client pane). */
async function withClient(onQuit = () => {}): Promise<{ t: TestEngine; ink: Ink; port: number }> {
  const t = testLab();
  const port = await t.listenAndWait();
  const ink = renderApp(t, onQuit);
  await waitForFrame(ink, (f) => f.includes('▸ Listeners'), 'the dashboard');
  await press(
    ink,
    'c',
    (f) => /local port \d+/.test(region(f, 'client')) && region(f, 'connections').includes(' open'),
    'client #1 connected',
  );
  return { t, ink, port };
}

const serverSide = (t: TestEngine) => t.snap().connections.find((c) => c.kind === 'accepted');
const row2 = (f: string) => lineWith(region(f, 'connections'), '#2 ');

describe('message prompt', () => {
  const label = 'message › #1';

  it('q typed in the prompt is text, not quit; Enter sends it; Esc leaves', async () => {
    const onQuit = vi.fn();
    const { t, ink } = await withClient(onQuit);
    await press(ink, KEY.enter, (f) => lineWith(f, label) !== '', 'the prompt');
    await typeText(ink, label, 'q');
    expect(onQuit).not.toHaveBeenCalled();
    let f = await press(ink, KEY.enter, (x) => region(x, 'reads').includes('1 B  "q"'), 'q sent');
    expect(lineWith(f, label).trim()).toBe(label);
    expect(serverSide(t)?.bytesIn).toBe(1);
    f = await press(ink, KEY.esc, (x) => lineWith(x, label) === '', 'the prompt closed');
    expect(f).toContain('sent 1 B to #1');
    expect(onQuit).not.toHaveBeenCalled();
    await press(ink, 'q', () => onQuit.mock.calls.length === 1, 'q quits once outside the box');
  });

  it('a bad escape \\xZZ shows an error and sends nothing', async () => {
    const { t, ink } = await withClient();
    await press(ink, KEY.enter, (f) => lineWith(f, label) !== '', 'the prompt');
    await typeText(ink, label, 'ok\\xZZ');
    expect(lineWith(ink.lastFrame() ?? '', label)).toContain('ok\\xZZ'); // shown as typed: the backslash is the user's
    const f = await press(
      ink,
      KEY.enter,
      (x) => lineWith(x, label).includes('is not hex'),
      'the error under the prompt',
    );
    expect(lineWith(f, label)).toContain('"\\xZZ" is not hex at position 3');
    await new Promise((r) => setTimeout(r, 150));
    expect(t.snap().connections.map((c) => [c.bytesIn, c.bytesOut])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(region(ink.lastFrame() ?? '', 'reads')).toContain('no reads yet');
    // The text stays for fixing: drop the last two characters, add valid hex, send.
    for (const shown of ['ok\\xZ', 'ok\\x']) {
      const want = `${label} ${shown}  `;
      await press(
        ink,
        '\u007f',
        (x) => lineWith(x, label).startsWith(want),
        `backspace to ${shown}`,
      );
    }
    await typeText(ink, label, '21', 'ok\\x');
    await press(ink, KEY.enter, (x) => region(x, 'reads').includes('3 B  "ok!"'), 'ok! sent');
  });
});

describe('listener prompt', () => {
  it('an invalid address shows an error and adds no listener', async () => {
    const t = testLab();
    await t.listenAndWait();
    const ink = renderApp(t);
    const label = 'new listener [HOST:]PORT ›';
    await press(ink, 'n', (f) => lineWith(f, label) !== '', 'the prompt');
    const cases = [
      ['abc', 'port "abc" is not a number'],
      ['70000', 'port 70000 is out of range'],
      ['127.0.0.1:', '"127.0.0.1:": port "" is not a number'],
    ];
    for (const [text, error] of cases) {
      const empty = (f: string) => lineWith(f, label).trim() === label;
      const emptyWithError = (f: string) => lineWith(f, label).startsWith(`${label}   `);
      await press(ink, KEY.ctrlU, (f) => empty(f) || emptyWithError(f), 'the box cleared');
      await typeText(ink, label, text);
      const f = await press(ink, KEY.enter, (x) => lineWith(x, label).includes(error), error);
      expect(f).toContain('Listeners 1');
      expect(t.snap().listeners).toHaveLength(1);
    }
    await press(ink, KEY.esc, (f) => lineWith(f, label) === '', 'closed');
    expect(t.snap().listeners).toHaveLength(1);
  });
});

describe('client pane keys', () => {
  it('x closes the client; both ends show closed, and who closed', async () => {
    const { t, ink } = await withClient();
    const f = await press(
      ink,
      'x',
      (x) =>
        // At 100 columns the row is cut after its state (the link shows from 120).
        row2(x).includes(' closed by peer (FIN)') &&
        lineWith(x, 'socklab').includes('  listening 1 · open 0 · '),
      'the connection closed',
    );
    // The client pane: `▶ #1 local port EPH closed by socklab → …`, cut at 38 columns; the
    // row under it says it whole.
    expect(lineWith(region(f, 'client'), '▶ #1').trimEnd()).toMatch(
      /^▶ #1 local port \d+ closed by sock/,
    );
    expect(lineWith(region(f, 'client'), '  #1 ')).toMatch(/^ {2}#1 closed by socklab: out 0 B/);
    expect(f).toContain('#1: sent FIN, closing');
    expect(t.conn(1).state).toBe('closed');
  });

  it('f half-closes: FIN sent, the server sees it and closes', async () => {
    const { t, ink } = await withClient();
    let f = await press(ink, 'f', (x) => x.includes('#1: sent FIN, still reading'), 'status');
    f = await waitForFrame(ink, (x) => row2(x).includes('closed'), 'the server side closed');
    expect(t.events.some((e) => e.type === 'half-closed' && e.connection === 1)).toBe(true);
    expect(t.events.some((e) => e.type === 'peer-closed' && e.connection === 2)).toBe(true);
    expect(row2(f)).not.toContain('reset');
  });

  it('r resets: RST sent, the server side shows reset', async () => {
    const { t, ink } = await withClient();
    await press(ink, 'r', (x) => x.includes('#1: sent RST'), 'status');
    const f = await waitForFrame(ink, (x) => row2(x).includes('reset'), 'the server side reset');
    expect(f).toContain('open 0');
    expect(t.conn(1).state).toBe('reset');
    expect(t.conn(2).state).toBe('reset');
  });

  it('text past the box: its limit said grouped, 1,024 characters, and the host it kept 1,024+ long', async () => {
    const t = testLab();
    await t.listenAndWait();
    const ink = renderApp(t);
    const label = 'new listener [HOST:]PORT ›';
    await press(ink, 'n', (f) => lineWith(f, label) !== '', 'the prompt');
    let f = await press(
      ink,
      'A'.repeat(1100),
      (x) => lineWith(x, label).includes('the box holds'),
      'the box full',
    );
    expect(lineWith(f, label)).toContain('the box holds 1,024 characters');
    f = await press(ink, KEY.enter, (x) => lineWith(x, label).includes('1,024+'), 'too long');
    expect(t.snap().listeners).toHaveLength(1);
  });
});
