import { inkInternal } from './inkInternals.js';

/**
 * Ink 6 builds every frame from text: each line written is tokenized into styled cells
 * (`getStyledChars`) and measured (`getStringWidth`), with caches that live for one frame
 * only. Between two frames of the dashboard most lines are the same, so the same work was
 * redone ~30 times a second: in a profile of frames it was a quarter of their time. These
 * keep the results across frames, bounded. Safe because Ink only reads what they return.
 */
export interface OutputCachePatch {
  readonly applied: boolean;
  /** Lines whose cells are kept across frames now. */
  size(): number;
}

/**
 * Lines kept across frames: a 120×40 screen writes ~150–250, a tall wide one more. The cache
 * empties when full, so it must hold more than one frame's lines to help at all.
 */
export const LINES_KEPT = 1000;
const WIDTHS_KEPT = 4000;

interface CachesProto {
  getStyledChars(line: string): unknown;
  getStringWidth(text: string): unknown;
}

/** `compute` (a method of Ink's per-frame caches), its results kept in `kept`, bounded. */
function keptAcrossFrames(
  compute: (this: unknown, key: string) => unknown,
  kept: Map<string, unknown>,
  limit: number,
): (this: unknown, key: string) => unknown {
  return function (this: unknown, key: string) {
    let value = kept.get(key);
    if (value === undefined) {
      value = compute.call(this, key);
      if (kept.size >= limit) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}

let patch: OutputCachePatch | null = null;

export function keepInkOutputAcrossFrames(): OutputCachePatch {
  if (patch) return patch;
  const styled = new Map<string, unknown>();
  const widths = new Map<string, unknown>();
  let applied = false;
  // Ink's OutputCaches class, handed over when bundled (inkSource.ts).
  const OutputCaches = inkInternal('output.js');
  const proto =
    typeof OutputCaches === 'function' ? (OutputCaches.prototype as Partial<CachesProto>) : null;
  const styledChars = proto?.getStyledChars;
  const stringWidth = proto?.getStringWidth;
  // Otherwise (unbundled, or another Ink) Ink keeps its own per-frame caches and draws the same.
  if (proto && typeof styledChars === 'function' && typeof stringWidth === 'function') {
    proto.getStyledChars = keptAcrossFrames(styledChars, styled, LINES_KEPT);
    proto.getStringWidth = keptAcrossFrames(stringWidth, widths, WIDTHS_KEPT);
    applied = true;
  }
  patch = { applied, size: () => styled.size };
  return patch;
}
