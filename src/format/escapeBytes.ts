// Terminal safety (GUIDE §3): bytes from the network never reach the terminal raw.
// Each byte maps to a fixed printable-ASCII string with no state carried between bytes,
// so a chunk boundary can never split an escape sequence, and ESC/BEL/CSI (0x9b)/DEL
// cannot leak through. Previews run at high read rates, so the mapping is a table lookup.

const HEX = '0123456789abcdef';

/** Two lowercase hex digits for every byte value, shared by the escape table and hexBytes. */
const HEX2: readonly string[] = Array.from({ length: 256 }, (_, b) => HEX[b >> 4] + HEX[b & 0xf]);

const ESCAPE_TABLE: readonly string[] = Array.from({ length: 256 }, (_, b) => {
  if (b === 0x5c) return '\\\\'; // escape the escape char so the output stays reversible
  if (b === 0x0a) return '\\n';
  if (b === 0x0d) return '\\r';
  if (b === 0x09) return '\\t';
  if (b >= 0x20 && b <= 0x7e) return String.fromCharCode(b);
  return `\\x${HEX2[b]}`;
});

// The same table as bytes: 4 slots per value (the longest form, "\\xNN") plus a length.
const ESCAPE_LEN = Uint8Array.from(ESCAPE_TABLE, (e) => e.length);
const ESCAPE_CHARS = new Uint8Array(256 * 4);
ESCAPE_TABLE.forEach((e, b) => {
  for (let k = 0; k < e.length; k++) ESCAPE_CHARS[b * 4 + k] = e.charCodeAt(k);
});

export function escapeBytes(bytes: Uint8Array, start = 0, end = bytes.length): string {
  // Writing ASCII into one buffer and decoding once beat `out += table[b]`: measured on
  // Node 20, equal at 64 B, ~2x at 4 KiB, and 10-40x at 1 MiB, where the string rope of
  // one piece per byte collapses (~5 MB/s). The output is at most 4 chars per byte.
  if (end <= start) return '';
  const out = Buffer.allocUnsafe((end - start) * 4);
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    const len = ESCAPE_LEN[b];
    const at = b * 4;
    out[n] = ESCAPE_CHARS[at];
    if (len > 1) {
      out[n + 1] = ESCAPE_CHARS[at + 1];
      if (len > 2) {
        out[n + 2] = ESCAPE_CHARS[at + 2];
        out[n + 3] = ESCAPE_CHARS[at + 3];
      }
    }
    n += len;
  }
  // Only the n bytes written are decoded, so the unsafe allocation's old contents never leak.
  return out.toString('latin1', 0, n);
}

export function hexBytes(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (end <= start) return '';
  let out = HEX2[bytes[start]];
  for (let i = start + 1; i < end; i++) out += ` ${HEX2[bytes[i]]}`;
  return out;
}

function hexValue(code: number): number {
  // Only lowercase, because escapeBytes only writes lowercase: keeps the inverse exact.
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

/**
 * Exact inverse of escapeBytes. Strict on purpose: anything escapeBytes could not have
 * produced (raw controls, non-ASCII, uppercase hex, unknown escapes) throws, so a log
 * check fails loudly instead of decoding to plausible-looking bytes.
 */
export function unescapeBytes(s: string): Uint8Array {
  // Every output byte consumes at least one input char, so s.length is an upper bound.
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x5c) {
      if (c < 0x20 || c > 0x7e)
        throw new Error(`unescapeBytes: raw char 0x${c.toString(16)} at ${i}`);
      out[n++] = c;
      continue;
    }
    const e = s.charCodeAt(i + 1);
    if (e === 0x5c) out[n++] = 0x5c;
    else if (e === 0x6e) out[n++] = 0x0a;
    else if (e === 0x72) out[n++] = 0x0d;
    else if (e === 0x74) out[n++] = 0x09;
    else if (e === 0x78) {
      const hi = hexValue(s.charCodeAt(i + 2));
      const lo = hexValue(s.charCodeAt(i + 3));
      if (hi < 0 || lo < 0) throw new Error(`unescapeBytes: bad \\x escape at ${i}`);
      const b = (hi << 4) | lo;
      // A byte with a short form must use it, or the inverse would not be unique.
      if (ESCAPE_TABLE[b].length !== 4)
        throw new Error(`unescapeBytes: non-canonical \\x${HEX2[b]} at ${i}`);
      out[n++] = b;
      i += 2;
    } else throw new Error(`unescapeBytes: bad escape at ${i}`);
    i += 1;
  }
  return out.slice(0, n);
}

/**
 * What a terminal (or a renderer) acts on instead of showing: Cc (C0, DEL, C1: ESC, BEL,
 * CSI 0x9b, OSC 0x9d), Cf (bidi embeddings, overrides and isolates U+202A–U+202E and
 * U+2066–U+2069, zero-width U+200B–U+200F, soft hyphen, BOM, tag characters), Zl/Zp (the
 * line and paragraph separators U+2028/U+2029) and lone surrogates (Cs). By category rather
 * than a list, so the next invisible character Unicode adds to Cf is covered too.
 */
export const UNSAFE_TEXT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, 'gu');
// Most text is printable ASCII: a plain class rules that out faster than the Unicode one.
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** C0, DEL and C1 as escapeBytes writes them (\n, \x1b); anything else as \u202e or \u{e0041}. */
function escapeChar(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  if (cp <= 0xff) return ESCAPE_TABLE[cp];
  const hex = cp.toString(16);
  return cp > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/**
 * The one sanitizer for text (host names, typed messages, error messages, our own sentences
 * with those in them) on every output: panes, status row, headless lines, the report.
 * Printable Unicode stays ("é", "—"); everything in UNSAFE_TEXT becomes an escape made of
 * printable ASCII. The backslash itself is kept, so escapeText(escapeText(s)) ===
 * escapeText(s): a sentence that already holds an escaped host can be escaped again at
 * output without doubling. Display only; escapeBytes is the reversible form for bytes.
 */
export function escapeText(s: string): string {
  if (!NOT_PRINTABLE_ASCII.test(s) || !UNSAFE_TEXT.test(s)) return s;
  return s.replace(UNSAFE_TEXT_ALL, escapeChar);
}

/**
 * One NDJSON line. JSON.stringify escapes C0 and lone surrogates but leaves DEL, C1 and
 * the invisible characters raw (a host of "\u009d0;X\u009c" retitled the terminal that
 * showed the line), so those become \uXXXX too (an astral one as its surrogate pair): the
 * line stays valid JSON and JSON.parse gives back exactly the same values.
 */
export function jsonLine(value: unknown): string {
  const json = JSON.stringify(value);
  // Every read makes a line: all-ASCII (one byte per char) without DEL is the common case
  // and is ruled out faster this way than by any regex (C0 is already escaped by JSON).
  if (Buffer.byteLength(json) === json.length && !json.includes('\x7f')) return json;
  return json.replace(UNSAFE_TEXT_ALL, (ch) => {
    let out = '';
    for (let i = 0; i < ch.length; i++) {
      out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    }
    return out;
  });
}
