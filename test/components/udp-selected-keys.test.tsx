// With a UDP socket selected (or the client pane showing UDP clients), the keys that act on TCP
// sockets say so and change nothing: they never reach the TCP listener, connection or client
// that was selected before. Real sockets on 127.0.0.1, the whole App.
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, press, raw, renderApp, runCleanups, testLab, waitForFrame } from '../helpers/ink.js';

afterEach(runCleanups);

const NOT_UDP = /not for UDP/;

describe('TCP keys with UDP selected', () => {
  it('listeners pane on a UDP row: o, r, e, c and F leave the TCP listener as it was', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    t.engine.udp.open('127.0.0.1', 0);
    const ink = renderApp(t);
    await waitForFrame(ink, (f) => /udp #1 127\.0\.0\.1:\d+ bound/.test(f), 'the UDP row');
    await press(ink, KEY.down, (f) => /▶ udp #1/.test(f), 'UDP row selected');
    for (const key of ['o', 'e', 'r', 'c', 'F']) {
      await press(ink, key, (f) => NOT_UDP.test(f), `${key} refused`);
      await press(ink, KEY.esc, () => true, 'esc');
    }
    const l = t.snap().listeners[0];
    expect(l).toMatchObject({ halfOpen: false, echo: false, state: 'listening', boundPort: port });
    expect(t.snap().connections).toHaveLength(0); // c opened no TCP client
  });

  it('client pane showing UDP clients: f, r, d, p do not touch the TCP client', async () => {
    const t = testLab();
    const port = await t.listenAndWait();
    const peer = raw(port);
    const id = t.engine.connect('127.0.0.1', port);
    await t.until((s) => s.connections.find((c) => c.id === id && c.state === 'open'));
    const ink = renderApp(t);
    for (let i = 0; i < 3; i++) await press(ink, KEY.tab, () => true, 'tab');
    await waitForFrame(ink, (f) => f.includes('▸ Client'), 'client pane focused');
    await press(ink, 'U', (f) => f.includes('Client (UDP)'), 'UDP clients shown');
    for (const key of ['f', 'r', 'd', 'p']) {
      await press(ink, key, (f) => NOT_UDP.test(f), `${key} refused`);
    }
    const c = t.conn(id);
    expect(c).toMatchObject({ state: 'open', noDelay: false, readPaused: false });
    await peer;
  });

  it('the footer shows only the keys that act: none of the TCP ones a UDP row refuses', async () => {
    const t = testLab();
    await t.listenAndWait();
    t.engine.udp.open('127.0.0.1', 0);
    const ink = renderApp(t);
    await waitForFrame(ink, (f) => /udp #1 127\.0\.0\.1:\d+ bound/.test(f), 'the UDP row');
    const footer = (f: string) => f.trimEnd().split('\n').at(-1) ?? '';
    // On the TCP listener the listener's keys are offered.
    const tcp = await waitForFrame(ink, (f) => /▶ #1 /.test(f), 'TCP listener selected');
    expect(footer(tcp)).toMatch(/r retry failed {2}o half-open/);
    const udp = await press(ink, KEY.down, (f) => /▶ udp #1/.test(f), 'UDP row selected');
    const row = footer(udp);
    expect(row).toMatch(/^Tab next pane {2}↑↓ select {2}x /);
    for (const refused of ['retry failed', 'half-open', 'proxy faults', 'client to listener']) {
      expect(row, refused).not.toContain(refused);
    }
    expect(row).toContain('u UDP socket');
  });

  it('a UDP socket alone (socklab -u HOST:PORT) is selected: its peers and datagrams show', async () => {
    const t = testLab();
    t.engine.udp.open('127.0.0.1', 0);
    const ink = renderApp(t);
    const f = await waitForFrame(
      ink,
      (x) => /▶ udp #1 127\.0\.0\.1:\d+ bound/.test(x),
      'UDP row selected',
    );
    expect(f).toContain('Peers of udp #1');
    expect(f).toContain('Datagrams — udp #1');
    expect(f).toContain('send one: u in the'); // u makes a UDP client; c is TCP's
    const footer = f.trimEnd().split('\n').at(-1) ?? '';
    expect(footer).not.toContain('retry failed');
  });

  it('c from the UDP client view connects a TCP client and shows the TCP clients', async () => {
    const t = testLab();
    await t.listenAndWait();
    const ink = renderApp(t);
    for (let i = 0; i < 3; i++) await press(ink, KEY.tab, () => true, 'tab');
    await waitForFrame(ink, (f) => f.includes('▸ Client'), 'client pane focused');
    await press(ink, 'U', (f) => f.includes('Client (UDP)'), 'UDP clients shown');
    const f = await press(
      ink,
      'c',
      (x) => /▶ #1 local port \d+ open/.test(x) && !x.includes('Client (UDP)'),
      'the TCP client shown',
    );
    expect(f).not.toContain('Client (UDP)');
  });

  it('the peers and datagrams panes offer no TCP connection or timeline key, and h says why', async () => {
    const t = testLab();
    t.engine.udp.open('127.0.0.1', 0);
    const ink = renderApp(t);
    const footer = (f: string) => f.trimEnd().split('\n').at(-1) ?? '';
    await waitForFrame(ink, (x) => /▶ udp #1/.test(x), 'UDP row selected');
    const peers = await press(ink, KEY.tab, (x) => x.includes('▸ Peers'), 'peers pane focused');
    expect(footer(peers)).not.toContain('↑↓');
    const datagrams = await press(
      ink,
      KEY.tab,
      (x) => x.includes('▸ Datagrams'),
      'datagrams focused',
    );
    for (const key of ['hex/text', 'this connection', 'scroll the timeline', 'h hex']) {
      expect(footer(datagrams), key).not.toContain(key);
    }
    await press(ink, 'h', (x) => NOT_UDP.test(x), 'h refused');
  });

  it('the client pane does not offer c while a UDP row is selected (c needs a TCP listener)', async () => {
    const t = testLab();
    t.engine.udp.open('127.0.0.1', 0);
    const ink = renderApp(t);
    const f = await waitForFrame(ink, (x) => /▶ udp #1/.test(x), 'UDP row selected');
    expect(f).not.toContain('press c to connect');
    expect(f).toContain('no clients — t to connect');
  });
});
