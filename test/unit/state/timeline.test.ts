import { describe, expect, it } from 'vitest';
import { bytes, make, snap } from './storeFixture.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('a connection timeline', () => {
  it('puts what socklab sent and the events between the reads, in the store’s one order', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    store.emit({
      type: 'accepted',
      connection: c.id,
      listener: l.id,
      peer: null,
      local: c.local,
      client: null,
    });
    store.recordRead(c, text('one'), 1);
    store.recordWrite(c, 2, text('hi'));
    store.recordRead(c, text('two'), 2);
    store.connState(c, { state: 'peer-half-closed' }, { type: 'peer-closed', connection: c.id });
    store.emit({ type: 'reset', connection: c.id, by: 'local' });
    store.connState(
      c,
      { state: 'reset', closedAt: Date.now() },
      {
        type: 'closed',
        connection: c.id,
        reason: 'local-reset',
        bytesIn: 6,
        bytesOut: 2,
        reads: 2,
      },
    );
    const v = snap(store).connections[0];
    expect(v.timeline.map((e) => e.kind)).toEqual([
      'accepted',
      'sent',
      'fin-in',
      'rst-out',
      'closed',
    ]);
    expect(v.timeline[4].reason).toBe('local-reset');
    const sent = v.timeline[1];
    expect(sent.size).toBe(2);
    expect(new TextDecoder().decode(sent.preview ?? new Uint8Array())).toBe('hi');
    // One sequence with the reads: one < sent < two < FIN.
    const [one, two] = v.recentReads;
    expect(v.timeline[0].seq).toBeLessThan(one.seq);
    expect(one.seq).toBeLessThan(sent.seq);
    expect(sent.seq).toBeLessThan(two.seq);
    expect(two.seq).toBeLessThan(v.timeline[2].seq);
  });

  it('keeps the last `timelineRing` entries, and a send’s preview is at most 32 bytes', () => {
    const { store, l } = make({ timelineRing: 5 });
    const c = store.addConnection('accepted', l, null);
    for (let i = 1; i <= 12; i++) store.recordWrite(c, i * 10, bytes(i * 10));
    const tl = snap(store).connections[0].timeline;
    expect(tl.map((e) => e.size)).toEqual([80, 90, 100, 110, 120]);
    expect(tl.every((e) => (e.preview?.length ?? 0) <= 32)).toBe(true);
  });

  it('a queued connection’s wait is told when it is served', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    store.connState(
      c,
      { state: 'queued', queuePosition: 1 },
      { type: 'queued', connection: c.id, listener: l.id, position: 1 },
    );
    store.connState(
      c,
      { state: 'open', queuePosition: null },
      { type: 'dequeued', connection: c.id, listener: l.id },
    );
    const tl = snap(store).connections[0].timeline;
    expect(tl.map((e) => e.kind)).toEqual(['queued', 'dequeued']);
    expect(tl[1].waitedMs).toBeGreaterThanOrEqual(0);
  });
});
