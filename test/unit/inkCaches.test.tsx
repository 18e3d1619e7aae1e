import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { boundInkCaches } from '../../src/patches/inkCaches.js';

describe("Ink's text caches", () => {
  it('are found in the pinned Ink, grow with every distinct string drawn, and stay bounded when trimmed', async () => {
    const caches = await boundInkCaches(300);
    expect(caches.found).toBe(true);
    const before = caches.sizes();
    // Distinct strings, as a dashboard's counters and times are; some too wide (wrapped).
    const app = render(<Text>start</Text>);
    for (let i = 0; i < 250; i++) app.rerender(<Text>{`bytes ${i} ${'x'.repeat(120)}`}</Text>);
    const grown = caches.sizes();
    expect(grown.measure - before.measure).toBeGreaterThanOrEqual(250);
    expect(grown.wrap - before.wrap).toBeGreaterThanOrEqual(250);
    // Trimmed after every frame, as runDashboard does: neither passes its limit for long.
    let maxMeasure = 0;
    let maxWrap = 0;
    for (let i = 0; i < 2000; i++) {
      app.rerender(<Text>{`reads ${i} ${'y'.repeat(120)}`}</Text>);
      caches.trim();
      const s = caches.sizes();
      maxMeasure = Math.max(maxMeasure, s.measure);
      maxWrap = Math.max(maxWrap, s.wrap);
    }
    expect(maxMeasure).toBeLessThanOrEqual(300 + 3);
    expect(maxWrap).toBeLessThanOrEqual(300 + 64 * 2);
    // What is drawn is still right after the caches were emptied.
    app.rerender(<Text>last frame</Text>);
    expect(app.lastFrame()).toBe('last frame');
    app.unmount();
  });
});
