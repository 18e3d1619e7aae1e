import type { Session } from 'node:inspector';
import { inkBuildFile } from './inkBuild.js';

/**
 * A workaround for a dependency's bug (hence src/patches). Ink 6 keeps two module-level
 * caches keyed by every distinct string it ever laid out — `measureText` (a Map) and
 * `wrapText` (an object) — and never evicts them (vadimdemedes/ink#986,
 * fixed in Ink 7, which needs Node 22). A dashboard whose counters and times change on every
 * frame grew by ~3–5 KB a frame, hundreds of MB over hours of traffic. They are private to
 * their modules, so they are reached through the inspector (a function's closure scope,
 * in-process, at start) and emptied when they pass `limit` entries: recomputing a few
 * hundred strings is one frame's work.
 */
export interface InkCaches {
  /** Whether both caches were found (Ink's build as pinned in package.json). */
  readonly found: boolean;
  /** Entries in each, or -1 where not found. */
  sizes(): { measure: number; wrap: number };
  /** Call after each frame: cheap (an object's keys are counted every 64th call). */
  trim(): void;
}

export const INK_CACHE_LIMIT = 2000;

export async function boundInkCaches(limit = INK_CACHE_LIMIT): Promise<InkCaches> {
  const measure = await closureVariable('measure-text.js', 'cache');
  const wrap = await closureVariable('wrap-text.js', 'cache');
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

/**
 * The value of `name` in the module scope of the default export of Ink's build file `file`
 * (imported by URL: the same module instance Ink uses), or null if anything differs.
 */
async function closureVariable(file: string, name: string): Promise<unknown> {
  let session: Session | null = null;
  const key = `__socklab_probe_${process.pid}`;
  const g = globalThis as Record<string, unknown>;
  try {
    const fn = ((await import(inkBuildFile(file))) as { default?: unknown }).default;
    if (typeof fn !== 'function') return null;
    // Imported here: a Node built without the inspector throws on import, and then the
    // caches simply stay as Ink keeps them.
    const inspector = await import('node:inspector');
    session = new inspector.Session();
    session.connect();
    const post = postSync(session);
    g[key] = fn;
    const fnRef = post('Runtime.evaluate', { expression: `globalThis.${key}` }).result;
    g[key] = undefined;
    const scopes = post('Runtime.getProperties', {
      objectId: fnRef.objectId,
      ownProperties: true,
    }).internalProperties?.find((p: Prop) => p.name === '[[Scopes]]');
    if (!scopes?.value?.objectId) return null;
    const list = post('Runtime.getProperties', {
      objectId: scopes.value.objectId,
      ownProperties: true,
    });
    for (const scope of list.result as Prop[]) {
      if (!scope.value?.objectId) continue;
      const vars = post('Runtime.getProperties', {
        objectId: scope.value.objectId,
        ownProperties: true,
      });
      const found = (vars.result as Prop[]).find((p) => p.name === name);
      if (!found?.value?.objectId) continue;
      // Hand the object itself back to this side: the function runs with it as `this`.
      post('Runtime.callFunctionOn', {
        objectId: found.value.objectId,
        functionDeclaration: `function () { globalThis.${key} = this; }`,
      });
      return g[key];
    }
    return null;
  } catch {
    return null;
  } finally {
    delete g[key];
    session?.disconnect();
  }
}

interface Prop {
  name: string;
  value?: { objectId?: string };
}

// biome-ignore lint/suspicious/noExplicitAny: the inspector protocol's replies, read field by field above
type Reply = any;

/** An in-process session answers synchronously: its callback runs before post() returns. */
function postSync(session: Session): (method: string, params: object) => Reply {
  return (method, params) => {
    let reply: Reply;
    let error: Error | null = null;
    (session.post as (m: string, p: object, cb: (e: Error | null, r: Reply) => void) => void)(
      method,
      params,
      (e, r) => {
        error = e;
        reply = r;
      },
    );
    if (error) throw error;
    if (reply === undefined) throw new Error(`no synchronous reply to ${method}`);
    return reply;
  };
}
