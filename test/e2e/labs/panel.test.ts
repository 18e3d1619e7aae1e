// The lab panel at every size the course uses, in both languages: every row it shows is a
// whole, contiguous piece of the lab's own text (wrapped at spaces, nothing drawn over
// anything, nothing cut), and scrolling through it shows the whole text. The expected text is
// built from the catalogue and the lab table at run time, so a changed lab text needs no edit.
import { describe, expect, it } from 'vitest';
import { catalogue, type Lang, type MessageKey } from '../../../src/i18n/i18n.js';
import { GUIDED_LABS, type GuidedLab } from '../../../src/labs/guidedLabs.js';
import { paneRows } from '../dashboard.js';
import { type App, KEYS, startApp } from '../pty.js';
import { boundPort } from './labApp.js';

const SIZES: [number, number][] = [
  [80, 24],
  [120, 40],
  [200, 60],
];
const LANGS: Lang[] = ['en', 'pt-BR'];

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A catalogue text as a pattern: `{name}` is whatever value the dashboard filled in. */
const pattern = (text: string) =>
  squash(text)
    .split(/\{\w+\}/)
    .map(escapeRe)
    .join('.{0,80}?');

/** The panel's text in order, as catalogue templates: observe, steps, question, answer, wrong. */
function sections(lab: GuidedLab, lang: Lang): string[] {
  const c = catalogue(lang);
  const text = (part: string) => c[`lab.${lab.id}.${part}` as MessageKey];
  return [
    text('observe'),
    ...lab.steps.map((s, i) => `${i + 1}. ${c[s.pythonKey]} ${c[s.text]}`),
    `${c['lab.question']}: ${text('question')}`,
    `${c['lab.answer']}: ${text('answer')}`,
    // A lab with no common wrong answer (its entry only a dash) shows no such line at all.
    ...(/[\p{L}\p{N}]/u.test(text('wrong')) ? [`${c['lab.wrong']}: ${text('wrong')}`] : []),
  ];
}

/** The "more" row: `lines FROM–TO of TOTAL`, in either direction's wording. */
function markerOf(lang: Lang): (row: string) => { from: number; to: number; total: number } | null {
  const c = catalogue(lang);
  const res = (['lab.panel.more', 'lab.panel.end'] as MessageKey[])
    .filter((k) => k in c)
    .map((k) => new RegExp(`^${escapeRe(c[k]).replace(/\\\{(from|to|total)\\\}/g, '(\\d+)')}$`));
  return (row) => {
    for (const re of res) {
      const m = re.exec(row.trim());
      if (m) return { from: Number(m[1]), to: Number(m[2]), total: Number(m[3]) };
    }
    return null;
  };
}

/**
 * The screen once it has stopped changing (the same for 3 polls 50 ms apart, at most 5 s): a
 * frame arrives in pieces, and a panel read half-drawn may lack its "more" row.
 */
async function settled(app: App): Promise<string> {
  const end = Date.now() + 5_000;
  let last = '';
  let same = 0;
  while (Date.now() < end && same < 3) {
    await app.flush();
    const now = app.screen();
    same = now === last ? same + 1 : 0;
    last = now;
    await new Promise((r) => setTimeout(r, 50));
  }
  return last;
}

interface Seen {
  /** Panel rows by line number of the whole text (1-based), from every scroll position. */
  lines: Map<number, string>;
}

/**
 * Open the lab, reveal the answer, go to the top and page down to the end, keeping every
 * row seen at its line number. A panel with no "more" row is taken as the whole text.
 */
async function readPanel(app: App, lang: Lang, cols: number, rows: number): Promise<Seen> {
  const c = catalogue(lang);
  const marker = markerOf(lang);
  const panel = (s = app.screen()) => paneRows(s, 'lab', cols, rows);
  const answerLabel = `${c['lab.answer']}:`;
  app.write('a');
  await app.waitFor((s) => panel(s).some((r) => r.trimStart().startsWith(answerLabel)));
  await settled(app);
  const where = (s = app.screen()) => marker(panel(s).at(-1) ?? '');
  for (let i = 0; i < 60 && (where()?.from ?? 1) > 1; i++) {
    const before = where()?.from;
    app.write(KEYS.pageup);
    await app.waitFor((s) => where(s) !== null && where(s)?.from !== before, 5_000);
    await settled(app);
  }
  const seen: Seen = { lines: new Map() };
  /** The rows of text shown at a scroll position, by line number. */
  const rowsAt = (s: string) => {
    const rowsNow = panel(s);
    const at = where(s);
    const text = at ? rowsNow.slice(1, 1 + at.to - at.from + 1) : rowsNow.slice(1);
    return { at, text: text.map((row, k) => [(at?.from ?? 1) + k, row] as const) };
  };
  // A row seen before must read the same from any position: a screen half redrawn is
  // waited out, a row drawn two ways times out here with the screen printed.
  const agrees = (s: string) =>
    rowsAt(s).text.every(([n, row]) => (seen.lines.get(n) ?? row) === row);
  await app.waitFor(agrees, 5_000);
  let screen = await settled(app);
  for (let i = 0; i < 60; i++) {
    const { at, text } = rowsAt(screen);
    for (const [n, row] of text) seen.lines.set(n, row);
    if (!at || at.to >= at.total) break;
    app.write(KEYS.pagedown);
    await app.waitFor((s) => where(s)?.from !== at.from && agrees(s), 5_000);
    screen = await settled(app);
  }
  return seen;
}

describe.each(LANGS)('lab panel (%s)', (lang) => {
  for (const lab of GUIDED_LABS) {
    it(`lab ${lab.id}: every row is a contiguous piece of the lab's text at 80×24, 120×40, 200×60`, async () => {
      const c = catalogue(lang);
      const title = c[`lab.${lab.id}.title` as MessageKey];
      const want = new RegExp(`^${sections(lab, lang).map(pattern).join(' ')}$`);
      for (const [cols, rows] of SIZES) {
        const app = startApp(['--lab', lab.id, '--lang', lang, '--listen', '127.0.0.1:0'], {
          cols,
          rows,
        });
        try {
          await app.waitFor(
            (s) =>
              boundPort(s, cols, rows) > 0 &&
              (paneRows(s, 'lab', cols, rows)[0] ?? '').startsWith(title),
          );
          const seen = await readPanel(app, lang, cols, rows);
          const numbers = [...seen.lines.keys()].sort((a, b) => a - b);
          const whole = numbers.map((n) => seen.lines.get(n) ?? '');
          const joined = squash(whole.join(' '));
          const context = `lab ${lab.id} ${lang} at ${cols}×${rows}:\n${whole.join('\n')}`;
          expect(numbers, `${context}\nno line left out`).toEqual(numbers.map((_, i) => i + 1));
          expect(joined, context).toMatch(want);
          for (const row of whole) {
            expect([...row].length, context).toBeLessThanOrEqual(Math.floor(cols * 0.6) - 2);
          }
        } finally {
          await app.dispose();
        }
      }
    }, 180_000);
  }
});

describe('lab panel scrolling', () => {
  it('↑ and ↓ move the text one row, within its ends; a brings the answer into view', async () => {
    const [cols, rows] = [80, 24];
    const app = startApp(['--lab', '1', '--lang', 'en', '--listen', '127.0.0.1:0'], { cols, rows });
    const marker = markerOf('en');
    const where = (s = app.screen()) => marker(paneRows(s, 'lab', cols, rows).at(-1) ?? '');
    try {
      // The lab's text names the listener's port: wait for the engine thread to report it, or
      // the text grows under the test when it does.
      const first = where(await app.waitFor((s) => where(s) !== null && / listening /.test(s)));
      expect(first).toMatchObject({ from: 1 });
      app.write(KEYS.up); // already at the top: stays
      app.write(KEYS.down);
      expect(where(await app.waitFor((s) => where(s)?.from === 2))).toMatchObject({ from: 2 });
      app.write(KEYS.up);
      await app.waitFor((s) => where(s)?.from === 1);
      app.write('a');
      const answer = `${catalogue('en')['lab.answer']}:`;
      await app.waitFor((x) => paneRows(x, 'lab', cols, rows).some((r) => r.startsWith(answer)));
      // Positions are read off settled screens: a frame read half-drawn may lack its marker row,
      // and `undefined` would then pass for the end.
      for (let i = 0; i < 40; i++) {
        const at = where(await settled(app));
        expect(at).not.toBeNull();
        if ((at?.to ?? 0) >= (at?.total ?? 0)) break;
        app.write(KEYS.down);
        await app.waitFor((x) => where(x) !== null && where(x)?.from !== at?.from);
      }
      const end = where(await settled(app));
      expect(end).not.toBeNull();
      expect(end?.to).toBe(end?.total);
      app.write(KEYS.down); // at the end: stays, then one row up moves
      app.write(KEYS.up);
      await app.waitFor((x) => where(x)?.from === (end?.from ?? 0) - 1);
    } finally {
      await app.dispose();
    }
  }, 60_000);
});
