// The proxy relays TCP faithfully: what one end sends, the other receives exactly as sent —
// bytes, FIN (half-close kept) and RST — and a target that refuses resets the client, the
// reason on screen. Real sockets on loopback.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closed, collect, rawClient, type TestEngine, waitFor } from '../../helpers/lab.js';
import { closedPort, makeEngine, proxyTo, target } from '../../helpers/proxy.js';

let t: TestEngine | null = null;
const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await t?.close();
  t = null;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function pair() {
  t = makeEngine();
  const tg = await target();
  servers.push(tg.server);
  const p = await proxyTo(t, tg.port);
  const client = await rawClient(p.port);
  const server = await tg.next();
  sockets.push(client, server);
  return { lab: t, p, client, server, atClient: collect(client), atServer: collect(server) };
}

describe('proxy relay', () => {
  it('client FIN reaches the server as FIN; the server still answers, then its FIN comes back', async () => {
    const { lab, client, server, atClient, atServer } = await pair();
    client.end('request');
    await waitFor(() => atServer.ended);
    expect(atServer.text).toBe('request');
    expect(atClient.ended).toBe(false);
    server.end('answer after your FIN');
    await waitFor(() => atClient.ended);
    expect(atClient.text).toBe('answer after your FIN');
    expect(atClient.error).toBeNull();
    expect(atServer.error).toBeNull();
    const s = await lab.until((x) => x.connections.every((c) => c.closedAt) && x);
    expect(s.connections.map((c) => c.state)).toEqual(['closed', 'closed']);
  });

  it('server FIN reaches the client as FIN; the client still sends, the server reads it', async () => {
    const { client, server, atClient, atServer } = await pair();
    server.end('bye');
    await waitFor(() => atClient.ended);
    expect(atClient.text).toBe('bye');
    client.end('late words');
    await waitFor(() => atServer.ended);
    expect(atServer.text).toBe('late words');
    expect(atServer.error).toBeNull();
  });

  it('client RST reaches the server as RST (ECONNRESET)', async () => {
    const { lab, client, server, atServer } = await pair();
    client.write('x');
    await waitFor(() => atServer.text === 'x');
    client.resetAndDestroy();
    await closed(server);
    expect(atServer.error?.code).toBe('ECONNRESET');
    const s = await lab.until((x) => x.connections.every((c) => c.closedAt) && x);
    expect(s.connections.map((c) => c.closeReason)).toEqual(['peer-reset', 'local-reset']);
  });

  it('server RST reaches the client as RST (ECONNRESET)', async () => {
    const { lab, client, server, atClient } = await pair();
    server.write('y');
    await waitFor(() => atClient.text === 'y');
    server.resetAndDestroy();
    await closed(client);
    expect(atClient.error?.code).toBe('ECONNRESET');
    const s = await lab.until((x) => x.connections.every((c) => c.closedAt) && x);
    expect(s.connections.map((c) => c.closeReason)).toEqual(['local-reset', 'peer-reset']);
  });

  it('target refused: the client is reset and the accepted leg carries ECONNREFUSED, explained', async () => {
    t = makeEngine();
    const dead = await closedPort();
    const p = await proxyTo(t, dead);
    const client = await rawClient(p.port);
    sockets.push(client);
    const at = collect(client);
    await closed(client);
    expect(at.error?.code).toBe('ECONNRESET');
    const s = await t.until((x) => x.connections.every((c) => c.closedAt) && x);
    const acc = s.connections.find((c) => c.proxy?.role === 'accepted');
    expect(acc?.state).toBe('reset');
    expect(acc?.error?.code).toBe('ECONNREFUSED');
    const err = s.errors.find((e) => e.error?.code === 'ECONNREFUSED');
    expect(err?.error?.port).toBe(dead);
  });

  it('200 concurrent proxied connections: exact totals both ways', async () => {
    t = makeEngine();
    const lab = t;
    // An echo target: every byte the client sends comes back through the proxy.
    const echo = net.createServer({ allowHalfOpen: true }, (s) => s.pipe(s));
    servers.push(echo);
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    const p = await proxyTo(lab, (echo.address() as net.AddressInfo).port);
    const N = 200;
    const sizes = Array.from({ length: N }, (_, i) => 1000 + i * 37);
    const results = await Promise.all(
      sizes.map(async (size, i) => {
        const c = await rawClient(p.port);
        sockets.push(c);
        const got = collect(c);
        c.end(Buffer.alloc(size, i % 251));
        await waitFor(() => got.ended, 20_000);
        return got.bytes.length === size && got.bytes.every((b) => b === i % 251);
      }),
    );
    expect(results.every(Boolean)).toBe(true);
    const total = sizes.reduce((a, b) => a + b, 0);
    const s = await lab.until((x) => x.connections.every((c) => c.closedAt) && x, 20_000);
    const legs = (role: string) => s.connections.filter((c) => c.proxy?.role === role);
    expect(legs('accepted').length).toBe(N);
    const sum = (cs: typeof s.connections, k: 'bytesIn' | 'bytesOut') =>
      cs.reduce((a, c) => a + c[k], 0);
    // → client to server: read on the accepted legs, written on the upstream legs; ← back.
    expect(sum(legs('accepted'), 'bytesIn')).toBe(total);
    expect(sum(legs('upstream'), 'bytesOut')).toBe(total);
    expect(sum(legs('upstream'), 'bytesIn')).toBe(total);
    expect(sum(legs('accepted'), 'bytesOut')).toBe(total);
  }, 30_000);
});
