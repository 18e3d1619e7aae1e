import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionView, Snapshot } from '../../../src/state/types.js';
import { closed, makeEngine, rawClient, sleep, type TestEngine } from '../../helpers/lab.js';

let t: TestEngine | null = null;
const raws: net.Socket[] = [];

afterEach(async () => {
  for (const s of raws.splice(0)) s.destroy();
  await t?.close();
  t = null;
});

const MSGS = ['first client!', 'second client, longer', 'third'];

/** Three raw clients, connected one after another (so accept order is known), each sending its message. */
async function threeClients() {
  t = makeEngine();
  const lab = t;
  lab.engine.setMode('sequential');
  const port = await lab.listenAndWait();
  const ids: number[] = [];
  const socks: net.Socket[] = [];
  for (const [i, msg] of MSGS.entries()) {
    // connect() resolves: the kernel finished the handshake into the backlog.
    const s = await rawClient(port);
    raws.push(s);
    socks.push(s);
    const c = await lab.until((snap) => snap.connections.filter((x) => x.kind === 'accepted')[i]);
    expect(c.peer.port).toBe(s.localPort);
    ids.push(c.id);
    await new Promise<void>((r) => s.write(msg, () => r()));
  }
  return { t: lab, ids, socks };
}

const view = (s: Snapshot, id: number) => s.connections.find((c) => c.id === id) as ConnectionView;

describe('sequential mode (the lab’s one-at-a-time server)', () => {
  it('serves one client; the others wait in a FIFO until the one served closes', async () => {
    const { t, ids, socks } = await threeClients();
    const [a, b, c] = ids;
    let s = await t.until((snap) => view(snap, a).bytesIn === MSGS[0].length && snap);
    // Give the queued ones time to (wrongly) read: they must not.
    await sleep(50);
    s = t.snap();
    expect(view(s, a)).toMatchObject({ state: 'open', queuePosition: null, reads: 1 });
    expect(view(s, b)).toMatchObject({ state: 'queued', queuePosition: 1, bytesIn: 0, reads: 0 });
    expect(view(s, c)).toMatchObject({ state: 'queued', queuePosition: 2, bytesIn: 0, reads: 0 });
    expect(s.listeners[0]).toMatchObject({ open: 3, queued: 2, total: 3 });
    expect(s.totals.bytesIn).toBe(MSGS[0].length);

    // The first client closes: recv() returns b'' and the loop accepts the next.
    socks[0].end();
    s = await t.until((snap) => view(snap, b).bytesIn === MSGS[1].length && snap);
    expect(view(s, a).state).toBe('closed');
    expect(view(s, b)).toMatchObject({ state: 'open', queuePosition: null });
    expect(Buffer.from(view(s, b).recentReads[0].preview).toString()).toBe(MSGS[1]);
    expect(view(s, c)).toMatchObject({ state: 'queued', queuePosition: 1, bytesIn: 0 });
    expect(s.listeners[0].queued).toBe(1);

    socks[1].end();
    s = await t.until((snap) => view(snap, c).bytesIn === MSGS[2].length && snap);
    expect(view(s, b).state).toBe('closed');
    expect(view(s, c)).toMatchObject({ state: 'open', queuePosition: null });
    expect(s.listeners[0]).toMatchObject({ queued: 0, open: 1 });
    expect(s.totals.bytesIn).toBe(MSGS.join('').length);

    const order = t.events
      .filter((e) => e.type === 'queued' || e.type === 'dequeued')
      .map((e) => {
        if (e.type === 'queued') return `queued ${e.connection} @${e.position}`;
        return `${e.type} ${e.connection}`;
      });
    expect(order).toEqual([`queued ${b} @1`, `queued ${c} @2`, `dequeued ${b}`, `dequeued ${c}`]);
    // Each dequeue comes after the close of the connection before it.
    const seqOf = (type: string, id: number) =>
      t.events.find((e) => e.type === type && 'connection' in e && e.connection === id)?.seq ?? -1;
    expect(seqOf('closed', a)).toBeLessThan(seqOf('dequeued', b));
    expect(seqOf('closed', b)).toBeLessThan(seqOf('dequeued', c));
    await Promise.all(socks.slice(0, 2).map(closed));
  });

  it('a queued client that already left is noticed only when served, like recv() after accept()', async () => {
    const { t, ids, socks } = await threeClients();
    const [a, b, c] = ids;
    await t.until((snap) => view(snap, a).bytesIn > 0);
    socks[1].end();
    await sleep(50);
    let s = t.snap();
    // Nobody reads a queued socket, so its FIN waits in the kernel with its data.
    expect(view(s, b)).toMatchObject({ state: 'queued', queuePosition: 1, bytesIn: 0 });
    expect(view(s, c)).toMatchObject({ state: 'queued', queuePosition: 2 });
    socks[0].end();
    // b is served: its data, then EOF, then it closes and c is served.
    s = await t.until((snap) => view(snap, c).bytesIn === MSGS[2].length && snap);
    expect(view(s, b)).toMatchObject({ state: 'closed', bytesIn: MSGS[1].length, reads: 1 });
    expect(view(s, c)).toMatchObject({ state: 'open', queuePosition: null });
    expect(t.events.filter((e) => e.type === 'peer-closed').map((e) => e.connection)).toEqual([
      a,
      b,
    ]);
  });

  it('switching back to concurrent serves every queued connection at once', async () => {
    const { t, ids } = await threeClients();
    const [a, b, c] = ids;
    await t.until((snap) => view(snap, a).bytesIn > 0);
    t.engine.setMode('concurrent');
    const s = await t.until((snap) => view(snap, c).bytesIn === MSGS[2].length && snap);
    await t.until((snap) => view(snap, b).bytesIn === MSGS[1].length);
    for (const id of ids) {
      expect(view(t.snap(), id)).toMatchObject({ state: 'open', queuePosition: null });
    }
    expect(s.mode).toBe('concurrent');
    expect(t.snap().listeners[0].queued).toBe(0);
    expect(t.snap().totals.bytesIn).toBe(MSGS.join('').length);
    const deq = t.events.filter((e) => e.type === 'dequeued').map((e) => e.connection);
    expect(deq).toEqual([b, c]);
    expect(t.events.filter((e) => e.type === 'mode-changed').map((e) => e.mode)).toEqual([
      'sequential',
      'concurrent',
    ]);
  });
});
