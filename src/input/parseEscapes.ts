// Turns what a user types into the bytes to send, so a student can send exactly
// "\r\n", a NUL, or a lone 0xff. Errors are one plain line naming the problem and where,
// because they are shown in a status bar, not a stack trace.
import { escapeText } from '../format/escapeBytes.js';
import { type MessageKey, t } from '../i18n/i18n.js';

export type ParseEscapesResult = { ok: true; bytes: Buffer } | { ok: false; error: string };

// Single-char keys only, so Object.prototype names ("constructor") can never match.
const SIMPLE: Readonly<Record<string, number>> = { n: 0x0a, r: 0x0d, t: 0x09, '\\': 0x5c, '0': 0 };
const HEX_DIGIT = /^[0-9a-fA-F]$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding controls is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f]/g;

/**
 * 1-based position in characters (code points), as a person would count them. Only
 * called on failure: counting per escape would make 1 MB of "\n" quadratic.
 */
function position(input: string, index: number): number {
  let count = 1;
  for (let i = 0; i < index; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < index) i++; // a surrogate pair is one character
    count++;
  }
  return count;
}

/** The offending escape, quoted; user text must not carry a newline or control into the UI. */
function quote(afterSlash: string): string {
  return `"\\${afterSlash.replace(CONTROL, escapeText)}"`;
}

function fail(key: MessageKey, input: string, index: number, shown = ''): ParseEscapesResult {
  return { ok: false, error: t(key, { escape: shown, position: position(input, index) }) };
}

export function parseEscapes(input: string): ParseEscapesResult {
  // Escapes never produce more bytes than their source chars' UTF-8 length, so the plain
  // byte length is an upper bound: one allocation, no quadratic concatenation.
  const out = Buffer.alloc(Buffer.byteLength(input, 'utf8'));
  let n = 0;
  let i = 0;
  while (i < input.length) {
    const slash = input.indexOf('\\', i);
    const runEnd = slash === -1 ? input.length : slash;
    // Splitting only at "\" (ASCII) can never cut a surrogate pair in half.
    if (runEnd > i) n += out.write(input.slice(i, runEnd), n, 'utf8');
    if (slash === -1) break;

    if (slash + 1 >= input.length) {
      return fail('escapes.trailing', input, slash);
    }
    const kind = input[slash + 1];
    const simple = SIMPLE[kind];
    if (simple !== undefined) {
      out[n++] = simple;
      i = slash + 2;
      continue;
    }
    if (kind === 'x') {
      const digits = input.slice(slash + 2, slash + 4);
      const first = HEX_DIGIT.test(digits.charAt(0));
      const second = HEX_DIGIT.test(digits.charAt(1));
      // "\x4" or "\x4 " reads as one digit too few; "\xZZ" reads as a typo in the digits.
      if (!first && digits.length > 0)
        return fail('escapes.notHex', input, slash, quote(`x${digits}`));
      if (!first || !second) {
        return fail('escapes.twoDigits', input, slash, quote(`x${first ? digits.charAt(0) : ''}`));
      }
      out[n++] = Number.parseInt(digits, 16);
      i = slash + 4;
      continue;
    }
    const unknown = String.fromCodePoint(input.codePointAt(slash + 1) ?? 0);
    return fail('escapes.unknown', input, slash, quote(unknown));
  }
  // Copy out so the result does not pin the over-sized allocation.
  return { ok: true, bytes: Buffer.from(out.subarray(0, n)) };
}
