// Modules as the CLI ships them: `entry` bundled with the CLI's own build options
// (build.config.ts: same Ink files, same hand-overs, React's production build) into a
// temporary file, then imported. What the bundle exports comes from its own copies of React
// and Ink: build elements with the bundle's createElement, not this file's JSX.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle, ROOT } from '../../build.config.js';

// Under node_modules, so that vitest hands the file to Node as it is, like any dependency,
// instead of transforming a megabyte of already-built code again.
const CACHE = path.join(ROOT, 'node_modules', '.cache');

export async function importBundled<T>(entry: string): Promise<T> {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(path.join(CACHE, 'socklab-bundled-'));
  try {
    const file = path.join(dir, 'bundle.js');
    await bundle(entry, file);
    return (await import(pathToFileURL(file).href)) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
