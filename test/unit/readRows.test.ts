import { describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/i18n.js';
import { readRows } from '../../src/ui/readRows.js';
import { make, snap } from './state/storeFixture.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('reads pane rows', () => {
  it('with room for every read: each burst, then its reads (←) with their previews', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    store.recordRead(c, text('Estou'), 1);
    store.recordRead(c, text(' envi'), 1);
    store.recordRead(c, text('\x1b]0;x\x07'), 2);
    const rows = readRows(snap(store).connections, 10, false).map((r) => r.text);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/#1 {2}10 B in 2 reads: 5 5$/);
    expect(rows[1]).toBe('  ←     5 B  "Estou"');
    expect(rows[3]).toMatch(/#1 {2}6 B in 1 read$/);
    expect(rows[4]).toBe('  ←     6 B  "\\x1b]0;x\\x07"');
  });

  it('with less room than rows: the newest, under "N more above", escaped', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    const pieces = ['\x1b]0;', 'title', '\x07', '\r\n', 'end'];
    for (const [i, p] of pieces.entries()) store.recordRead(c, text(p), i + 1);
    const rows = readRows(snap(store).connections, 4, false).map((r) => r.text);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe('↑ 7 more above');
    expect(rows[1]).toBe('  ←     2 B  "\\r\\n"');
    expect(rows[2]).toMatch(/#1 {2}3 B in 1 read$/);
    expect(rows[3]).toBe('  ←     3 B  "end"');
    // Nothing raw from the network in any row.
    expect(rows.join('')).not.toMatch(/[\x00-\x1f\x7f]/);
  });

  it('scrolled to an anchor: the rows up to it, "N more" above and below', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    for (const p of ['one', 'two', 'six', 'ten']) store.recordRead(c, text(p), 1);
    const conns = snap(store).connections;
    const two = conns[0].recentReads[1].seq;
    const rows = readRows(conns, 4, false, 120, two).map((r) => r.text);
    // The burst's summary stays on top, in place of its oldest read in view.
    expect(rows[0]).toBe('↑ 1 more above');
    expect(rows[1]).toMatch(/#1 {2}12 B in 4 reads: 3 3 3 3$/);
    expect(rows.slice(2)).toEqual(['  ←     3 B  "two"', '↓ 2 more below']);
  });

  it('reads the ring no longer holds are counted where they were', () => {
    const { store, l } = make({ readRing: 2 });
    const c = store.addConnection('accepted', l, null);
    for (const p of ['one', 'two', 'six']) store.recordRead(c, text(p), 1);
    const rows = readRows(snap(store).connections, 10, false).map((r) => r.text);
    expect(rows[0]).toMatch(/^⋯ #1: 1 earlier reads not kept/);
    // The burst's totals stay exact though its first read is gone.
    expect(rows[1]).toMatch(/#1 {2}9 B in 3 reads: 3 ×3$/);
    expect(rows.slice(2)).toEqual(['  ←     3 B  "two"', '  ←     3 B  "six"']);
  });

  it('sizes of 1000 B and more are grouped in the burst and on each read, as the header writes them', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    for (const n of [1024, 1024, 1024, 1500]) store.recordRead(c, new Uint8Array(n), 1);
    const rows = () => readRows(snap(store).connections, 10, false).map((r) => r.text);
    expect(rows()[0]).toMatch(/#1 {2}4,572 B in 4 reads: 1,024 1,024 1,024 1,500$/);
    expect(rows()[1]).toMatch(/^ {2}← 1,024 B {2}"/);
    expect(rows()[4]).toMatch(/^ {2}← 1,500 B {2}"/);
    setLang('pt-BR');
    expect(rows()[0]).toMatch(/#1 {2}4\.572 B em 4 leituras: 1\.024 1\.024 1\.024 1\.500$/);
    setLang('en');
  });

  it('a long burst folds its runs, the sizes grouped: 1,024 ×13 1,500', () => {
    const { store, l } = make();
    const c = store.addConnection('accepted', l, null);
    for (let i = 0; i < 13; i++) store.recordRead(c, new Uint8Array(1024), 1);
    store.recordRead(c, new Uint8Array(1500), 1);
    const [head] = readRows(snap(store).connections, 20, false).map((r) => r.text);
    expect(head).toMatch(/ 14,812 B in 14 reads: 1,024 ×13 1,500$/);
  });
});
