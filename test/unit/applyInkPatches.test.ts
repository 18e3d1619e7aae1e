// applyInkPatches in bundles built as dist/cli.js is: every patch applies there, and a
// build where they cannot apply says which did not and why, instead of failing silently.
import type { BuildOptions } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { importBundled } from '../helpers/bundled.js';

type Bundle = typeof import('./inkPatches.entry.js');

const ENTRY = 'test/unit/inkPatches.entry.ts';

/** The CLI's build without the step that hands Ink's private values over (inkSource.ts). */
const withoutHandOvers = (o: BuildOptions): BuildOptions => ({
  ...o,
  plugins: (o.plugins ?? []).filter((p) => p.name !== 'socklab-ink-hand-overs'),
});

describe('applyInkPatches', () => {
  it('in the build as the CLI ships it, applies every patch: nothing skipped', async () => {
    const { applyInkPatches } = await importBundled<Bundle>(ENTRY);
    const patches = applyInkPatches();
    expect(patches.skipped).toEqual([]);
    expect(() => patches.trim()).not.toThrow();
  });

  it('in a build where the patches cannot apply, reports each one skipped with its reason, and Ink still draws', async () => {
    const {
      applyInkPatches,
      createElement: h,
      handOver,
      render,
      Text,
    } = await importBundled<Bundle>(ENTRY, withoutHandOvers);
    // What another Ink could hand over: a cache of another kind, a class without the methods.
    handOver('measure-text.js', new WeakMap());
    handOver('output.js', class {});
    const patches = applyInkPatches();
    expect(patches.skipped).toEqual([
      { patch: 'measure-text-cache', reason: 'unexpected-shape' },
      { patch: 'wrap-text-cache', reason: 'not-handed-over' },
      { patch: 'output-cache', reason: 'unexpected-shape' },
    ]);
    const app = render(h(Text, null, 'still drawn'));
    patches.trim();
    expect(app.lastFrame()).toBe('still drawn');
    app.unmount();
  });
});
