import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/ui/readRows.js';
import { make, snap } from './state/storeFixture.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('reads pane rows', () => {
  it('with room for every read: each burst, then its reads with their previews', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    store.recordRead(c, text('Estou'), 1);
    store.recordRead(c, text(' envi'), 1);
    store.recordRead(c, text('\x1b]0;x\x07'), 2);
    const rows = readRows(snap(store).connections, 10, false).map((r) => r.text);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/#1 {2}10 B in 2 reads: 5 5$/);
    expect(rows[1]).toBe('        5 B  "Estou"');
    expect(rows[3]).toMatch(/#1 {2}6 B in 1 read$/);
    expect(rows[4]).toBe('        6 B  "\\x1b]0;x\\x07"');
  });

  it('with less room than bursts: summaries only, each ending with its first read, escaped', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    const pieces = ['\x1b]0;', 'title', '\x07', '\r\n', 'end'];
    for (const [i, p] of pieces.entries()) store.recordRead(c, text(p), i + 1);
    const rows = readRows(snap(store).connections, 3, false).map((r) => r.text);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => / B in 1 read {2}"/.test(r))).toBe(true);
    expect(rows[0]).toMatch(/"\\x07"$/);
    expect(rows[1]).toMatch(/"\\r\\n"$/);
    expect(rows[2]).toMatch(/"end"$/);
    // Nothing raw from the network in any row.
    expect(rows.join('')).not.toMatch(/[\x00-\x1f\x7f]/);
  });

  it('a burst cut by the view says so: "…" before the earliest read in view, the burst’s own time', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    for (const p of ['one', 'two', 'six']) store.recordRead(c, text(p), 1);
    store.recordRead(c, text('new'), 2);
    const conns = snap(store).connections;
    const rows = readRows(conns, 2, false).map((r) => r.text);
    // Room for two rows: only the newest two reads are in view (six, new), and both bursts
    // fit only as summaries.
    expect(rows[0]).toMatch(/#1 {2}9 B in 3 reads: 3 3 3 {2}…"six"$/);
    expect(rows[0].slice(0, 12)).toBe(readRows(conns, 10, false)[0].text.slice(0, 12));
    expect(rows[1]).toMatch(/#1 {2}3 B in 1 read {2}"new"$/);
  });
});
