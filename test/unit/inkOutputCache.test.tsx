// Ink's output kept across frames, in a bundle built exactly as dist/cli.js is.
import { describe, expect, it } from 'vitest';
import { importBundled } from '../helpers/bundled.js';

type Bundle = typeof import('./inkPatches.entry.js');

describe("Ink's output kept across frames", () => {
  it('applies to the bundled Ink and draws exactly what Ink draws, frame after frame', async () => {
    const {
      Box,
      createElement: h,
      keepInkOutputAcrossFrames,
      LINES_KEPT,
      render,
      Text,
    } = await importBundled<Bundle>('test/unit/inkPatches.entry.ts');
    const Row = ({ n, color }: { n: number; color: 'red' | 'green' }) =>
      h(
        Box,
        { flexDirection: 'column' },
        h(Text, { color }, `line ${n} ✓ wide 字 ok`),
        h(Text, null, 'same line every frame'),
      );
    const row = (n: number, color: 'red' | 'green') => h(Row, { n, color });
    // Ink's own frames first (the bundle is fresh: not yet patched).
    const plain = render(row(1, 'red'));
    const inkFirst = plain.lastFrame();
    plain.rerender(row(2, 'green'));
    const inkSecond = plain.lastFrame();
    plain.unmount();
    const patch = keepInkOutputAcrossFrames();
    expect(patch.applied).toBe(true);
    const app = render(row(1, 'red'));
    expect(app.lastFrame()).toBe(inkFirst);
    app.rerender(row(2, 'green'));
    expect(app.lastFrame()).toBe(inkSecond);
    // The same content again is served from the cache: still the very same bytes.
    app.rerender(row(1, 'red'));
    expect(app.lastFrame()).toBe(inkFirst);
    expect(inkSecond).toContain('line 2 ✓ wide 字 ok');
    // Many distinct lines: what is kept stays bounded.
    for (let i = 0; i < LINES_KEPT * 2; i++) app.rerender(row(1000 + i, 'green'));
    expect(patch.size()).toBeGreaterThan(0);
    expect(patch.size()).toBeLessThanOrEqual(LINES_KEPT);
    expect(app.lastFrame()).toContain(`line ${1000 + LINES_KEPT * 2 - 1} ✓`);
    app.unmount();
  });
});
