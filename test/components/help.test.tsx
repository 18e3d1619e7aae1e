// The help overlay shows every key even where it is taller than the screen (↑↓ PgUp PgDn
// scroll it), and while it is open only its own keys act — also over an open lab.
import { afterEach, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/i18n.js';
import {
  KEY,
  renderApp,
  resize,
  runCleanups,
  screen,
  testLab,
  waitForFrame,
} from '../helpers/ink.js';

afterEach(async () => {
  setLang('en');
  await runCleanups();
});

it('at 80×24 the help scrolls to its last row: the text-box hint and the Help keys show', async () => {
  const t = testLab();
  await t.listenAndWait();
  const ink = renderApp(t);
  resize(ink, 80, 24);
  ink.stdin.write('?');
  let f = await waitForFrame(ink, (x) => x.includes('Keys — ? or Esc closes'), 'help');
  expect(f).toMatch(/lines 1–\d+ of \d+ · ↑↓ PgUp PgDn scroll/);
  expect(f).not.toContain('Ctrl+U clears');
  ink.stdin.write(KEY.down);
  await waitForFrame(ink, (x) => /lines 2–/.test(x), 'one row down');
  ink.stdin.write('\u001b[6~'); // PgDn
  const atEnd = (x: string) => {
    const m = /lines \d+–(\d+) of (\d+)/.exec(x);
    return m !== null && m[1] === m[2];
  };
  f = await waitForFrame(ink, atEnd, 'the last page');
  expect(f).toContain('Ctrl+U clears');
  expect(f).toMatch(/Help +\?\/Esc close help/);
  const [, , to, total] = /lines (\d+)–(\d+) of (\d+)/.exec(f) ?? [];
  expect(to).toBe(total);
});

it('help over an open lab: g does not run the lab, Esc closes help and leaves the lab open', async () => {
  const t = testLab();
  await t.listenAndWait();
  const ink = renderApp(t);
  ink.stdin.write('l');
  await waitForFrame(ink, (x) => x.includes('Guided labs'), 'lab list');
  ink.stdin.write(KEY.enter);
  await waitForFrame(ink, (x) => x.includes('g run it'), 'lab 1 open');
  ink.stdin.write('?');
  await waitForFrame(ink, (x) => x.includes('Keys — ? or Esc closes'), 'help');
  ink.stdin.write('g');
  ink.stdin.write(KEY.esc);
  const f = await waitForFrame(ink, (x) => !x.includes('Keys — ? or Esc closes'), 'help closed');
  expect(f).toContain('g run it'); // the lab is still open
  expect(screen(ink)).not.toContain('ran lab 1');
  expect(t.snap().listeners).toHaveLength(1); // g opened no listener of the lab's
});
