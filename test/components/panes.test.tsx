// Each pane rendered on its own from the store's live snapshots, after real socket activity.

import { afterEach, describe, expect, it } from 'vitest';
import { entryText } from '../../src/i18n/entryText.js';
import { UnavailableSource } from '../../src/kernel/linuxSource.js';
import type { Snapshot } from '../../src/state/types.js';
import { ClientPane } from '../../src/ui/components/ClientPane.js';
import { ConnectionsPane } from '../../src/ui/components/ConnectionsPane.js';
import { ErrorsPane } from '../../src/ui/components/ErrorsPane.js';
import { Header } from '../../src/ui/components/Header.js';
import { ListenersPane } from '../../src/ui/components/ListenersPane.js';
import { ReadsPane } from '../../src/ui/components/ReadsPane.js';
import { lineWith, raw, renderLive, runCleanups, testLab, waitForFrame } from '../helpers/ink.js';
import { LAB_MESSAGE } from '../helpers/lab.js';

afterEach(runCleanups);

/**
 * The content of the pane row holding `needle`: the border column on each side removed and
 * trailing blanks trimmed (panes have no inner padding: content starts right after the border).
 */
const paneRow = (frame: string, needle: string | RegExp): string => {
  const line = frame
    .split('\n')
    .find((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l)));
  return line === undefined ? '' : [...line].slice(1, -1).join('').trimEnd();
};

/** Every content row of a one-pane frame (borders and the title row removed). */
const paneRows = (frame: string): string[] =>
  frame
    .split('\n')
    .slice(2, -1)
    .map((l) => [...l].slice(1, -1).join('').trimEnd());

const CLOCK = '\\d\\d:\\d\\d:\\d\\d';
const AGE = '\\d+\\.\\ds';

const accepted = (s: Snapshot) =>
  s.connections.filter((c) => c.kind === 'accepted' && c.listenerId === 1);

describe('ListenersPane', () => {
  it('shows host:port, state and live counts', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    const ink = renderLive(t.store, (s) => (
      <ListenersPane listeners={s.listeners} selectedId={1} focused width={100} height={6} />
    ));
    const row = `▶ #1 127.0.0.1:${port} listening`;
    const f = await waitForFrame(ink, (x) => x.includes(row), 'the listener row');
    expect(paneRow(f, row)).toBe(`${row} 0 open · 0 queued · 0 total · 0 B in`);
    expect(paneRow(f, 'Listeners')).toBe('▸ Listeners 1');
    const a = await raw(port);
    a.write('hello');
    await raw(port);
    await waitForFrame(
      ink,
      (x) => paneRow(x, row) === `${row} 2 open · 0 queued · 2 total · 5 B in`,
      'two connections and 5 B',
    );
    a.destroy();
    await waitForFrame(
      ink,
      (x) => paneRow(x, row) === `${row} 1 open · 0 queued · 2 total · 5 B in`,
      'one closed, the total kept',
    );
    expect(t.snap().listeners[0]).toMatchObject({ open: 1, total: 2, bytesIn: 5 });
  });

  it('a second listener on the same port is a failed EADDRINUSE row', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    t.engine.listen('127.0.0.1', port);
    const ink = renderLive(t.store, (s) => (
      <ListenersPane
        listeners={s.listeners}
        selectedId={2}
        focused={false}
        width={100}
        height={6}
      />
    ));
    const failed = `▶ #2 127.0.0.1:${port} failed EADDRINUSE (r retries)`;
    const f = await waitForFrame(ink, (x) => paneRow(x, '#2 ') === failed, 'the failed row');
    expect(paneRows(f)).toEqual([
      `  #1 127.0.0.1:${port} listening 0 open · 0 queued · 0 total · 0 B in`,
      failed,
      '',
    ]);
    expect(paneRow(f, 'Listeners')).toBe('  Listeners 2');
    expect(f).not.toContain('▸');
    expect(t.snap().listeners[1]).toMatchObject({ state: 'failed', error: { code: 'EADDRINUSE' } });
  });
});

describe('ErrorsPane', () => {
  it('shows code, subject, address:port, syscall and time, then the explanation wrapped at words; newest first', async () => {
    // Without the kernel's view (no /proc here): the general explanation, long enough to wrap.
    const t = testLab({ kernel: new UnavailableSource('no-proc') });
    const p1 = await t.listenAndWait();
    const p2 = await t.listenAndWait();
    for (const p of [p1, p2]) {
      t.engine.listen('127.0.0.1', p);
      await t.until((s) => s.errors.find((e) => e.error?.port === p));
    }
    const ink = renderLive(t.store, (s) => (
      <ErrorsPane errors={s.errors} selectedId={null} focused={false} width={100} height={12} />
    ));
    const f = await waitForFrame(ink, (x) => x.includes('Errors & notes 2'), 'two errors');
    const [newest, older] = t.snap().errors;
    expect(newest.error?.port).toBe(p2);
    expect(older.error?.port).toBe(p1);
    const rows = paneRows(f);
    expect(rows[0]).toMatch(
      new RegExp(`^▶ EADDRINUSE listener #4 127\\.0\\.0\\.1:${p2} \\(listen\\) ${CLOCK}$`),
    );
    // The selected (newest) entry's explanation, wrapped at spaces under it: indented two
    // columns, no row wider than the pane's 98 columns, the words intact.
    const wrapped: string[] = [];
    let i = 1;
    while (rows[i].startsWith('  ') && !rows[i].startsWith('  EADDRINUSE')) wrapped.push(rows[i++]);
    expect(wrapped.length).toBeGreaterThan(1);
    for (const w of wrapped) expect(w.length).toBeLessThanOrEqual(98);
    const text = entryText(newest);
    expect(wrapped.map((w) => w.slice(2)).join(' ')).toBe(text);
    expect(text).toContain(`Another socket already listens on 127.0.0.1:${p2}`);
    expect(text).toMatch(/SO_REUSEADDR/);
    // The older entry: one row, its explanation after a dash, cut at the border.
    expect(rows[i]).toMatch(
      new RegExp(
        `^ {2}EADDRINUSE listener #3 127\\.0\\.0\\.1:${p1} \\(listen\\) ${CLOCK} — Another socket already listens on .*…$`,
      ),
    );
    expect([...rows[i]].length).toBe(98);
    expect(rows.slice(i + 1).every((r) => r === '')).toBe(true);
  });
});

describe('ConnectionsPane', () => {
  it('peer port = the raw client’s local port; queued #1 in sequential mode', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    t.engine.setMode('sequential');
    const a = await raw(port);
    await t.until((s) => accepted(s).length === 1);
    const b = await raw(port);
    const ink = renderLive(t.store, (s) => (
      <ConnectionsPane
        listener={s.listeners[0]}
        connections={accepted(s)}
        selectedId={null}
        focused={false}
        width={100}
        height={8}
        now={Date.now()}
      />
    ));
    // Read now: a destroyed socket no longer knows its local port.
    const [portA, portB] = [a.localPort, b.localPort];
    const rowA = (state: string) =>
      new RegExp(
        `^ {2}#1 127\\.0\\.0\\.1:${portA} → :${port} ${state} ${AGE} · in 0 B/0 reads · out 0 B$`,
      );
    const rowB = (state: string) =>
      new RegExp(
        `^ {2}#2 127\\.0\\.0\\.1:${portB} → :${port} ${state} ${AGE} · in 0 B/0 reads · out 0 B$`,
      );
    const f = await waitForFrame(
      ink,
      (x) => rowA('open').test(paneRows(x)[0]) && rowB('queued #1').test(paneRows(x)[1]),
      'A open, B queued',
    );
    expect(paneRow(f, 'Connections')).toBe(
      "  Connections on #1 2 · peer = client's ephemeral port",
    );
    expect(f).not.toContain('◆ client');
    a.destroy();
    await waitForFrame(
      ink,
      (x) =>
        rowA('closed by peer \\(FIN\\)').test(paneRows(x)[0]) && rowB('open').test(paneRows(x)[1]),
      'A closed, B served once A closed',
    );
  });

  it('marks the connection a socklab client made: ◆ client #N', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    const id = t.engine.connect('127.0.0.1', port);
    const client = await t.until((s) => {
      const c = s.connections.find((x) => x.id === id);
      return c?.state === 'open' && accepted(s).length === 1 ? c : null;
    });
    const ink = renderLive(t.store, (s) => (
      <ConnectionsPane
        listener={s.listeners[0]}
        connections={accepted(s)}
        selectedId={accepted(s)[0]?.id ?? null}
        focused
        width={100}
        height={8}
        now={Date.now()}
      />
    ));
    expect(id).toBe(1);
    const row = new RegExp(
      `^▶ #2 127\\.0\\.0\\.1:${client.local.port} → :${port} open ◆ client #1 ${AGE} · in 0 B/0 reads · out 0 B$`,
    );
    const f = await waitForFrame(ink, (x) => row.test(paneRows(x)[0]), 'the accepted row');
    expect(paneRow(f, 'Connections')).toBe(
      "▸ Connections on #1 1 · peer = client's ephemeral port",
    );
    expect(
      paneRows(f)
        .slice(1)
        .every((r) => r === ''),
    ).toBe(true);
  });
});

describe('ReadsPane', () => {
  it('shows how buffer 5 cut 28 B: "5 5 5 5 5 3", in text and in hex', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    t.engine.setBufferSize(5);
    const a = await raw(port);
    a.write(LAB_MESSAGE);
    await t.until((s) => accepted(s)[0]?.bytesIn === 28);
    for (const hex of [false, true]) {
      const ink = renderLive(t.store, (s) => (
        <ReadsPane
          title="Reads — conn #1"
          conns={accepted(s)}
          hex={hex}
          focused={false}
          width={100}
          height={12}
          bufferSize={s.bufferSize}
        />
      ));
      const f = await waitForFrame(ink, (x) => x.includes('28 B in 6 reads: 5 5 5 5 5 3'), 'burst');
      expect(f).toContain(`${hex ? 'hex' : 'text'} · reads of ≤ 5 B`);
      if (hex) {
        expect(f).toMatch(/5 B {2}45 73 74 6f 75 +│/);
        expect(f).toMatch(/3 B {2}65 6d 21 +│/);
      } else {
        for (const part of ['"Estou"', '" envi"', '"ando "', '"uma m"', '"ensag"']) {
          expect(f).toContain(`    5 B  ${part}`);
        }
        expect(f).toContain('←     3 B  "em!"');
      }
      ink.unmount();
    }
  });
});

describe('ClientPane', () => {
  it('shows the client’s local port, the one the server sees as peer', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    const id = t.engine.connect('127.0.0.1', port);
    const server = await t.until((s) => accepted(s)[0]);
    const clients = (s: Snapshot) => s.connections.filter((c) => c.kind === 'client');
    const ink = renderLive(t.store, (s) => {
      const cs = clients(s);
      return <ClientPane clients={cs} selected={cs[0] ?? null} focused width={100} height={8} />;
    });
    expect(id).toBe(1);
    const row = `▶ #1 local port ${server.peer.port} open → 127.0.0.1:${port}`;
    let f = await waitForFrame(ink, (x) => paneRows(x)[0] === row, 'the client row');
    expect(paneRows(f).slice(0, 3)).toEqual([row, '  #1: out 0 B · in 0 B', '']);
    expect(paneRow(f, 'Client')).toBe('▸ Client c connect · Enter message · t host:port');
    t.engine.send(server.id, Buffer.from('hi'));
    f = await waitForFrame(ink, (x) => paneRows(x)[2] === '  ← 2 B "hi"', 'the reply');
    expect(paneRows(f).slice(0, 4)).toEqual([row, '  #1: out 0 B · in 2 B', '  ← 2 B "hi"', '']);
    expect(t.conn(id).local.port).toBe(server.peer.port);
  });
});

describe('Header', () => {
  it('shows totals, the buffer value on the slider, and the mode', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    await raw(port);
    const ink = renderLive(t.store, (s) => <Header snap={s} version="9.9" sliderFocused={false} />);
    let f = await waitForFrame(ink, (x) => x.includes('open 1'), 'one open connection');
    expect(lineWith(f, 'socklab').trimEnd()).toBe(
      'socklab 9.9  listening 1 · open 1 · in 0 B · out 0 B · reads 0  concurrent',
    );
    expect(f).toContain('▕███████████░░░░░░▏ 64 KiB  1,024 B per read  recv(1024)');
    t.engine.setBufferSize(5);
    t.engine.setMode('sequential');
    // A listener that failed to bind is not counted as listening.
    t.engine.listen('127.0.0.1', port);
    await t.until((s) => s.listeners[1]?.state === 'failed');
    f = await waitForFrame(ink, (x) => x.includes('  5 B per read'), 'buffer 5');
    expect(f).toContain('▕███░░░░░░░░░░░░░░▏');
    expect(lineWith(f, 'socklab').trimEnd()).toBe(
      'socklab 9.9  listening 1 · open 1 · in 0 B · out 0 B · reads 0  SEQUENTIAL (one at a time)',
    );
  });
});
