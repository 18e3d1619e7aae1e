import { PassThrough } from 'node:stream';
import { render } from 'ink';
import { createElement } from 'react';
import type { Engine } from '../../src/core/engine.js';
import { boundInkCaches } from '../../src/patches/inkCaches.js';
import { keepInkOutputAcrossFrames } from '../../src/patches/inkOutputCache.js';
import { localLink } from '../../src/thread/localLink.js';
import { App } from '../../src/ui/App.js';
import { NullTty } from './nullTty.js';

export const COLUMNS = 120;
export const ROWS = 40;

export interface FrameLog {
  /** ms of each store flush that published a snapshot: snapshot + React render/commit + Yoga
   *  layout, plus Ink's output for that commit whether drawn at once or by its throttle. */
  frameMs: number[];
  /** Ink's own `onRender` metric: turning the laid-out tree into the frame's text. */
  inkRenderMs: number[];
  /** performance.now() of every frame Ink drew. */
  frameAt: number[];
}

export interface Dashboard {
  frames: FrameLog;
  tty: NullTty;
  /** Forget frames so far (measure one phase). */
  reset(): void;
  unmount(): Promise<void>;
}

/**
 * The real App, rendered by Ink exactly as the CLI does (maxFps 30, the default), into a
 * 120×40 terminal that discards its output after `onScreen` has seen it.
 */
export async function mountDashboard(
  lab: Engine,
  onScreen: (text: string) => void = () => {},
): Promise<Dashboard> {
  // As runDashboard does: Ink's text caches are bounded (see inkCaches.ts).
  const inkCaches = boundInkCaches();
  // `npm run bench -- --inproc --ink-caches unbounded` shows what Ink does alone (the leak).
  const trim = process.env.BENCH_INK_CACHES === 'unbounded' ? () => {} : inkCaches.trim;
  // `-- --inproc --ink-output per-frame` shows Ink's own per-frame caches alone.
  if (process.env.BENCH_INK_OUTPUT !== 'per-frame') keepInkOutputAcrossFrames();
  const store = lab.store;
  const frames: FrameLog = { frameMs: [], inkRenderMs: [], frameAt: [] };
  /** True from a flush until React (which commits in a microtask) has drawn from it. */
  let inFrame = false;
  /** Index of the last frame sample still waiting for Ink's throttle to draw it, or -1. */
  let undrawn = -1;
  /** Whether Ink drew inside the frame being timed. */
  let drawn = false;

  const flush = store.flush;
  store.flush = () => {
    const before = store.getSnapshot();
    inFrame = true;
    drawn = false;
    const t = performance.now();
    flush();
    if (store.getSnapshot() === before) {
      inFrame = false;
      return; // nothing new to publish
    }
    // React 19 renders a store update in a microtask queued by the subscriber; this one
    // runs after it, so the sample covers snapshot, render, commit, layout (and Ink's
    // drawing when its throttle lets it draw at once).
    queueMicrotask(() => {
      frames.frameMs.push(performance.now() - t);
      inFrame = false;
      undrawn = drawn ? -1 : frames.frameMs.length - 1;
    });
  };

  const tty = new NullTty(COLUMNS, ROWS, onScreen);
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  const instance = render(
    createElement(App, { engine: localLink(lab), version: 'bench', onQuit() {} }),
    {
      stdout: tty as unknown as NodeJS.WriteStream,
      stdin,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 30,
      onRender: ({ renderTime }) => {
        trim();
        frames.inkRenderMs.push(renderTime);
        frames.frameAt.push(performance.now());
        if (inFrame) drawn = true;
        else if (undrawn >= 0) {
          // Drawn by Ink's trailing throttle after the flush returned: part of that frame.
          frames.frameMs[undrawn] += renderTime;
          undrawn = -1;
        }
      },
    },
  );
  return {
    frames,
    tty,
    reset() {
      frames.frameMs.length = 0;
      frames.inkRenderMs.length = 0;
      frames.frameAt.length = 0;
      undrawn = -1;
    },
    async unmount() {
      store.flush = flush;
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
