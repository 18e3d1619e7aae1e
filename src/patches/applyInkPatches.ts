import { boundInkCaches } from './inkCaches.js';
import { inkInternal } from './inkInternals.js';
import { keepInkOutputAcrossFrames } from './inkOutputCache.js';

/** Each workaround for Ink 6, by what it patches. */
export type InkPatch = 'measure-text-cache' | 'wrap-text-cache' | 'output-cache';

/**
 * Why a patch did not apply: Ink's module did not hand its private value over (the sources
 * run unbundled, or the build lost its hand-over step), or what it handed is not what the
 * patch was written for (another Ink).
 */
export type InkPatchSkip = 'not-handed-over' | 'unexpected-shape';

export interface InkPatches {
  /** Call after each frame (Ink's `onRender`): keeps the text caches bounded. */
  trim(): void;
  /** The patches that did not take effect: codes, turned into words where they are shown. */
  skipped: ReadonlyArray<{ patch: InkPatch; reason: InkPatchSkip }>;
}

/** Ink's build file each patch needs handed over (inkSource.ts). */
const SOURCE: Record<InkPatch, string> = {
  'measure-text-cache': 'measure-text.js',
  'wrap-text-cache': 'wrap-text.js',
  'output-cache': 'output.js',
};

/**
 * Every Ink patch, applied once before the first frame, and checked: each one that did not
 * take effect is reported, since a patch that fails silently costs memory (the text caches)
 * or frame time (the output cache) with nothing to say why.
 */
export function applyInkPatches(): InkPatches {
  const caches = boundInkCaches();
  const output = keepInkOutputAcrossFrames();
  const sizes = caches.sizes();
  const took: Record<InkPatch, boolean> = {
    'measure-text-cache': sizes.measure >= 0,
    'wrap-text-cache': sizes.wrap >= 0,
    'output-cache': output.applied,
  };
  const skipped = (Object.keys(took) as InkPatch[])
    .filter((patch) => !took[patch])
    .map((patch) => ({
      patch,
      reason:
        inkInternal(SOURCE[patch]) === null
          ? ('not-handed-over' as const)
          : ('unexpected-shape' as const),
    }));
  return { trim: caches.trim, skipped };
}
