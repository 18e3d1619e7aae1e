import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * URL of a file of Ink's build, next to the entry Node resolves for Ink's importers (a real
 * path): importing it by this URL gives the very module instance Ink itself uses.
 */
export function inkBuildFile(file: string): string {
  const entry = pathToFileURL(createRequire(import.meta.url).resolve('ink'));
  return new URL(file, entry).href;
}
