import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keepInkOutputAcrossFrames, LINES_KEPT } from '../../src/patches/inkOutputCache.js';

const Row = ({ n, color }: { n: number; color: 'red' | 'green' }) => (
  <Box flexDirection="column">
    <Text color={color}>{`line ${n} ✓ wide 字 ok`}</Text>
    <Text>same line every frame</Text>
  </Box>
);

describe("Ink's output kept across frames", () => {
  it('applies to the pinned Ink and draws exactly what Ink draws, frame after frame', async () => {
    // Ink's own frames first (this file runs in a process of its own, not yet patched).
    const plain = render(<Row n={1} color="red" />);
    const inkFirst = plain.lastFrame();
    plain.rerender(<Row n={2} color="green" />);
    const inkSecond = plain.lastFrame();
    plain.unmount();
    const patch = await keepInkOutputAcrossFrames();
    expect(patch.applied).toBe(true);
    const app = render(<Row n={1} color="red" />);
    expect(app.lastFrame()).toBe(inkFirst);
    app.rerender(<Row n={2} color="green" />);
    expect(app.lastFrame()).toBe(inkSecond);
    // The same content again is served from the cache: still the very same bytes.
    app.rerender(<Row n={1} color="red" />);
    expect(app.lastFrame()).toBe(inkFirst);
    expect(inkSecond).toContain('line 2 ✓ wide 字 ok');
    // Many distinct lines: what is kept stays bounded.
    for (let i = 0; i < LINES_KEPT * 2; i++) app.rerender(<Row n={1000 + i} color="green" />);
    expect(patch.size()).toBeLessThanOrEqual(LINES_KEPT);
    expect(app.lastFrame()).toContain(`line ${1000 + LINES_KEPT * 2 - 1} ✓`);
    app.unmount();
  });
});
