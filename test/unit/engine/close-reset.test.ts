import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { entryText } from '../../../src/i18n/entryText.js';
import type { Snapshot } from '../../../src/state/types.js';
import {
  closed,
  collect,
  LAB_MESSAGE,
  makeEngine,
  rawClient,
  type TestEngine,
  waitFor,
} from '../../helpers/lab.js';

let t: TestEngine | null = null;
const raws: net.Socket[] = [];

afterEach(async () => {
  for (const s of raws.splice(0)) s.destroy();
  await t?.close();
  t = null;
});

async function withRaw() {
  t = makeEngine();
  const lab = t;
  const port = await lab.listenAndWait();
  const raw = await rawClient(port);
  raws.push(raw);
  const rx = collect(raw);
  const c = await lab.until((s) => s.connections.find((x) => x.kind === 'accepted'));
  return { t: lab, port, raw, rx, id: c.id };
}

/** A socklab client connected to a socklab listener: [client id, accepted id]. */
async function pair() {
  t = makeEngine();
  const lab = t;
  const port = await lab.listenAndWait();
  const cid = lab.engine.connect('127.0.0.1', port);
  const acc = await lab.until((s) => {
    const client = s.connections.find((x) => x.id === cid);
    return client?.state === 'open' && client.linkedId !== null ? client.linkedId : undefined;
  });
  return { t: lab, cid, aid: acc };
}

const stateOf = (s: Snapshot, id: number) => s.connections.find((c) => c.id === id)?.state;
const typesFor = (t: TestEngine, id: number) =>
  t.events.filter((e) => 'connection' in e && e.connection === id).map((e) => e.type);

describe('closing and resetting connections', () => {
  it('raw client half-close: peer-closed, then the accepted side closes and the client sees EOF', async () => {
    const { t, raw, rx, id } = await withRaw();
    raw.write(LAB_MESSAGE);
    await t.until((s) => s.connections.find((c) => c.id === id && c.bytesIn === 28));
    raw.end();
    await t.until((s) => stateOf(s, id) === 'closed');
    await waitFor(() => rx.ended);
    await closed(raw);
    expect(rx.error).toBeNull();
    expect(typesFor(t, id)).toEqual(['accepted', 'peer-closed', 'closed']);
    expect(t.events.find((e) => e.type === 'closed')).toMatchObject({
      connection: id,
      bytesIn: 28,
      bytesOut: 0,
      reads: 1,
    });
    const s = t.snap();
    expect(s.listeners[0].open).toBe(0);
    expect(s.totals.openConnections).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it('socklab client halfClose: server sees peer-closed; client goes half-closed, then closed', async () => {
    const { t, cid, aid } = await pair();
    t.engine.halfClose(cid);
    // The state right after the call, before any I/O.
    expect(t.snap().connections.find((c) => c.id === cid)?.state).toBe('half-closed');
    await t.until((s) => stateOf(s, aid) === 'closed');
    await t.until((s) => stateOf(s, cid) === 'closed');
    expect(typesFor(t, aid)).toContain('peer-closed');
    const clientEvents = typesFor(t, cid);
    expect(clientEvents.slice(0, 2)).toEqual(['client-connecting', 'client-connected']);
    expect(clientEvents.slice(2)).toEqual(['half-closed', 'peer-closed', 'closed']);
    expect(t.snap().errors).toEqual([]);
  });

  it('RST from the raw peer: accepted connection ends in state reset with a reset event', async () => {
    const { t, raw, id } = await withRaw();
    raw.write(LAB_MESSAGE);
    await t.until((s) => s.connections.find((c) => c.id === id && c.bytesIn === 28));
    raw.resetAndDestroy();
    const c = await t.until((s) => s.connections.find((x) => x.id === id && x.closedAt !== null));
    expect(c.state).toBe('reset');
    expect(c.error?.code).toBe('ECONNRESET');
    expect(typesFor(t, id)).toEqual(['accepted', 'reset', 'closed']);
    const err = t.snap().errors[0];
    expect(err).toMatchObject({ kind: 'connection', error: { code: 'ECONNRESET' } });
    expect(entryText(err)).toMatch(/reset/);
  });

  it('lab.reset(accepted) makes the raw peer get ECONNRESET', async () => {
    const { t, raw, rx, id } = await withRaw();
    t.engine.reset(id);
    await closed(raw);
    expect(rx.error?.code).toBe('ECONNRESET');
    expect(rx.ended).toBe(false);
    const c = await t.until((s) => s.connections.find((x) => x.id === id && x.closedAt !== null));
    expect(c.state).toBe('reset');
    expect(typesFor(t, id)).toEqual(['accepted', 'reset', 'closed']);
  });

  it('lab.reset(client) makes the accepted side get ECONNRESET', async () => {
    const { t, cid, aid } = await pair();
    t.engine.reset(cid);
    const acc = await t.until((s) =>
      s.connections.find((x) => x.id === aid && x.closedAt !== null),
    );
    expect(acc.state).toBe('reset');
    expect(acc.error?.code).toBe('ECONNRESET');
    const cl = await t.until((s) => s.connections.find((x) => x.id === cid && x.closedAt !== null));
    expect(cl.state).toBe('reset');
    expect(cl.error).toBeNull();
    expect(typesFor(t, cid).slice(-2)).toEqual(['reset', 'closed']);
    expect(typesFor(t, aid).slice(-2)).toEqual(['reset', 'closed']);
  });

  it('lab.close(accepted) sends FIN: the raw peer sees EOF, not an error', async () => {
    const { t, raw, rx, id } = await withRaw();
    t.engine.close(id);
    await waitFor(() => rx.ended);
    raw.end();
    await closed(raw);
    expect(rx.error).toBeNull();
    const c = await t.until((s) => s.connections.find((x) => x.id === id && x.closedAt !== null));
    expect(c.state).toBe('closed');
  });
});
