// Faults the proxy injects, per direction, live: each one's effect seen by the far end on
// real sockets. The rate cap is a behaviour over a measured interval: bytes delivered
// against cap × the real elapsed time (so a loaded machine's late timers count as time).
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HOLD_BOUND } from '../../../src/proxy/forwarder.js';
import { NO_FAULTS } from '../../../src/state/proxyTypes.js';
import { closed, collect, rawClient, sleep, type TestEngine, waitFor } from '../../helpers/lab.js';
import { makeEngine, proxyTo, target } from '../../helpers/proxy.js';
import { type PythonProc, spawnPython } from '../../helpers/python.js';

let t: TestEngine | null = null;
const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
const children: PythonProc[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const c of children.splice(0)) c.kill();
  await t?.close();
  t = null;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function pair(bufferSize = 65536) {
  t = makeEngine({ bufferSize });
  const tg = await target();
  servers.push(tg.server);
  const p = await proxyTo(t, tg.port);
  const client = await rawClient(p.port);
  const server = await tg.next();
  sockets.push(client, server);
  return { lab: t, id: p.id, client, server, atClient: collect(client), atServer: collect(server) };
}

describe('proxy faults', () => {
  it('rate downstream 100 KB/s: bytes delivered over ~5 s within ±10 % of cap × elapsed', async () => {
    const { lab, id, server, client } = await pair();
    const RATE = 100_000;
    expect(lab.engine.proxies.setFaults(id, 'downstream', { rate: RATE })).toBe('set');
    let got = 0;
    let first = 0;
    client.on('data', (d: Buffer) => {
      if (first === 0) first = Date.now();
      else got += d.length;
    });
    // Far more than 5 s worth, written as the proxy takes it.
    const block = Buffer.alloc(64 * 1024, 0x62);
    let written = 0;
    const pump = () => {
      while (written < 2_000_000 && server.write(block)) written += block.length;
    };
    server.on('drain', pump);
    pump();
    await waitFor(() => first > 0);
    await sleep(5000);
    const elapsed = (Date.now() - first) / 1000;
    const expected = RATE * elapsed;
    console.log(
      `rate cap ${RATE} B/s: ${got} B in ${elapsed.toFixed(2)} s = ${(got / elapsed).toFixed(0)} B/s`,
    );
    expect(got).toBeGreaterThan(expected * 0.9);
    expect(got).toBeLessThan(expected * 1.1);
    // The other direction is not capped.
    const atServer = collect(server);
    client.write(Buffer.alloc(500_000));
    await waitFor(() => atServer.bytes.length === 500_000);
  }, 20_000);

  it('reset-after 1000 upstream: servidor.py reads exactly 1000 bytes, then ECONNRESET; the client is reset', async () => {
    // The lab's server as the far end: a plain recv() loop reports the RST as the kernel does
    // (libuv may report an RST that follows unread data as EOF).
    const srv = spawnPython('servidor.py', ['127.0.0.1', '0', '--once']);
    children.push(srv);
    const port = Number((await srv.waitForLine(/^LISTENING (\d+)$/))[1]);
    t = makeEngine({ bufferSize: 65536 });
    const p = await proxyTo(t, port);
    t.engine.proxies.setFaults(p.id, 'upstream', { resetAfter: 1000 });
    const client = await rawClient(p.port);
    sockets.push(client);
    const atClient = collect(client);
    client.write(Buffer.alloc(600, 0x31));
    client.write(Buffer.alloc(600, 0x32));
    await closed(client);
    expect(atClient.error?.code).toBe('ECONNRESET');
    await srv.waitForLine(/^ERROR /);
    const reads = srv.lines
      .filter((l) => l.startsWith('READ '))
      .map((l) => Number(l.split(' ')[1]));
    expect(reads.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(srv.lines).toContain('ERROR ECONNRESET');
  });

  it('blackhole upstream: nothing reaches the server, the connection stays open; off again, bytes flow', async () => {
    const { lab, id, client, atServer, atClient, server } = await pair();
    lab.engine.proxies.setFaults(id, 'upstream', { blackhole: true });
    client.write('lost');
    const acc = await lab.until((s) =>
      s.connections.find((c) => c.proxy?.role === 'accepted' && c.bytesIn === 4),
    );
    await sleep(100);
    expect(atServer.bytes.length).toBe(0);
    expect(acc.state).toBe('open');
    server.write('still here');
    await waitFor(() => atClient.text === 'still here');
    lab.engine.proxies.setFaults(id, 'upstream', { blackhole: false });
    client.write('found');
    await waitFor(() => atServer.text === 'found');
  });

  it('latency and slow close: the server reads data after the delay, then the FIN after its own', async () => {
    const { lab, id, client, atServer } = await pair();
    lab.engine.proxies.setFaults(id, 'upstream', { latencyMs: 300, slowCloseMs: 400 });
    const sent = Date.now();
    client.end('late');
    let dataAt = 0;
    await waitFor(() => {
      if (!dataAt && atServer.text === 'late') dataAt = Date.now();
      return atServer.ended;
    });
    const finAt = Date.now();
    // Order, not timing: the data waited for the latency, and the FIN for the slow close after it.
    expect(dataAt - sent).toBeGreaterThanOrEqual(290);
    expect(finAt - sent).toBeGreaterThanOrEqual(390);
  });

  it('latency holds at most HOLD_BOUND: with 3 s of latency, socklab stops reading the client', async () => {
    const { lab, id, client, atServer } = await pair();
    lab.engine.proxies.setFaults(id, 'upstream', { latencyMs: 3000 });
    const block = Buffer.alloc(64 * 1024, 0x63);
    let written = 0;
    const pump = () => {
      while (written < 20 * 2 ** 20 && client.write(block)) written += block.length;
    };
    client.on('drain', pump);
    pump();
    await sleep(1000);
    const acc = lab.snap().connections.find((c) => c.proxy?.role === 'accepted');
    // Nothing forwarded yet (the latency), so all socklab read is what it holds.
    expect(atServer.bytes.length).toBe(0);
    expect(acc?.bytesIn).toBeGreaterThan(0);
    // HOLD_BOUND (1 MiB) plus one read: a number here, so a bound that grows fails the test.
    expect(HOLD_BOUND).toBe(2 ** 20);
    expect(acc?.bytesIn).toBeLessThanOrEqual(2 ** 20 + 64 * 1024);
  });

  it('fault-changed is an event with the direction and all its faults', async () => {
    const { lab, id } = await pair();
    lab.engine.proxies.setFaults(id, 'downstream', { paceMs: 30 });
    const e = lab.events.find((x) => x.type === 'fault-changed');
    expect(e).toMatchObject({
      listener: id,
      direction: 'downstream',
      faults: { ...NO_FAULTS, paceMs: 30 },
    });
    const l = lab.snap().listeners.find((x) => x.id === id);
    expect(l?.proxy?.faults.downstream.paceMs).toBe(30);
    expect(l?.proxy?.faults.upstream).toEqual(NO_FAULTS);
  });
});
