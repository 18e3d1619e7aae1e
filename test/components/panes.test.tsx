// Each pane rendered on its own from the store's live snapshots, after real socket activity.
import { afterEach, describe, expect, it } from 'vitest';
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
    let f = await waitForFrame(ink, (x) => x.includes(row), 'the listener row');
    expect(lineWith(f, row)).toContain('0 open · 0 queued · 0 total · 0 B in');
    expect(f).toContain('▸ Listeners 1');
    const a = await raw(port);
    a.write('hello');
    await raw(port);
    f = await waitForFrame(
      ink,
      (x) => lineWith(x, row).includes('2 open · 0 queued · 2 total · 5 B in'),
      'two connections and 5 B',
    );
    a.destroy();
    await waitForFrame(
      ink,
      (x) => lineWith(x, row).includes('1 open · 0 queued · 2 total · 5 B in'),
      'one closed, the total kept',
    );
    expect(t.snap().listeners[0]).toMatchObject({ open: 1, total: 2, bytesIn: 5 });
  });

  it('a second listener on the same port is a failed EADDRINUSE row', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    t.lab.listen('127.0.0.1', port);
    const ink = renderLive(t.store, (s) => (
      <ListenersPane
        listeners={s.listeners}
        selectedId={2}
        focused={false}
        width={100}
        height={6}
      />
    ));
    const f = await waitForFrame(
      ink,
      (x) => x.includes(`▶ #2 127.0.0.1:${port} failed EADDRINUSE (r retries)`),
      'the failed row',
    );
    expect(f).toContain(`  #1 127.0.0.1:${port} listening  0 open`);
    expect(f).not.toContain('▸');
    expect(t.snap().listeners[1]).toMatchObject({ state: 'failed', error: { code: 'EADDRINUSE' } });
  });
});

describe('ErrorsPane', () => {
  it('shows code, syscall, address:port and the explanation, newest first', async () => {
    const t = testLab();
    const p1 = await t.listenAndWait();
    const p2 = await t.listenAndWait();
    for (const p of [p1, p2]) {
      t.lab.listen('127.0.0.1', p);
      await t.until((s) => s.errors.find((e) => e.error?.port === p));
    }
    const ink = renderLive(t.store, (s) => (
      <ErrorsPane errors={s.errors} selectedId={null} focused={false} width={100} height={12} />
    ));
    const f = await waitForFrame(ink, (x) => x.includes('Errors & notes 2'), 'two errors');
    const newest = new RegExp(
      `▶ \\d\\d:\\d\\d:\\d\\d EADDRINUSE \\(listen\\) 127\\.0\\.0\\.1:${p2} listener #4`,
    );
    const older = new RegExp(
      ` {2}\\d\\d:\\d\\d:\\d\\d EADDRINUSE \\(listen\\) 127\\.0\\.0\\.1:${p1} listener #3`,
    );
    expect(f).toMatch(newest);
    expect(f).toMatch(older);
    expect(f.search(newest)).toBeLessThan(f.search(older));
    // The selected (newest) entry's explanation, wrapped under it.
    expect(f).toContain(`Another socket already listens on 127.0.0.1:${p2}`);
    expect(f).toMatch(/SO_REUSEADDR/);
  });
});

describe('ConnectionsPane', () => {
  it('peer port = the raw client’s local port; queued #1 in sequential mode', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    t.lab.setMode('sequential');
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
    const rowA = `127.0.0.1:${a.localPort} → :${port}  open`;
    const rowB = `127.0.0.1:${b.localPort} → :${port}  queued #1`;
    const f = await waitForFrame(
      ink,
      (x) => x.includes(rowA) && x.includes(rowB),
      'A open, B queued',
    );
    expect(f).toContain('Connections on #1 2 · peer = client');
    expect(f).not.toContain('◆ client');
    a.destroy();
    await waitForFrame(
      ink,
      (x) => x.includes(`127.0.0.1:${b.localPort} → :${port}  open`),
      'B served once A closed',
    );
  });

  it('marks the connection a socklab client made: ◆ client #N', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    const id = t.lab.connect('127.0.0.1', port);
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
    const row = `▶ #2 127.0.0.1:${client.local.port} → :${port}  open`;
    const f = await waitForFrame(ink, (x) => x.includes(row), 'the accepted row');
    expect(lineWith(f, row)).toContain(`◆ client #${id}`);
    expect(f).toContain('▸ Connections on #1');
  });
});

describe('ReadsPane', () => {
  it('shows how buffer 5 cut 28 B: "5 5 5 5 5 3", in text and in hex', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    t.lab.setBufferSize(5);
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
        expect(f).toContain('    3 B  "em!"');
      }
      ink.unmount();
    }
  });
});

describe('ClientPane', () => {
  it('shows the client’s local port, the one the server sees as peer', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    const id = t.lab.connect('127.0.0.1', port);
    const server = await t.until((s) => accepted(s)[0]);
    const clients = (s: Snapshot) => s.connections.filter((c) => c.kind === 'client');
    const ink = renderLive(t.store, (s) => {
      const cs = clients(s);
      return <ClientPane clients={cs} selected={cs[0] ?? null} focused width={100} height={8} />;
    });
    const row = `▶ #${id} → 127.0.0.1:${port} local port ${server.peer.port} open`;
    await waitForFrame(ink, (x) => x.includes(row), 'the client row');
    t.lab.send(server.id, Buffer.from('hi'));
    const f = await waitForFrame(ink, (x) => x.includes('← 2 B "hi"'), 'the reply');
    expect(lineWith(f, row)).toContain('out 0 B · in 2 B');
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
    expect(f).toContain('socklab 9.9  listeners 1 · open 1');
    expect(f).toContain('▕███████████░░░░░░▏ 64 KiB  1,024 B per read  recv(1024)');
    expect(f).toContain('concurrent');
    t.lab.setBufferSize(5);
    t.lab.setMode('sequential');
    f = await waitForFrame(ink, (x) => x.includes('  5 B per read'), 'buffer 5');
    expect(f).toContain('▕███░░░░░░░░░░░░░░▏');
    expect(f).toContain('SEQUENTIAL (one at a time)');
  });
});
