import type net from 'node:net';
import { describe, expect, it } from 'vitest';
import { closed, LAB_MESSAGE, makeEngine, rawClient, sleep } from '../../helpers/lab.js';

/** Live TCP handles of this process: servers, sockets and connects in flight. */
const tcpHandles = () =>
  process
    .getActiveResourcesInfo()
    .filter((r) => r === 'TCPWrap' || r === 'TCPSocketWrap' || r === 'TCPServerWrap')
    .sort();

const settle = () => new Promise((r) => setImmediate(r));

describe('shutdown', () => {
  it('closeAll leaves no TCP handle behind (listeners, clients, accepted, queued)', async () => {
    await settle();
    const before = tcpHandles();
    const t = makeEngine({ bufferSize: 5 });
    t.engine.setMode('sequential');
    const portA = await t.listenAndWait();
    const portB = await t.listenAndWait('127.0.0.1', 0);
    // A listener that failed must not leave a handle either.
    t.engine.listen('127.0.0.1', portA);
    await t.until((s) => s.listeners.find((l) => l.id === 3 && l.state === 'failed'));

    const raws: net.Socket[] = [];
    for (let i = 0; i < 3; i++) {
      const raw = await rawClient(portA);
      raws.push(raw);
      raw.on('error', () => {});
      raw.write(LAB_MESSAGE);
    }
    const c1 = t.engine.connect('127.0.0.1', portB);
    const c2 = t.engine.connect('127.0.0.1', portB);
    await t.until((s) => s.connections.filter((c) => c.state === 'open').length >= 3);
    // c2 is queued behind c1 on listener B; raw 2 and 3 behind raw 1 on A.
    const s = await t.until(
      (x) => x.connections.filter((c) => c.state === 'queued').length === 3 && x,
    );
    expect(s.listeners.map((l) => l.queued)).toEqual([2, 1, 0]);
    t.engine.send(c1, Buffer.from(LAB_MESSAGE), { repeat: 1000, intervalMs: 5 });
    t.engine.connect('127.0.0.1', portA); // still connecting (or just queued) at close time
    expect(tcpHandles().length).toBeGreaterThan(before.length + 6);

    await t.close();
    // Raw clients are half-open capable: they see EOF/RST but stay until destroyed.
    for (const r of raws) r.destroy();
    await Promise.all(raws.map(closed));
    await settle();
    await settle();
    expect(tcpHandles()).toEqual(before);
    const after = t.snap();
    expect(after.connections.every((c) => c.closedAt !== null)).toBe(true);
    expect(after.listeners.map((l) => l.state)).toEqual(['closed', 'closed', 'failed']);
    expect(after.totals.openConnections).toBe(0);
    expect(c2).toBeGreaterThan(c1);
  });

  it('closing a listener whose bind is still pending leaves no handle and stays closed', async () => {
    await settle();
    const before = tcpHandles();
    const t = makeEngine();
    // listen() resolves the host first (async even for an IP), so these are still 'starting'.
    t.engine.listen('127.0.0.1', 0);
    t.engine.listen('localhost', 0);
    const id = t.engine.listen('::1', 0);
    t.engine.closeListener(id);
    await t.close();
    await sleep(50);
    expect(tcpHandles()).toEqual(before);
    expect(t.snap().listeners.map((l) => l.state)).toEqual(['closed', 'closed', 'closed']);
    expect(t.events.filter((e) => e.type === 'listening')).toEqual([]);
  });

  it('closeAll on an empty lab resolves and leaves nothing', async () => {
    await settle();
    const before = tcpHandles();
    const t = makeEngine();
    await t.close();
    await settle();
    expect(tcpHandles()).toEqual(before);
    expect(t.snap().connections).toEqual([]);
  });
});
