// Modules as the CLI ships them: `entry` bundled with the CLI's own build options
// (build.config.ts: same Ink files, same hand-overs, React's production build) into a
// temporary file, then imported. What the bundle exports comes from its own copies of React
// and Ink: build elements with the bundle's createElement, not this file's JSX.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { bundleOptions, ROOT } from '../../build.config.js';

// Under node_modules, so that vitest hands the file to Node as it is, like any dependency,
// instead of transforming a megabyte of already-built code again.
const CACHE = path.join(ROOT, 'node_modules', '.cache');

/**
 * `adjust` changes the CLI's build options for one test (a build where a patch cannot
 * apply); without it the bundle is built exactly as dist/cli.js is.
 */
export async function importBundled<T>(
  entry: string,
  adjust: (options: BuildOptions) => BuildOptions = (o) => o,
): Promise<T> {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(path.join(CACHE, 'socklab-bundled-'));
  try {
    const file = path.join(dir, 'bundle.js');
    await build(adjust(bundleOptions(entry, file)));
    return (await import(pathToFileURL(file).href)) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
