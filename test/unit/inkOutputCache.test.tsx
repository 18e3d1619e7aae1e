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
    const patch = await keepInkOutputAcrossFrames();
    expect(patch.applied).toBe(true);
    const app = render(<Row n={1} color="red" />);
    const first = app.lastFrame();
    app.rerender(<Row n={2} color="green" />);
    const second = app.lastFrame();
    app.rerender(<Row n={1} color="red" />);
    // The same content twice gives the same bytes, styles included (served from the cache).
    expect(app.lastFrame()).toBe(first);
    expect(second).not.toBe(first);
    expect(second).toContain('line 2 ✓ wide 字 ok');
    expect(second).toContain('same line every frame');
    // Many distinct lines: what is kept stays bounded.
    for (let i = 0; i < LINES_KEPT * 2; i++) app.rerender(<Row n={1000 + i} color="green" />);
    expect(patch.size()).toBeLessThanOrEqual(LINES_KEPT);
    expect(app.lastFrame()).toContain(`line ${1000 + LINES_KEPT * 2 - 1} ✓`);
    app.unmount();
  });
});
