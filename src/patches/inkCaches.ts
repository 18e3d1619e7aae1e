import { inkInternal } from './inkInternals.js';

/**
 * A workaround for a dependency's bug (hence src/patches). Ink 6 keeps two module-level
 * caches keyed by every distinct string it ever laid out — `measureText` (a Map) and
 * `wrapText` (an object) — and never evicts them (vadimdemedes/ink#986,
 * fixed in Ink 7, which needs Node 22). A dashboard whose counters and times change on every
 * frame grew by ~3–5 KB a frame, hundreds of MB over hours of traffic. They are private to
 * their modules, which hand them over when bundled (inkSource.ts), and are emptied when they
 * pass `limit` entries: recomputing a few hundred strings is one frame's work.
 */
export interface InkCaches {
  /** Whether both caches were handed over (Ink bundled by build.config.ts). */
  readonly found: boolean;
  /** Entries in each, or -1 where not found. */
  sizes(): { measure: number; wrap: number };
  /** Call after each frame: cheap (an object's keys are counted every 64th call). */
  trim(): void;
}

export const INK_CACHE_LIMIT = 2000;

export function boundInkCaches(limit = INK_CACHE_LIMIT): InkCaches {
  const measure = inkInternal('measure-text.js');
  const wrap = inkInternal('wrap-text.js');
  const measureMap = measure instanceof Map ? measure : null;
  const wrapObject = wrap && typeof wrap === 'object' ? (wrap as Record<string, unknown>) : null;
  let calls = 0;
  return {
    found: measureMap !== null && wrapObject !== null,
    sizes: () => ({
      measure: measureMap ? measureMap.size : -1,
      wrap: wrapObject ? countKeys(wrapObject, Number.POSITIVE_INFINITY) : -1,
    }),
    trim() {
      if (measureMap && measureMap.size > limit) measureMap.clear();
      if (wrapObject && ++calls % 64 === 0 && countKeys(wrapObject, limit + 1) > limit) {
        for (const key in wrapObject) delete wrapObject[key];
      }
    },
  };
}

function countKeys(o: Record<string, unknown>, stopAt: number): number {
  let n = 0;
  for (const _ in o) if (++n >= stopAt) break;
  return n;
}
