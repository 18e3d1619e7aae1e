import { describe, expect, it } from 'vitest';
import { clip } from '../../src/format/clip.js';
import { parseEndpoint } from '../../src/input/endpoint.js';

describe('clip', () => {
  it('keeps what fits plus one character, so the terminal row still ends in …', () => {
    expect(clip('A'.repeat(100_000), 80)).toBe('A'.repeat(81));
    expect(clip('short', 80)).toBe('short');
  });
  it('never splits a surrogate pair', () => {
    const s = clip('ab😀😀😀', 2);
    expect(s).toBe('ab😀');
  });
});

describe('host length', () => {
  it('253 characters is a host name; 254 is rejected with the length, not the host', () => {
    expect(parseEndpoint(`${'a'.repeat(253)}:1`).ok).toBe(true);
    const r = parseEndpoint(`${'a'.repeat(254)}:1`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain('254');
      expect(r.error).toContain('253');
      expect(r.error).not.toContain('aaaa');
    }
    expect(parseEndpoint(`[${'a'.repeat(254)}]:1`).ok).toBe(false);
  });
});
