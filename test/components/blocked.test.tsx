// "Blocked by the peer's window": a connection whose peer does not read shows it, with the
// bytes socklab holds, in the connections pane and the client pane (both languages); the
// notice goes once the peer reads. Real sockets on 127.0.0.1, live store snapshots.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/format/units.js';
import { type Lang, setLang } from '../../src/i18n/i18n.js';
import type { Snapshot } from '../../src/state/types.js';
import { ClientPane } from '../../src/ui/components/ClientPane.js';
import { ConnectionsPane } from '../../src/ui/components/ConnectionsPane.js';
import { defer, raw, renderLive, runCleanups, testLab, waitForFrame } from '../helpers/ink.js';
import { proxyTo, target } from '../helpers/proxy.js';

afterEach(async () => {
  setLang('en');
  await runCleanups();
});

const CHUNK = Buffer.alloc(64 * 1024, 0x62);
/** The flood stops here whatever happens (far past what any kernel buffers on loopback). */
const FLOOD_CAP = 64 * 1024 * 1024;

/** Write as fast as the socket takes it, never reading, until stop() or FLOOD_CAP. */
function flood(s: net.Socket): { stop(): void } {
  let sent = 0;
  let stopped = false;
  const go = () => {
    while (!stopped && sent < FLOOD_CAP) {
      sent += CHUNK.length;
      if (!s.write(CHUNK)) return;
    }
  };
  s.on('drain', go);
  go();
  return { stop: () => (stopped = true) };
}

const row = (frame: string, needle: string): string =>
  frame.split('\n').find((l) => l.includes(needle)) ?? '';

const TEXT: Record<Lang, { conn: RegExp; clientRow: string; client: RegExp }> = {
  en: {
    conn: /open · (\d+\.\d [KM]iB) waiting, blocked by the peer's window/,
    clientRow: 'open, blocked →',
    client: /^[│┃] {2}(\d+\.\d [KM]iB) held · peer's window shut: write\(\) blocks/m,
  },
  'pt-BR': {
    conn: /aberta · (\d+,\d [KM]iB) à espera, bloqueada pela janela do par/,
    clientRow: 'aberta, bloqueado →',
    client: /^[│┃] {2}(\d+,\d [KM]iB) retidos · janela fechada: write\(\) bloqueia/m,
  },
};

const accepted = (s: Snapshot) => s.connections.filter((c) => c.kind === 'accepted');

describe.each(['en', 'pt-BR'] as const)('blocked by the peer’s window (%s)', (lang) => {
  it('connections pane: an echo to a peer that never reads says so, with the bytes waiting', async () => {
    setLang(lang);
    const t = testLab({ echo: true, bufferSize: 65_536 });
    const port = await t.listenAndWait();
    const peer = await raw(port);
    peer.pause();
    const ink = renderLive(t.store, (s) => (
      <ConnectionsPane
        listener={s.listeners[0] ?? null}
        connections={accepted(s)}
        selectedId={accepted(s)[0]?.id ?? null}
        focused
        width={120}
        height={6}
        now={Date.now()}
      />
    ));
    const sender = flood(peer);
    defer(() => sender.stop());
    const f = await waitForFrame(ink, (x) => TEXT[lang].conn.test(x), 'the blocked notice');
    const shown = TEXT[lang].conn.exec(f)?.[1];
    const conn = accepted(t.snap())[0];
    expect(shown).toBe(formatBytes(conn.writeWaiting ?? Number.NaN));
    expect(row(f, '▶ #1')).toMatch(
      new RegExp(`^[│┃]▶ #1 127\\.0\\.0\\.1:${peer.localPort} → :${port} `),
    );

    sender.stop();
    peer.resume(); // the peer reads at last: the window opens, the echo drains
    await waitForFrame(
      ink,
      (x) => !TEXT[lang].conn.test(x) && row(x, '▶ #1') !== '',
      'the notice gone',
      20_000,
    );
    expect(t.snap().connections[0].writeWaiting).toBeNull();
  });

  it('client pane: repeated sends to a server that never reads show "blocked" and the bytes', async () => {
    setLang(lang);
    const t = testLab();
    let server: net.Socket | null = null;
    const srv = net.createServer({ pauseOnConnect: true }, (s) => (server = s));
    defer(() => new Promise((r) => srv.close(r)));
    defer(() => server?.destroy());
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as net.AddressInfo).port;
    const id = t.engine.connect('127.0.0.1', port);
    await t.until((s) => s.connections.find((c) => c.id === id && c.state === 'open'));
    const ink = renderLive(t.store, (s) => (
      <ClientPane
        clients={s.connections}
        selected={s.connections[0] ?? null}
        focused
        width={60}
        height={8}
      />
    ));
    t.engine.send(id, CHUNK, { repeat: 400 });
    const f = await waitForFrame(ink, (x) => TEXT[lang].client.test(x), 'the blocked line');
    expect(row(f, '▶ #1')).toContain(TEXT[lang].clientRow);
    expect(TEXT[lang].client.exec(f)?.[1]).toBe(formatBytes(t.conn(id).writeWaiting ?? Number.NaN));

    (server as net.Socket | null)?.resume();
    await waitForFrame(
      ink,
      (x) => !TEXT[lang].client.test(x) && !x.includes(TEXT[lang].clientRow),
      'the notice gone',
      20_000,
    );
    expect(t.conn(id).bytesOut).toBe(400 * CHUNK.length);
  });
});

describe('a proxy whose target stops reading', () => {
  it('says so on the pair’s row, with the bytes the upstream leg holds, until the target reads', async () => {
    const t = testLab({ bufferSize: 65_536 });
    const tg = await target();
    defer(() => new Promise<void>((r) => tg.server.close(() => r())));
    const { port } = await proxyTo(t, tg.port);
    const client = await raw(port);
    const server = await tg.next();
    defer(() => server.destroy());
    server.pause(); // the lab's servidor.py stopped (kill -STOP): its window shuts
    const rows = (s: Snapshot) => s.connections.filter((c) => c.proxy?.role === 'accepted');
    const legs = (s: Snapshot) =>
      new Map(s.connections.filter((c) => c.proxy?.role === 'upstream').map((c) => [c.id, c]));
    const ink = renderLive(t.store, (s) => (
      <ConnectionsPane
        listener={s.listeners[0] ?? null}
        connections={rows(s)}
        legs={legs(s)}
        selectedId={rows(s)[0]?.id ?? null}
        focused
        width={72} // the pane's width in a 120-column dashboard
        height={6}
        now={Date.now()}
      />
    ));
    const sender = flood(client);
    defer(() => sender.stop());
    const upstream = /(\d+\.\d [KM]iB) waiting for the server/;
    const f = await waitForFrame(ink, (x) => upstream.test(x), 'the upstream blocked notice');
    const leg = [...legs(t.snap()).values()][0];
    expect(upstream.exec(f)?.[1]).toBe(formatBytes(leg?.writeWaiting ?? Number.NaN));
    sender.stop();
    server.resume();
    await waitForFrame(ink, (x) => !upstream.test(x), 'the notice gone', 20_000);
  });
});
