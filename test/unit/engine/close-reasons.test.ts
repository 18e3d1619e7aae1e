// Who closed a connection, and how: the store's code, the NDJSON `closed` record's `reason`,
// and the headless line, on real sockets.
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { eventLine } from '../../../src/cli/eventLine.js';
import { setLang } from '../../../src/i18n/i18n.js';
import { eventRecord } from '../../../src/log/eventRecord.js';
import type { CloseReason, EngineEvent } from '../../../src/state/types.js';
import {
  closed,
  collect,
  LAB_MESSAGE,
  makeEngine,
  rawClient,
  type TestEngine,
  waitFor,
} from '../../helpers/lab.js';

const labs: TestEngine[] = [];
const raws: net.Socket[] = [];

afterEach(async () => {
  setLang('en');
  for (const s of raws.splice(0)) s.destroy();
  for (const lab of labs.splice(0)) await lab.close();
});

function fresh(): TestEngine {
  const lab = makeEngine();
  labs.push(lab);
  return lab;
}

/** A raw node:net peer connected to a socklab listener; the accepted connection's id. */
async function withRaw() {
  const lab = fresh();
  const port = await lab.listenAndWait();
  const raw = await rawClient(port);
  raws.push(raw);
  const rx = collect(raw);
  const c = await lab.until((s) => s.connections.find((x) => x.kind === 'accepted'));
  return { lab, port, raw, rx, id: c.id };
}

/** A socklab client connected to a socklab listener: both ends here. */
async function pair() {
  const lab = fresh();
  const port = await lab.listenAndWait();
  const cid = lab.engine.connect('127.0.0.1', port);
  const aid = await lab.until((s) => {
    const client = s.connections.find((x) => x.id === cid);
    return client?.state === 'open' && client.linkedId !== null ? client.linkedId : undefined;
  });
  return { lab, cid, aid };
}

const closedEvent = (lab: TestEngine, id: number) =>
  lab.events.find((e) => e.type === 'closed' && e.connection === id) as
    | Extract<EngineEvent, { type: 'closed' }>
    | undefined;

/** Once `id` closed: its view's reason, its NDJSON record and its headless line. */
async function ending(lab: TestEngine, id: number) {
  const view = await lab.until((s) => s.connections.find((c) => c.id === id && c.closedAt));
  const e = await waitFor(() => closedEvent(lab, id));
  return { reason: view.closeReason, record: eventRecord(e), line: eventLine(e) };
}

async function expectEnding(lab: TestEngine, id: number, reason: CloseReason, words: string) {
  const end = await ending(lab, id);
  expect(end.reason).toBe(reason);
  expect(end.record).toMatchObject({ type: 'closed', connection: id, reason });
  expect(end.line).toContain(`conn ${id} ${words}: `);
  return end;
}

describe('who closed a connection, and how', () => {
  it('a peer that ends (FIN): peer-fin, "closed by peer (FIN)"', async () => {
    const { lab, raw, id } = await withRaw();
    raw.write(LAB_MESSAGE);
    await lab.until((s) => s.connections.find((c) => c.id === id && c.bytesIn === 28));
    raw.end();
    const end = await expectEnding(lab, id, 'peer-fin', 'closed by peer (FIN)');
    expect(end.line).toContain('28 B in (1 reads), 0 B out');
    expect(end.record).not.toHaveProperty('code');
  });

  it("socklab's close (x): local-close on its end, peer-fin on the other", async () => {
    const { lab, raw, rx, id } = await withRaw();
    lab.engine.close(id);
    await waitFor(() => rx.ended);
    raw.end();
    await closed(raw);
    await expectEnding(lab, id, 'local-close', 'closed by socklab');
    const both = await pair();
    both.lab.engine.close(both.cid);
    await expectEnding(both.lab, both.cid, 'local-close', 'closed by socklab');
    await expectEnding(both.lab, both.aid, 'peer-fin', 'closed by peer (FIN)');
  });

  it('a peer reset (resetAndDestroy): peer-reset, "reset by peer"', async () => {
    const { lab, raw, id } = await withRaw();
    raw.resetAndDestroy();
    await expectEnding(lab, id, 'peer-reset', 'reset by peer');
  });

  it("socklab's reset (r): local-reset on its end, peer-reset on the other", async () => {
    const { lab, raw, rx, id } = await withRaw();
    lab.engine.reset(id);
    await closed(raw);
    expect(rx.error?.code).toBe('ECONNRESET');
    await expectEnding(lab, id, 'local-reset', 'reset by socklab');
    const both = await pair();
    both.lab.engine.reset(both.cid);
    await expectEnding(both.lab, both.cid, 'local-reset', 'reset by socklab');
    await expectEnding(both.lab, both.aid, 'peer-reset', 'reset by peer');
  });

  it('half-closed first by socklab (f), then the peer closes: socklab closed it', async () => {
    const { lab, cid, aid } = await pair();
    lab.engine.halfClose(cid);
    await expectEnding(lab, cid, 'local-close', 'closed by socklab');
    await expectEnding(lab, aid, 'peer-fin', 'closed by peer (FIN)');
  });

  it('an error (connect refused): error, with the code in the record and the line', async () => {
    const lab = fresh();
    const port = await lab.listenAndWait();
    lab.engine.closeListener(1);
    await lab.until((s) => s.listeners[0].state === 'closed');
    const id = lab.engine.connect('127.0.0.1', port);
    const end = await expectEnding(lab, id, 'error', 'error ECONNREFUSED');
    expect(end.record).toMatchObject({ reason: 'error', code: 'ECONNREFUSED' });
  });

  it('the words come from the catalogue: pt-BR', async () => {
    const { lab, raw, id } = await withRaw();
    setLang('pt-BR');
    raw.resetAndDestroy();
    const end = await ending(lab, id);
    expect(end.line).toContain(`conexão ${id} resetada pelo par (RST): `);
    // The code stays a code in every language.
    expect(end.record).toMatchObject({ reason: 'peer-reset' });
  });
});
