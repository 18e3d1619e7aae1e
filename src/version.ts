import { readFileSync } from 'node:fs';

/** Read from package.json at run time so the built and the installed CLI agree with it. */
export const VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    return String(pkg.version);
  } catch {
    return '0.0.0';
  }
})();
