import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeBytes,
  escapeText,
  hexBytes,
  jsonLine,
  unescapeBytes,
} from '../../src/format/escapeBytes.js';

const b = (...xs: number[]) => Uint8Array.from(xs);

describe('escapeBytes', () => {
  it('keeps printable ASCII and escapes the backslash', () => {
    expect(escapeBytes(Buffer.from('Estou enviando uma mensagem!'))).toBe(
      'Estou enviando uma mensagem!',
    );
    expect(escapeBytes(Buffer.from('a\\b'))).toBe('a\\\\b');
    expect(escapeBytes(b(0x20, 0x7e))).toBe(' ~');
  });

  it('uses short forms for LF, CR and TAB', () => {
    expect(escapeBytes(b(0x0a, 0x0d, 0x09))).toBe('\\n\\r\\t');
  });

  it('neutralises an OSC 52 clipboard write (ESC ] 52 ; ... BEL)', () => {
    const osc = Buffer.from('\x1b]52;c;aGVsbG8=\x07');
    const out = escapeBytes(osc);
    expect(out).toBe('\\x1b]52;c;aGVsbG8=\\x07');
    expect(out).not.toContain('\x1b');
    expect(out).not.toContain('\x07');
  });

  it('escapes NUL, DEL, C1 CSI 0x9b and high bytes as lowercase \\xNN', () => {
    expect(escapeBytes(b(0x00, 0x7f, 0x9b, 0x80, 0xff, 0xab))).toBe(
      '\\x00\\x7f\\x9b\\x80\\xff\\xab',
    );
  });

  it('honours start and end', () => {
    expect(escapeBytes(Buffer.from('hello'), 1, 3)).toBe('el');
    expect(escapeBytes(Buffer.from('hello'), 3, 3)).toBe('');
  });

  it('always yields printable ASCII and round-trips through unescapeBytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const s = escapeBytes(bytes);
        expect(s).toMatch(/^[\x20-\x7e]*$/);
        expect(unescapeBytes(s)).toEqual(bytes);
      }),
    );
  });

  it('is stateless: escaping a split buffer piecewise equals escaping it whole', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), fc.nat(), (bytes, k) => {
        const cut = bytes.length === 0 ? 0 : k % (bytes.length + 1);
        const whole = escapeBytes(bytes);
        expect(escapeBytes(bytes, 0, cut) + escapeBytes(bytes, cut)).toBe(whole);
        expect(escapeBytes(bytes.subarray(0, cut)) + escapeBytes(bytes.subarray(cut))).toBe(whole);
      }),
    );
  });
});

describe('unescapeBytes', () => {
  it('decodes every escape form', () => {
    expect(unescapeBytes('a\\\\\\n\\r\\t\\x00\\xff')).toEqual(
      b(0x61, 0x5c, 0x0a, 0x0d, 0x09, 0x00, 0xff),
    );
  });

  it('rejects what escapeBytes never produces', () => {
    expect(() => unescapeBytes('\\q')).toThrow();
    expect(() => unescapeBytes('\\x4')).toThrow();
    expect(() => unescapeBytes('\\xFF')).toThrow(); // uppercase
    expect(() => unescapeBytes('\\x41')).toThrow(); // "A" has a plain form
    expect(() => unescapeBytes('\\x0a')).toThrow(); // LF has a short form
    expect(() => unescapeBytes('\x1b')).toThrow();
    expect(() => unescapeBytes('é')).toThrow();
    expect(() => unescapeBytes('\\')).toThrow();
  });
});

describe('hexBytes', () => {
  it('prints space-separated lowercase pairs', () => {
    expect(hexBytes(Buffer.from('Est'))).toBe('45 73 74');
    expect(hexBytes(b(0x00, 0x0f, 0xff))).toBe('00 0f ff');
    expect(hexBytes(b())).toBe('');
    expect(hexBytes(Buffer.from('hello'), 1, 3)).toBe('65 6c');
  });
});

describe('escapeText', () => {
  it('keeps printable text, accents included, and escapes controls as escapeBytes does', () => {
    expect(escapeText('localhost')).toBe('localhost');
    expect(escapeText('café — ok')).toBe('café — ok');
    expect(escapeText('bad\x1b[2Jhost\n')).toBe('bad\\x1b[2Jhost\\n');
    expect(escapeText('\x7f\u009d0;X\u009c')).toBe('\\x7f\\x9d0;X\\x9c');
  });

  it('escapes bidi controls, zero-width characters, separators, tags and lone surrogates', () => {
    expect(escapeText('a\u202eb\u2066c\u2069d')).toBe('a\\u202eb\\u2066c\\u2069d');
    expect(escapeText('\u200b\u200d\u200f\u2028\u2029\ufeff')).toBe(
      '\\u200b\\u200d\\u200f\\u2028\\u2029\\ufeff',
    );
    expect(escapeText('x\u{e0041}y')).toBe('x\\u{e0041}y');
    expect(escapeText('\ud800')).toBe('\\ud800');
    expect(escapeText('😀')).toBe('😀');
  });

  it('keeps a typed backslash, so escaping twice changes nothing', () => {
    expect(escapeText('a\\b')).toBe('a\\b');
    expect(escapeText(escapeText('\x1b\u202e'))).toBe('\\x1b\\u202e');
  });
});

describe('jsonLine', () => {
  it('escapes DEL, C1 and invisible characters that JSON.stringify leaves raw', () => {
    const v = { host: '\u009d0;X\u009c\x7f\u202e\u2028\u{e0041}é' };
    expect(JSON.stringify(v)).toContain('\u009d');
    const line = jsonLine(v);
    expect(line).toBe('{"host":"\\u009d0;X\\u009c\\u007f\\u202e\\u2028\\udb40\\udc41é"}');
    expect(JSON.parse(line)).toEqual(v);
  });
});
