// The report is a renderer's input (GUIDE §3): text that came from the network or was typed
// by a user must come out of a Markdown renderer as the same text, never as markup. Every
// piece goes through the one sanitizer first (controls and the like become visible escapes),
// then through the Markdown layer here, which only adds what CommonMark needs to read it
// as text.

import { escapeText } from '../format/escapeBytes.js';

/** The one sanitizer, for text that may hold Unicode (hosts, error texts, names). */
const sanitize = (s: string): string => escapeText(s);

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * ASCII punctuation that opens or closes inline markup anywhere in a line: code spans,
 * emphasis (GFM strikethrough too), links and images, table cells, escapes themselves, and
 * `@` (GFM and linkify turn `user@host.tld` into a mailto link). Punctuation that only means
 * something at the start of a line (`#`, `-`, `+`, `=`, `1.`) is left alone: no line of the
 * report starts with outside text.
 */
const MARKUP = new Set(['\\', '`', '*', '_', '[', ']', '|', '~', '@']);

const LETTER = /\p{L}/u;
const ALNUM = /[\p{L}\p{N}]/u;

/**
 * Outside text as Markdown text: a renderer shows exactly the sanitized string. `<`, `>`
 * and `&` become entities (no HTML, no entity of the sender's choosing); markup characters
 * get a backslash. Autolinks of bare URLs (GFM's `www.` and `http://`, linkify's
 * `host.tld`) need `//` or a dot before a letter inside one run of text: an escape splits
 * the run there, so `evil.com` is written `evil\.com`. Dotted numbers (`127.0.0.1`) stay
 * as they are.
 */
export function mdText(s: string): string {
  const clean = sanitize(s);
  let out = '';
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    const next = clean[i + 1] ?? '';
    if (c in ENTITY) out += ENTITY[c];
    // Between two letters or digits `_` can neither open nor close emphasis (CommonMark
    // 6.2): SO_REUSEADDR and ip_unprivileged_port_start stay as they read.
    else if (c === '_' && ALNUM.test(clean[i - 1] ?? '') && ALNUM.test(next)) out += c;
    else if (MARKUP.has(c)) out += `\\${c}`;
    else if (c === '/' && next === '/') out += '\\/';
    else if (c === '.' && LETTER.test(next)) out += '\\.';
    else out += c;
  }
  return out;
}

/**
 * Outside text as a code span (CommonMark 6.1): the delimiter is one backtick longer than
 * the longest run of backticks inside, so no run can close it; a space pads content that
 * starts or ends with a backtick (and content that starts and ends with a space, which the
 * renderer would otherwise trim). Empty text gives no span at all. Not for table cells:
 * there a `|` splits the cell even inside a span.
 */
export function mdCode(s: string): string {
  const clean = sanitize(s);
  if (clean === '') return '';
  let longest = 0;
  for (const run of clean.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(longest + 1);
  // A span that starts and ends with a space loses one at each end when rendered; markdown-it
  // does so for spaces only as well, from three of them on (CommonMark keeps those).
  const spaced =
    clean.startsWith(' ') && clean.endsWith(' ') && (clean.trim() !== '' || clean.length >= 3);
  const pad = clean.startsWith('`') || clean.endsWith('`') || spaced ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A table row: every cell is outside text (`|` escaped by mdText). */
export function mdRow(cells: readonly (string | number)[]): string {
  return `| ${cells.map((c) => (typeof c === 'number' ? String(c) : mdText(c))).join(' | ')} |`;
}

/**
 * A fenced block of outside lines: the fence is longer than any run of `~` that starts a
 * line inside (up to three spaces in), so no line can close it early.
 */
export function mdFence(lines: readonly string[], info: string): string[] {
  const clean = lines.map(sanitize);
  let longest = 2;
  for (const l of clean) {
    const m = /^ {0,3}(~+)/.exec(l);
    if (m) longest = Math.max(longest, m[1].length);
  }
  const fence = '~'.repeat(longest + 1);
  return [`${fence}${info}`, ...clean, fence];
}
