// Keys on the whole dashboard: focus, selection, toggles, help, quit. One key at a time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../src/i18n/i18n.js';
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
  waitForFrame,
} from '../helpers/ink.js';
import { collect, waitFor } from '../helpers/lab.js';

afterEach(async () => {
  setLang('en');
  await runCleanups();
});

const focused = (f: string) => f.split('\n').filter((l) => l.includes('▸'));

describe('focus and selection', () => {
  it('Tab and Shift+Tab move the focus; only the focused title has ▸', async () => {
    const t = testLab();
    await t.listenAndWait();
    const ink = renderApp(t);
    await waitForFrame(ink, (f) => f.includes('▸ Listeners'), 'initial focus');
    const order = ['Connections on #1', 'Reads', 'Client', 'Errors & notes', 'buffer', 'Listeners'];
    for (const title of order) {
      const f = await press(ink, KEY.tab, (x) => x.includes(`▸ ${title}`), `Tab to ${title}`);
      expect(focused(f)).toHaveLength(1);
    }
    for (const title of ['buffer', 'Errors & notes', 'Client']) {
      const f = await press(ink, KEY.shiftTab, (x) => x.includes(`▸ ${title}`), title);
      expect(focused(f)).toHaveLength(1);
    }
    // The footer follows the focus.
    expect(lineWith(ink.lastFrame() ?? '', 't connect to host:port')).not.toBe('');
  });

  it('arrows select a listener; two arrows in one chunk move twice', async () => {
    const t = testLab();
    const ports = [await t.listenAndWait(), await t.listenAndWait(), await t.listenAndWait()];
    const ink = renderApp(t);
    await waitForFrame(ink, (f) => f.includes(`▶ #1 127.0.0.1:${ports[0]}`), 'first selected');
    await press(ink, KEY.down, (f) => f.includes(`▶ #2 127.0.0.1:${ports[1]}`), '#2 selected');
    expect(ink.lastFrame()).toContain('Connections on #2');
    await press(ink, KEY.up, (f) => f.includes(`▶ #1 127.0.0.1:${ports[0]}`), '#1 again');
    // A terminal may deliver key repeats as one read: Ink emits two events before a render.
    await press(
      ink,
      KEY.down + KEY.down,
      (f) => f.includes(`▶ #3 127.0.0.1:${ports[2]}`) && f.includes('Connections on #3'),
      'two rows down',
    );
  });

  it('n opens the prompt prefilled with the selected listener; Esc leaves it', async () => {
    const t = testLab();
    await t.listenAndWait();
    const p2 = await t.listenAndWait();
    const ink = renderApp(t);
    await press(ink, KEY.down, (f) => f.includes(`▶ #2 127.0.0.1:${p2}`), '#2 selected');
    const label = 'new listener [HOST:]PORT ›';
    const f = await press(ink, 'n', (x) => lineWith(x, label) !== '', 'the prompt');
    expect(lineWith(f, label).trim()).toBe(`${label} 127.0.0.1:${p2}`);
    await press(ink, KEY.esc, (x) => lineWith(x, label) === '', 'the prompt gone');
    expect(t.snap().listeners).toHaveLength(2);
    // Commands work again.
    await press(ink, 'm', (x) => x.includes('SEQUENTIAL'), 'a command after Esc');
  });
});

describe('toggles', () => {
  it('e turns echo on for the selected listener (row and status), e again off', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    const ink = renderApp(t);
    await press(ink, 'e', (x) => x.includes('listener #1: echo on'), 'echo on');
    expect(t.snap().listeners[0].echo).toBe(true);
    const s = await raw(port);
    const got = collect(s);
    s.write('ping');
    await waitFor(() => got.text === 'ping');
    // The row's "· echo" fits only on a wide screen.
    resize(ink, 160, 30);
    await waitForFrame(
      ink,
      (x) => lineWith(region(x, 'listeners', 160, 30), '#1 ').includes('4 B in · echo'),
      'the echo mark on the row',
    );
    await press(
      ink,
      'e',
      (x) =>
        x.includes('listener #1: echo off') &&
        !lineWith(region(x, 'listeners', 160, 30), '#1 ').includes('echo'),
      'echo off, in the status line and the row',
    );
    expect(t.snap().listeners[0].echo).toBe(false);
  });

  it('m switches to sequential and back', async () => {
    const t = testLab();
    await t.listenAndWait();
    const ink = renderApp(t);
    await waitForFrame(ink, (f) => f.includes('concurrent'), 'concurrent');
    const f = await press(ink, 'm', (x) => x.includes('SEQUENTIAL (one at a time)'), 'sequential');
    expect(f).toContain(
      'sequential: one connection read at a time; later ones are accepted and wait unread',
    );
    expect(t.store.mode).toBe('sequential');
    await press(ink, 'm', (x) => x.includes('concurrent: every connection'), 'concurrent');
    expect(t.store.mode).toBe('concurrent');
  });

  it('- and + step the buffer 1024 → 512 → 1024; the slider moves', async () => {
    const t = testLab();
    await t.listenAndWait();
    const ink = renderApp(t);
    await waitForFrame(
      ink,
      (f) => f.includes('▕███████████░░░░░░▏ 64 KiB  1,024 B per read'),
      '1024',
    );
    let f = await press(ink, '-', (x) => x.includes('  512 B per read'), '512');
    expect(f).toContain('▕██████████░░░░░░░▏');
    expect(f).toContain('each read now takes at most 512 B, like recv(512)');
    expect(t.store.bufferSize).toBe(512);
    f = await press(ink, '+', (x) => x.includes('  1,024 B per read'), 'back to 1024');
    expect(f).toContain('▕███████████░░░░░░▏');
    expect(t.store.bufferSize).toBe(1024);
  });

  it('+ to 2048: the status says 2,048 B (pt-BR 2.048 B) and keeps recv(2048) as code', async () => {
    const t = testLab();
    await t.listenAndWait();
    const ink = renderApp(t);
    await waitForFrame(ink, (f) => f.includes('1,024 B per read'), '1024');
    let f = await press(ink, '+', (x) => x.includes('2,048 B per read'), '2048');
    expect(f).toContain('each read now takes at most 2,048 B, like recv(2048)');
    setLang('pt-BR');
    f = await press(ink, '+', (x) => x.includes('4.096 B por leitura'), '4096 in pt-BR');
    expect(f).toContain('cada leitura agora pega no máximo 4.096 B, como recv(4096)');
  });

  it('h in the App switches the reads pane to hex and back', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    t.engine.setBufferSize(5);
    const ink = renderApp(t);
    (await raw(port)).write('Estou');
    await waitForFrame(ink, (f) => region(f, 'reads').includes('5 B  "Estou"'), 'the read');
    let f = await press(ink, 'h', (x) => region(x, 'reads').includes('5 B  45 73 74 6f 75'), 'hex');
    expect(region(f, 'reads')).toContain('hex · reads of ≤ 5 B');
    f = await press(ink, 'h', (x) => region(x, 'reads').includes('5 B  "Estou"'), 'text again');
  });
});

describe('errors, help and quit', () => {
  it('x in the errors pane dismisses the selected (newest) entry', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    t.engine.listen('127.0.0.1', port); // EADDRINUSE
    const closed = await t.listenAndWait();
    t.engine.closeListener(3);
    await t.until((s) => s.listeners[2].state === 'closed');
    t.engine.connect('127.0.0.1', closed); // ECONNREFUSED, the newest
    await t.until((s) => s.errors.length === 2);
    const ink = renderApp(t);
    // Wide enough for a whole head row: code, subject, address, syscall, time.
    resize(ink, 160, 30);
    const errors = (f: string) =>
      region(f, 'errors', 160, 30)
        .split('\n')
        .map((r) => r.trimEnd());
    for (const title of ['buffer', 'Errors & notes']) {
      await press(ink, KEY.shiftTab, (f) => f.includes(`▸ ${title}`), title);
    }
    const refused = new RegExp(
      `^▶ ECONNREFUSED client #1 127\\.0\\.0\\.1:${closed} \\(connect\\) \\d\\d:\\d\\d:\\d\\d$`,
    );
    let f = await waitForFrame(ink, (x) => refused.test(errors(x)[1]), 'both');
    let rows = errors(f);
    expect(rows[0]).toBe('▸ Errors & notes 2 · x dismiss');
    expect(rows[2]).toMatch(new RegExp(`^ {2}Nothing listens at 127\\.0\\.0\\.1:${closed}\\b`));
    expect(rows[3]).toMatch(
      new RegExp(
        `^ {2}EADDRINUSE listener #2 127\\.0\\.0\\.1:${port} \\(listen\\) \\d\\d:\\d\\d:\\d\\d — …$`,
      ),
    );
    f = await press(
      ink,
      'x',
      (x) => !region(x, 'errors', 160, 30).includes('ECONNREFUSED'),
      'dismissed',
    );
    rows = errors(f);
    expect(rows[0]).toBe('▸ Errors & notes 1 · x dismiss');
    expect(rows[1]).toMatch(
      new RegExp(
        `^▶ EADDRINUSE listener #2 127\\.0\\.0\\.1:${port} \\(listen\\) \\d\\d:\\d\\d:\\d\\d$`,
      ),
    );
    expect(rows[2]).toMatch(
      // The kernel's view names the holder: listener #1 of this socklab.
      new RegExp(`^ {2}127\\.0\\.0\\.1:${port} is held by this socklab, listener #1, LISTEN`),
    );
    expect(t.snap().errors.map((e) => e.error?.code)).toEqual(['EADDRINUSE']);
  });

  it('? shows every key; Esc closes it', async () => {
    const t = testLab();
    await t.listenAndWait();
    const ink = renderApp(t);
    const f = await press(ink, '?', (x) => x.includes('Keys — ? or Esc closes'), 'help');
    for (const text of [
      'Everywhere  Tab next pane',
      'n new listener',
      'k ports',
      '? help',
      'q quit',
    ]) {
      expect(f).toContain(text);
    }
    for (const pane of ['Listeners', 'Connections', 'Reads', 'Client', 'Errors', 'Buffer slider']) {
      expect(f).toMatch(new RegExp(`║ ${pane}  `));
    }
    expect(f).not.toContain('Errors & notes');
    // Taller than the screen: its last rows (the ports view's keys among them) a few ↓ away.
    const end = await press(
      ink,
      KEY.down.repeat(12),
      (x) => x.includes('Ports view  k/Esc close ports'),
      'end',
    );
    expect(end).toContain('Help  ?/Esc close help');
    await press(
      ink,
      KEY.esc,
      (x) => x.includes('Errors & notes') && !x.includes('Keys —'),
      'closed',
    );
  });

  it('q calls onQuit (once); so does Ctrl+C', async () => {
    const t = testLab();
    await t.listenAndWait();
    for (const key of ['q', KEY.ctrlC]) {
      const onQuit = vi.fn();
      const ink = renderApp(t, onQuit);
      await waitForFrame(ink, (f) => f.includes('▸ Listeners'), 'the dashboard');
      ink.stdin.write(key);
      await waitFor(() => onQuit.mock.calls.length > 0);
      ink.stdin.write(key);
      await new Promise((r) => setTimeout(r, 50));
      expect(onQuit).toHaveBeenCalledTimes(1);
      ink.unmount();
    }
  });
});
