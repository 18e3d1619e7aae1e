// Terminal safety, as properties: one stateless per-byte sanitizer, whatever the bytes and
// however the network splits them. (Single-cut splits and the basic round trip are in
// test/unit/escapeBytes.test.ts; this adds any number of cuts and the text escapers.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeBytes, escapeText, jsonLine, unescapeBytes } from '../../src/format/escapeBytes.js';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// What a terminal would act on, or what hides or reorders text: C0, DEL, C1, format
// characters (bidi controls, zero-width), line/paragraph separators, lone surrogates.
const UNSAFE_UNIT =
  /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\p{Cf}\p{Cs}]/u;
// One line, no C0 at all (JSON escapes them).
const PRINTABLE_ASCII_OR_TEXT = /^[^\x00-\x1f]*$/;

/** Bytes biased towards what attacks use: ESC, BEL, CR, C1 (0x9b CSI, 0x9d OSC), backslash. */
const hostileByte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0x1b, 0x07, 0x0d, 0x0a, 0x9b, 0x9d, 0x9c, 0x5c, 0x5d, 0x5b, 0x7f, 0x00),
);
const hostileBytes = fc.array(hostileByte, { maxLength: 600 }).map((xs) => Uint8Array.from(xs));

/** Sorted cut points inside [0, length]: any number of chunk boundaries, repeats allowed. */
function cutsFor(length: number, raw: number[]): number[] {
  return raw.map((k) => k % (length + 1)).sort((a, b) => a - b);
}

function pieces(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...cuts, bytes.length]) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  return out;
}

describe('escapeBytes: one sanitizer, per byte, stateless', () => {
  it('any bytes → printable ASCII only, and unescapeBytes gives the bytes back exactly', () => {
    fc.assert(
      fc.property(hostileBytes, (bytes) => {
        const s = escapeBytes(bytes);
        expect(s).toMatch(PRINTABLE_ASCII);
        expect(Buffer.from(unescapeBytes(s)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('escaping the pieces of ANY split (many cuts, empty pieces too) equals escaping the whole', () => {
    fc.assert(
      fc.property(hostileBytes, fc.array(fc.nat(), { maxLength: 40 }), (bytes, rawCuts) => {
        const whole = escapeBytes(bytes);
        const parts = pieces(bytes, cutsFor(bytes.length, rawCuts));
        // As separate buffers (each read is its own Buffer) ...
        expect(parts.map((p) => escapeBytes(p)).join('')).toBe(whole);
        // ... and as start/end ranges over one buffer (previews use ranges).
        let from = 0;
        let joined = '';
        for (const p of parts) {
          joined += escapeBytes(bytes, from, from + p.length);
          from += p.length;
        }
        expect(joined).toBe(whole);
        // Every piece on its own is already safe: nothing waits for the next chunk.
        for (const p of parts) expect(escapeBytes(p)).toMatch(PRINTABLE_ASCII);
      }),
      { numRuns: 500 },
    );
  });

  it('each byte maps to a fixed string: escapeBytes(xs) is the concatenation of single bytes', () => {
    const single = Array.from({ length: 256 }, (_, b) => escapeBytes(Uint8Array.of(b)));
    fc.assert(
      fc.property(hostileBytes, (bytes) => {
        expect(escapeBytes(bytes)).toBe(Array.from(bytes, (b) => single[b]).join(''));
      }),
    );
    // No single byte escapes to something containing a raw control.
    for (const s of single) expect(s).toMatch(PRINTABLE_ASCII);
  });

  it('a Buffer view at an offset into a larger ArrayBuffer is escaped by its own bytes only', () => {
    fc.assert(
      fc.property(hostileBytes, fc.nat(), fc.nat(), (bytes, a, b) => {
        const start = a % (bytes.length + 1);
        const end = start + (b % (bytes.length - start + 1));
        const view = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
        expect(escapeBytes(view)).toBe(escapeBytes(bytes, start, end));
      }),
    );
  });
});

describe('escapeText / escapeText: our own messages with outside text in them', () => {
  const anyString = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({
      unit: fc.constantFrom('\x1b', '\x07', '\r', '\x9b', '\x9d', 'a', 'é', '\\', ']'),
      maxLength: 200,
    }),
    // Lone surrogates and arbitrary UTF-16 code units.
    fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 100 })
      .map((xs) => String.fromCharCode(...xs)),
  );

  it('escapeText output has no C0, DEL, C1, format (bidi, zero-width), separator or lone surrogate', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(escapeText(s)).not.toMatch(UNSAFE_UNIT);
      }),
      { numRuns: 1000 },
    );
  });

  it('escapeText leaves safe text untouched, is idempotent, and stateless across splits', () => {
    fc.assert(
      fc.property(anyString, fc.nat(), (s, k) => {
        let cut = k % (s.length + 1);
        // A cut between the halves of a surrogate pair makes two lone surrogates: not a split
        // a string can have on screen (each half is escaped as \udxxx).
        if (/[\ud800-\udbff]/.test(s[cut - 1] ?? '') && /[\udc00-\udfff]/.test(s[cut] ?? '')) cut--;
        expect(escapeText(s.slice(0, cut)) + escapeText(s.slice(cut))).toBe(escapeText(s));
        expect(escapeText(escapeText(s))).toBe(escapeText(s));
        if (!UNSAFE_UNIT.test(s)) expect(escapeText(s)).toBe(s);
      }),
    );
  });

  it('escapeText changes only the unsafe characters, each into printable ASCII', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        // Every unsafe character, and nothing else, is replaced by an escape: removing the
        // escapes from the output leaves exactly the safe characters of the input.
        const safe = [...s].filter((ch) => !UNSAFE_UNIT.test(ch)).join('');
        const escapes = /\\(x[0-9a-f]{2}|[nrt]|u[0-9a-f]{4}|u\{[0-9a-f]+\})/g;
        const out = escapeText(s);
        const rest = out.replace(escapes, '');
        // A backslash typed by the user stays; it may look like the start of an escape.
        if (!s.includes('\\')) expect(rest).toBe(safe);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('jsonLine: NDJSON without raw C1, DEL or invisible characters', () => {
  const anyValue = fc.jsonValue().chain((v) =>
    fc.constantFrom(v, {
      host: JSON.stringify(v),
      more: [v, '\u009d0;X\u009c\u202e\u{e0041}\ud800'],
    }),
  );

  it('is valid JSON that parses back to the same value, with none of them raw', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.string({ unit: 'binary' }), fc.array(fc.string())), (v) => {
        const line = jsonLine(v);
        expect(line).not.toMatch(UNSAFE_UNIT);
        expect(line).toMatch(PRINTABLE_ASCII_OR_TEXT);
        expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 1000 },
    );
  });
});
