// A skipped Ink patch is said on the dashboard, in the user's language, while nothing else is.
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/i18n.js';
import { localLink } from '../../src/thread/localLink.js';
import { App } from '../../src/ui/App.js';
import { inkPatchNotes } from '../../src/ui/inkPatchNotes.js';
import {
  lineWith,
  press,
  renderTracked,
  runCleanups,
  testLab,
  waitForFrame,
} from '../helpers/ink.js';

afterEach(async () => {
  setLang('en');
  await runCleanups();
});

describe('notes for skipped Ink patches', () => {
  it('one note per skipped patch, saying what is lost and why, in both languages', () => {
    const skipped = [
      { patch: 'wrap-text-cache', reason: 'not-handed-over' },
      { patch: 'output-cache', reason: 'unexpected-shape' },
    ] as const;
    const en = inkPatchNotes(skipped);
    expect(en).toHaveLength(2);
    expect(en[0]).toMatch(/memory/);
    expect(en[0]).toMatch(/not handed over/);
    expect(en[1]).toMatch(/frame/);
    expect(en[1]).toMatch(/not 6\.8/);
    setLang('pt-BR');
    const pt = inkPatchNotes(skipped);
    expect(pt).toHaveLength(2);
    expect(pt[0]).not.toBe(en[0]);
    expect(pt[0]).toMatch(/memória/);
    expect(inkPatchNotes([])).toEqual([]);
  });

  it('the dashboard shows the notes on its status row until a key has something to say', async () => {
    const t = testLab();
    const notes = inkPatchNotes([{ patch: 'output-cache', reason: 'not-handed-over' }]);
    const ink = renderTracked(
      createElement(App, { engine: localLink(t.engine), version: 'test', onQuit: () => {}, notes }),
    );
    const note = notes[0].slice(0, 40);
    const f = await waitForFrame(ink, (x) => x.includes(note), 'the patch note');
    // On the status row: the one above the footer.
    const lines = f.split('\n');
    expect(lines[lines.length - 2]).toContain(note);
    // A key's answer takes the row; the note is not a status that fades on its own.
    const after = await press(ink, 'e', (x) => !x.includes(note), 'the answer to e');
    expect(lineWith(after, 'no listener selected')).not.toBe('');
  });
});
