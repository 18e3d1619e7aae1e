// Ink's text caches bounded, in a bundle built exactly as dist/cli.js is.
import { describe, expect, it } from 'vitest';
import { withHandOver } from '../../src/patches/inkSource.js';
import { importBundled } from '../helpers/bundled.js';

type Bundle = typeof import('./inkPatches.entry.js');

describe("Ink's text caches", () => {
  it('are handed over by the bundled Ink, grow with every distinct string drawn, and stay bounded when trimmed', async () => {
    const {
      boundInkCaches,
      createElement: h,
      render,
      Text,
    } = await importBundled<Bundle>('test/unit/inkPatches.entry.ts');
    const caches = boundInkCaches(300);
    expect(caches.found).toBe(true);
    const before = caches.sizes();
    // Distinct strings, as a dashboard's counters and times are; some too wide (wrapped).
    const app = render(h(Text, null, 'start'));
    for (let i = 0; i < 250; i++) app.rerender(h(Text, null, `bytes ${i} ${'x'.repeat(120)}`));
    const grown = caches.sizes();
    expect(grown.measure - before.measure).toBeGreaterThanOrEqual(250);
    expect(grown.wrap - before.wrap).toBeGreaterThanOrEqual(250);
    // Trimmed after every frame, as runDashboard does: neither passes its limit for long.
    let maxMeasure = 0;
    let maxWrap = 0;
    for (let i = 0; i < 2000; i++) {
      app.rerender(h(Text, null, `reads ${i} ${'y'.repeat(120)}`));
      caches.trim();
      const s = caches.sizes();
      maxMeasure = Math.max(maxMeasure, s.measure);
      maxWrap = Math.max(maxWrap, s.wrap);
    }
    expect(maxMeasure).toBeLessThanOrEqual(300 + 3);
    expect(maxWrap).toBeLessThanOrEqual(300 + 64 * 2);
    // What is drawn is still right after the caches were emptied.
    app.rerender(h(Text, null, 'last frame'));
    expect(app.lastFrame()).toBe('last frame');
    app.unmount();
  });

  it('an Ink whose source differs fails the build instead of shipping without the bound', () => {
    const source = 'const cache = new WeakMap();\nexport default () => cache;\n';
    expect(() => withHandOver('measure-text.js', source, './inkInternals.js')).toThrow(
      /build\/measure-text\.js no longer contains "const cache = new Map\(\);"/,
    );
    // Files the patches do not touch pass through unchanged.
    expect(withHandOver('render.js', source, './inkInternals.js')).toBe(source);
  });
});
