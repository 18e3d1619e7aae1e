import { describe, expect, it } from 'vitest';
import { parseEscapes } from '../../src/input/parseEscapes.js';

function bytesOf(input: string): number[] {
  const r = parseEscapes(input);
  if (!r.ok) throw new Error(`unexpected error: ${r.error}`);
  return [...r.bytes];
}

function errorOf(input: string): string {
  const r = parseEscapes(input);
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(input)}`);
  return r.error;
}

describe('parseEscapes', () => {
  it('UTF-8 encodes plain text', () => {
    expect(bytesOf('')).toEqual([]);
    expect(bytesOf('Estou')).toEqual([...Buffer.from('Estou')]);
    expect(bytesOf('ação 😀')).toEqual([...Buffer.from('ação 😀', 'utf8')]);
  });

  it('decodes each escape', () => {
    expect(bytesOf('\\n')).toEqual([0x0a]);
    expect(bytesOf('\\r')).toEqual([0x0d]);
    expect(bytesOf('\\t')).toEqual([0x09]);
    expect(bytesOf('\\\\')).toEqual([0x5c]);
    expect(bytesOf('\\0')).toEqual([0x00]);
    expect(bytesOf('\\x41\\xff\\xAb\\x00')).toEqual([0x41, 0xff, 0xab, 0x00]);
    expect(bytesOf('GET / HTTP/1.0\\r\\n\\r\\n')).toEqual([
      ...Buffer.from('GET / HTTP/1.0\r\n\r\n'),
    ]);
    expect(bytesOf('é\\x00é')).toEqual([0xc3, 0xa9, 0x00, 0xc3, 0xa9]);
  });

  it('reports a \\x with too few digits, with its position', () => {
    expect(errorOf('abcd\\x4')).toBe('\\x needs two hex digits: "\\x4" at position 5');
    expect(errorOf('\\x4 ')).toContain('needs two hex digits: "\\x4"');
    expect(errorOf('ab\\x')).toBe('\\x needs two hex digits: "\\x" at position 3');
  });

  it('reports non-hex digits', () => {
    expect(errorOf('\\xZZ')).toBe('"\\xZZ" is not hex at position 1');
    expect(errorOf('😀\\xg1')).toBe('"\\xg1" is not hex at position 2');
  });

  it('reports a trailing backslash', () => {
    expect(errorOf('abc\\')).toBe('trailing "\\" at position 4 — write "\\\\" for a backslash');
  });

  it('reports an unknown escape', () => {
    expect(errorOf('a\\qb')).toBe(
      'unknown escape "\\q" at position 2 — use \\n \\r \\t \\\\ \\0 or \\xNN',
    );
  });

  it('keeps error messages on one printable line', () => {
    const e1 = errorOf('\\\n');
    const e2 = errorOf('\\x\x1b[');
    for (const e of [e1, e2]) expect(e).toMatch(/^[\x20-\x7e\u2014]*$/);
    expect(e1).toContain('"\\\\n"');
  });

  it('handles 1 MB of mixed input', () => {
    const unit = 'abc\\n\\x41é\\\\'; // 3 + 1 + 1 + 2 + 1 = 8 bytes
    const input = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const r = parseEscapes(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      const reps = input.length / unit.length;
      expect(r.bytes.length).toBe(reps * 8);
      expect(r.bytes.subarray(0, 8)).toEqual(Buffer.from('abc\nAé\\'));
    }
  });

  it('handles 1 MB of escapes only', () => {
    const r = parseEscapes('\\n'.repeat(500_000));
    expect(r.ok && r.bytes.length).toBe(500_000);
  });
});
