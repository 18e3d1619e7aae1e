// The three user journeys, driven through the whole dashboard one key at a time over
// real sockets on 127.0.0.1 (ports picked by the OS).
import { afterEach, describe, expect, it } from 'vitest';
import { formatCount } from '../../src/format/units.js';
import { entryText } from '../../src/i18n/entryText.js';
import {
  KEY,
  lineWith,
  press,
  type Region,
  raw,
  region,
  renderApp,
  resize,
  runCleanups,
  testLab,
  typeText,
  waitForFrame,
} from '../helpers/ink.js';
import { LAB_MESSAGE } from '../helpers/lab.js';

afterEach(runCleanups);

/** A row as Ink's wrap="truncate" shows it in `width` columns. */
const cut = (text: string, width: number): string =>
  [...text].length <= width ? text : `${[...text].slice(0, width - 1).join('')}…`;

const num = (re: RegExp, text: string): number => {
  const m = re.exec(text);
  if (!m) throw new Error(`${re} not found in:\n${text}`);
  return Number(m[1]);
};

describe('journeys', () => {
  it('1: defaults, c → the peer port on the server side is the client’s local port', async () => {
    const t = testLab();
    const port = await t.listenAndWait('127.0.0.1', 0);
    const ink = renderApp(t);
    await waitForFrame(
      ink,
      (f) => region(f, 'listeners').includes(`#1 127.0.0.1:${port} listening`),
      'the default listener',
    );
    // The client pane: `▶ #1 local port EPH open → 127.0.0.1:PORT`, then `  #1: out 0 B · in 0 B`;
    // the connections pane: `▶ #2 127.0.0.1:EPH → :PORT open ◆ client #1 AGE · …`.
    const localRe = /^▶ #1 local port (\d+) open → /m;
    const peerRe = new RegExp(`^▶ #2 127\\.0\\.0\\.1:(\\d+) → :${port} open ◆ client #1 `, 'm');
    const frame = await press(
      ink,
      'c',
      (f) => localRe.test(region(f, 'client')) && peerRe.test(region(f, 'connections')),
      'the client connected and its connection accepted',
    );
    const localPort = num(localRe, region(frame, 'client'));
    const peerPort = num(peerRe, region(frame, 'connections'));
    // The client pane is 40 columns at 100: its row is cut in the target.
    expect(lineWith(region(frame, 'client'), '▶ #1').trimEnd()).toBe(
      cut(`▶ #1 local port ${localPort} open → 127.0.0.1:${port}`, 38),
    );
    expect(lineWith(region(frame, 'client'), '#1:').trimEnd()).toBe('  #1: out 0 B · in 0 B');
    expect(peerPort).toBe(localPort);
    expect(localPort).not.toBe(port);
    // The client pane took focus; both rows agree with the store.
    expect(region(frame, 'client')).toContain('▸ Client');
    const s = t.snap();
    const client = s.connections.find((c) => c.kind === 'client');
    const accepted = s.connections.find((c) => c.kind === 'accepted');
    expect(client?.local.port).toBe(localPort);
    expect(accepted?.peer.port).toBe(localPort);
    expect(accepted?.linkedId).toBe(client?.id);
  });

  it('2: n, Enter on the listener → EADDRINUSE, and the first listener still accepts', async () => {
    const t = testLab();
    const port = await t.listenAndWait('127.0.0.1', 0);
    const ink = renderApp(t);
    const rows = (f: string, which: Region, cols = 100, lines = 24) =>
      region(f, which, cols, lines)
        .split('\n')
        .map((r) => r.trimEnd());
    const row1 = (f: string) => lineWith(region(f, 'listeners'), '#1 ').trimEnd();
    await waitForFrame(ink, (f) => row1(f).includes('listening'), 'the listener');
    await press(
      ink,
      'n',
      (f) => lineWith(f, 'new listener').includes(`› 127.0.0.1:${port}`),
      'the prompt prefilled with the listener address',
    );
    const failed = `  #2 127.0.0.1:${port} failed EADDRINUSE (r retries)`;
    const frame = await press(
      ink,
      KEY.enter,
      (f) => rows(f, 'errors')[1]?.startsWith('▶ EADDRINUSE') && rows(f, 'listeners')[2] === failed,
      'the bind error in the errors pane and the failed row',
    );
    // The errors pane is 40 columns at 100: the head row is cut before the syscall.
    const errors = rows(frame, 'errors');
    expect(errors[0]).toBe('  Errors & notes 1 · x dismiss');
    expect(errors[1]).toBe(cut(`▶ EADDRINUSE listener #2 127.0.0.1:${port} (listen)`, 38));
    // The explanation wraps at words over the two rows left, each indented two columns.
    const explanation = entryText(t.snap().errors[0]);
    expect(errors.slice(2).every((r) => r.startsWith('  ') && r.length <= 38)).toBe(true);
    const shown = errors
      .slice(2)
      .map((r) => r.slice(2))
      .join(' ');
    expect(shown).toMatch(
      // The kernel's view names the holder: listener #1 of this socklab.
      new RegExp(`^127\\.0\\.0\\.1:${port} is held by this socklab, listener #1, LISTEN `),
    );
    expect(explanation.startsWith(shown)).toBe(true);
    expect(frame).not.toContain('new listener [HOST:]PORT ›'); // the prompt closed
    // At 100 columns the listeners pane is 60 wide: the row is cut after "queued".
    expect(row1(frame)).toBe(
      cut(`▶ #1 127.0.0.1:${port} listening 0 open · 0 queued · 0 total · 0 B in`, 58),
    );

    await raw(port);
    await waitForFrame(
      ink,
      (f) =>
        row1(f) ===
        cut(`▶ #1 127.0.0.1:${port} listening 1 open · 0 queued · 1 total · 0 B in`, 58),
      'the first listener to accept',
    );
    expect(t.snap().listeners.find((l) => l.id === 1)?.total).toBe(1);
    expect(t.snap().listeners.find((l) => l.id === 2)?.state).toBe('failed');
    // A wider terminal shows whole rows: the listener's total, the error's syscall and time.
    resize(ink, 160, 30);
    const after = await waitForFrame(
      ink,
      (f) =>
        rows(f, 'listeners', 160, 30)[1] ===
        `▶ #1 127.0.0.1:${port} listening 1 open · 0 queued · 1 total · 0 B in`,
      'the first listener’s total on a wide screen',
    );
    expect(rows(after, 'listeners', 160, 30)[2]).toBe(failed);
    expect(rows(after, 'errors', 160, 30)[1]).toMatch(
      new RegExp(
        `^▶ EADDRINUSE listener #2 127\\.0\\.0\\.1:${port} \\(listen\\) \\d\\d:\\d\\d:\\d\\d$`,
      ),
    );
  });

  it('3: buffer 5 → "5 5 5 5 5 3"; back to 1024 → "28 B in 1 read"', async () => {
    const t = testLab();
    await t.listenAndWait('127.0.0.1', 0);
    const ink = renderApp(t);
    await press(ink, 'c', (f) => /local port \d+/.test(region(f, 'client')), 'a connected client');
    // c moved focus to the client pane: back to the listeners, then the slider down to 5.
    for (const title of ['Reads', 'Connections on #1', 'Listeners']) {
      await press(ink, KEY.shiftTab, (f) => f.includes(`▸ ${title}`), `focus on ${title}`);
    }
    for (const size of [512, 256, 128, 64, 32, 16, 10, 5]) {
      await press(ink, '-', (f) => f.includes(`  ${size} B per read`), `buffer ${size}`);
    }
    expect(t.store.bufferSize).toBe(5);
    for (const title of ['Connections on #1', 'Reads', 'Client']) {
      await press(ink, KEY.tab, (f) => f.includes(`▸ ${title}`), `focus on ${title}`);
    }
    const label = 'message › #1';
    await press(ink, KEY.enter, (f) => lineWith(f, label) !== '', 'the message prompt');
    await typeText(ink, label, LAB_MESSAGE);
    let frame = await press(
      ink,
      KEY.enter,
      (f) => region(f, 'reads').includes('28 B in 6 reads: 5 5 5 5 5 3'),
      'six reads of at most 5 B',
    );
    expect(lineWith(frame, label).trim()).toBe(label); // sent, and the box is empty again
    expect(region(frame, 'reads')).toContain('3 B  "em!"');

    await press(ink, KEY.esc, (f) => lineWith(f, label) === '', 'the prompt to close');
    for (const size of [10, 16, 32, 64, 128, 256, 512, 1024]) {
      const shown = `  ${formatCount(size)} B per read`;
      await press(ink, '+', (f) => f.includes(shown), `buffer ${size}`);
    }
    expect(t.store.bufferSize).toBe(1024);
    await press(ink, KEY.enter, (f) => lineWith(f, label) !== '', 'the message prompt again');
    await typeText(ink, label, LAB_MESSAGE);
    frame = await press(
      ink,
      KEY.enter,
      (f) => region(f, 'reads').includes('28 B in 1 read'),
      'one read of 28 B',
    );
    expect(region(frame, 'reads')).not.toContain('28 B in 1 reads');
    expect(region(frame, 'reads')).toContain(`28 B  "${LAB_MESSAGE}"`);
    const accepted = t.snap().connections.find((c) => c.kind === 'accepted');
    expect(accepted?.bytesIn).toBe(56);
    expect(accepted?.reads).toBe(7);
  });
});
