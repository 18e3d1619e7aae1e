import { describe, expect, it } from 'vitest';
import { wrapRuns, wrapText } from '../../src/format/wrapText.js';

describe('wrapText', () => {
  it('breaks at spaces, never past the width', () => {
    expect(wrapText('the peer port the server sees', 12)).toEqual([
      'the peer',
      'port the',
      'server sees',
    ]);
  });
  it('cuts a word longer than a line and goes on after it', () => {
    expect(wrapText('ab abcdefghij cd', 4)).toEqual(['ab', 'abcd', 'efgh', 'ij', 'cd']);
  });
  it('counts code points, not UTF-16 units', () => {
    expect(wrapText('😀😀😀 é', 3)).toEqual(['😀😀😀', 'é']);
  });
});

describe('wrapRuns', () => {
  it('keeps each word in its style and gives later lines their own width', () => {
    const A: { n: number } = { n: 1 };
    const B: { n: number } = { n: 2 };
    const lines = wrapRuns(
      [
        { text: '1.', style: A },
        { text: 'x = s.recv(5)', style: B },
      ],
      8,
      5,
    );
    expect(lines.map((l) => l.map((r) => r.text).join(''))).toEqual(['1. x =', 's.rec', 'v(5)']);
    expect(lines[0]).toEqual([
      { text: '1.', style: A },
      { text: ' x =', style: B },
    ]);
  });
});
