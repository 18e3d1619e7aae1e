// Issue 13 item 8: the Markdown report is a renderer's input. Hostile bytes sent by a peer,
// hostile hosts typed by a user, hostile error texts and student names: rendered with markdown-it (raw HTML
// on, bare-URL autolinks on, like the renderers that are most permissive), none of them may
// come out as an HTML element, a link, an image or emphasis, and a table row keeps its
// column count. The bytes travel over real loopback sockets into the store, the report is
// built from its snapshot.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeText } from '../../src/format/escapeBytes.js';
import { buildReport, type ReportInput } from '../../src/report/buildReport.js';
import { mdCode, mdFence, mdRow, mdText } from '../../src/report/markdown.js';
import type { Snapshot } from '../../src/state/types.js';
import { makeEngine, rawClient, type TestEngine } from '../helpers/lab.js';

const md = new MarkdownIt({ html: true, linkify: true });
const esc = md.utils.escapeHtml;

/** Every token, the inline children in place. */
function flat(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...flat(t.children ?? [])]);
}

/** What must never come out of outside text: HTML, links, images. */
const FORBIDDEN = new Set(['html_block', 'html_inline', 'link_open', 'image']);

// `QQ` marks the hostile text: no emphasis may enclose it.
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '**QQbold** [QQlink](javascript:alert(1)) _QQem_ *QQstar* ~~QQgone~~',
  'a|b|<b>x</b>',
  '`QQ1` ``QQ2`` ```QQ3 \\| \\`',
  '<script>alert(1)</script> &amp; &#x3C;b&#x3E; <http://QQ.example/>',
  'www.evil.com http://evil.com/QQ //evil.com a@evil.co ![QQimg](http://x/y.png)',
] as const;

/** The text a renderer shows for each hostile string, HTML-escaped as in its output. */
const SHOWN = HOSTILE.map((h) => esc(h));

let t: TestEngine;
let snap: Snapshot;
let input: ReportInput;

beforeAll(async () => {
  t = makeEngine();
  const port = await t.listenAndWait();
  // A peer sends each hostile string on a connection of its own.
  for (const h of HOSTILE) {
    const c = await rawClient(port);
    c.write(h);
  }
  await t.until((s) =>
    HOSTILE.every((h) => s.connections.some((c) => c.bytesIn === Buffer.byteLength(h))),
  );
  // Hostile hosts: a client to `a|b|<b>x</b>:7` and a listener on an HTML tag both fail in
  // getaddrinfo, and their error texts hold the host.
  const client = t.engine.connect(HOSTILE[2], 7);
  const listener = t.engine.listen(HOSTILE[0], 0);
  await t.until(
    (s) =>
      s.connections.find((c) => c.id === client)?.state === 'error' &&
      s.listeners.find((l) => l.id === listener)?.state === 'failed',
    20_000,
  );
  snap = t.snap();
  input = {
    snap,
    version: '9.9.9',
    labs: [],
    name: HOSTILE[1],
    screen: HOSTILE.join('\n'),
    run: { snap, listener: snap.listeners[0] },
  };
}, 30_000);

afterAll(() => t?.close());

describe('the report through a Markdown renderer', () => {
  it('shows hostile previews, hosts and error texts as text: no element, link or emphasis, 10 cells a row', () => {
    const report = buildReport(input);
    const tokens = md.parse(report, {});
    const all = flat(tokens);
    expect(all.filter((x) => FORBIDDEN.has(x.type)).map((x) => x.content || x.type)).toEqual([]);

    // Emphasis only around socklab's own labels.
    const emphasized: string[] = [];
    all.forEach((x, i) => {
      if (!/^(strong|em|s)_open$/.test(x.type)) return;
      const close = x.type.replace('_open', '_close');
      const end = all.findIndex((y, j) => j > i && y.type === close);
      emphasized.push(
        all
          .slice(i + 1, end)
          .map((y) => y.content)
          .join(''),
      );
    });
    expect(emphasized.filter((e) => e.includes('QQ') || e.includes('<'))).toEqual([]);

    // Every row of the connections table has its 10 cells (7, and the kernel's state, Recv-Q, Send-Q).
    const rows: number[] = [];
    let cells = 0;
    for (const x of tokens) {
      if (x.type === 'tr_open') cells = 0;
      if (x.type === 'td_open' || x.type === 'th_open') cells++;
      if (x.type === 'tr_close') rows.push(cells);
    }
    expect(rows.length).toBe(snap.connections.length + 1);
    expect(rows).toEqual(rows.map(() => 10));

    // And each hostile string is there, as the text it is.
    const html = md.render(report);
    for (const shown of SHOWN) expect(html).toContain(shown);
  });

  it('the same report with any strings in it has the same Markdown structure as with plain ones', () => {
    const shape = (s: string) =>
      flat(md.parse(buildReport(withText(input, s)), {}))
        .map((x) => `${x.type}:${x.tag}`)
        .join(' ');
    const plain = shape('plain');
    fc.assert(
      // Blank text is left out where it would stand alone (an error code of spaces): any
      // other string gives the very same structure.
      fc.property(
        outsideText.filter((s) => s.trim() !== ''),
        (s) => {
          expect(shape(s)).toBe(plain);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Strings heavy in Markdown's markup characters, and any code point at all. */
const outsideText = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom(
      ...'`*_[]()<>&|~\\!#:/.@- \tw.h'.split(''),
      'www.',
      'http://',
      '&amp;',
      '<b>',
      '\n',
      'é',
    ),
    minLength: 1,
    maxLength: 60,
  }),
);

/**
 * `input` with every piece of outside text replaced by `s`. Previews: its first UTF-8 bytes,
 * few enough that the escaped burst stays under the report's 120-character cut.
 */
function withText(base: ReportInput, s: string): ReportInput {
  const bytes = Buffer.from(s).subarray(0, 12);
  const snapshot: Snapshot = {
    ...base.snap,
    listeners: base.snap.listeners.map((l) => ({
      ...l,
      host: s,
      error: l.error && { ...l.error, code: s, message: s, host: s },
    })),
    errors: base.snap.errors.map((e) => ({
      ...e,
      note: e.note && { privileged: null, exposed: { typed: s, bound: '0.0.0.0' } },
      error: e.error && { ...e.error, code: s, syscall: s, address: s, host: s, message: s },
    })),
    connections: base.snap.connections.map((c) => ({
      ...c,
      target: s,
      peer: { ...c.peer, address: s },
      local: { ...c.local, address: s },
      recentReads: c.recentReads.map((r) => ({ ...r, preview: bytes, size: bytes.length })),
    })),
  };
  return { ...base, snap: snapshot, name: s, screen: s, run: { snap: snapshot, listener: null } };
}

describe('the Markdown layer, for any string', () => {
  const sanitized = (s: string) => escapeText(s);

  it('mdText renders as exactly the sanitized text', () => {
    fc.assert(
      fc.property(outsideText, (s) => {
        expect(md.renderInline(mdText(s))).toBe(esc(sanitized(s)));
      }),
      { numRuns: 2000 },
    );
  });

  it('mdCode renders as one code span holding exactly the sanitized text', () => {
    // Found by fast-check (seed 1611400544): three spaces came out as one.
    for (const s of ['   ', '  ', ' ', '     ']) {
      expect(md.renderInline(mdCode(s)), JSON.stringify(s)).toBe(`<code>${s}</code>`);
    }
    fc.assert(
      fc.property(outsideText, (s) => {
        expect(md.renderInline(mdCode(s))).toBe(`<code>${esc(sanitized(s))}</code>`);
      }),
      { numRuns: 2000 },
    );
  });

  it('mdRow keeps its cells, each the sanitized text', () => {
    fc.assert(
      fc.property(outsideText, outsideText, (a, b) => {
        const tokens = md.parse(`| h | i |\n|---|---|\n${mdRow([a, b])}\n`, {});
        const tds = tokens.filter((x) => x.type === 'td_open').length;
        expect(tds).toBe(2);
        const inline = tokens.filter((x) => x.type === 'inline').slice(2);
        expect(inline.map((x) => md.renderer.renderInline(x.children ?? [], {}, {}))).toEqual([
          esc(sanitized(a).trim()),
          esc(sanitized(b).trim()),
        ]);
      }),
      { numRuns: 1000 },
    );
  });

  it('mdFence holds its lines whole, whatever fences they contain', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(outsideText, fc.constantFrom('~~~', '~~~~', '   ~~~~~ x'))),
        (lines) => {
          const tokens = md.parse(mdFence(lines, 'text').join('\n'), {});
          expect(tokens.map((x) => x.type)).toEqual(['fence']);
          const content = lines.map(sanitized).join('\n');
          expect(tokens[0].content).toBe(lines.length ? `${content}\n` : '');
        },
      ),
      { numRuns: 1000 },
    );
  });
});
