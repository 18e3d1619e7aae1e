// The three user journeys, driven through the whole dashboard one key at a time over
// real sockets on 127.0.0.1 (ports picked by the OS).
import { afterEach, describe, expect, it } from 'vitest';
import { formatCount } from '../../src/format/units.js';
import {
  KEY,
  lineWith,
  press,
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
    const peerRe = new RegExp(`#\\d+ 127\\.0\\.0\\.1:(\\d+) → :${port}`);
    const frame = await press(
      ink,
      'c',
      (f) => /local port \d+/.test(region(f, 'client')) && peerRe.test(region(f, 'connections')),
      'the client connected and its connection accepted',
    );
    const localPort = num(/local port (\d+)/, region(frame, 'client'));
    const peerPort = num(peerRe, region(frame, 'connections'));
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
    const row1 = (f: string) => lineWith(region(f, 'listeners'), '#1 ');
    await waitForFrame(ink, (f) => row1(f).includes('listening'), 'the listener');
    await press(
      ink,
      'n',
      (f) => lineWith(f, 'new listener').includes(`› 127.0.0.1:${port}`),
      'the prompt prefilled with the listener address',
    );
    const frame = await press(
      ink,
      KEY.enter,
      (f) =>
        region(f, 'errors').includes('EADDRINUSE') &&
        region(f, 'listeners').includes(`#2 127.0.0.1:${port} failed EADDRINUSE`),
      'the bind error in the errors pane and the failed row',
    );
    expect(region(frame, 'errors')).toContain('(listen)');
    expect(region(frame, 'errors').replace(/\s*\n\s*/g, '')).toContain(
      `Another socket already listens on 127.0.0.1:${port}`,
    );
    expect(frame).not.toContain('new listener [HOST:]PORT ›'); // the prompt closed
    expect(row1(frame)).toContain('listening  0 open');

    await raw(port);
    // At 100 columns the row is cut after "queued": the open count is what shows.
    let after = await waitForFrame(
      ink,
      (f) => row1(f).includes('listening  1 open'),
      'the first listener to accept',
    );
    expect(t.snap().listeners.find((l) => l.id === 1)?.total).toBe(1);
    expect(t.snap().listeners.find((l) => l.id === 2)?.state).toBe('failed');
    // A wider terminal shows the whole row, total included.
    resize(ink, 160, 30);
    after = await waitForFrame(
      ink,
      (f) =>
        lineWith(region(f, 'listeners', 160, 30), '#1 ').includes('1 open · 0 queued · 1 total'),
      'the first listener’s total on a wide screen',
    );
    expect(lineWith(region(after, 'listeners', 160, 30), '#2 ')).toContain('failed EADDRINUSE');
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
