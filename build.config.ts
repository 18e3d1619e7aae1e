// How socklab is bundled: `npm run build` runs this file (dist/cli.js, the whole CLI in one
// file, with its source map); the tests that check the Ink patches in a bundle import
// bundleOptions() from it. Type-checking is `npm run typecheck` (tsc), not this.
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Plugin, stop } from 'esbuild';
import { INK_FILE, INK_HAND_OVERS, withHandOver } from './src/patches/inkSource.js';

export const ROOT = fileURLToPath(new URL('.', import.meta.url));
const HOOK = path.join(ROOT, 'src/patches/inkInternals.ts');

/** Ink's private caches handed to src/patches as its files are bundled (inkSource.ts). */
const inkHandOvers: Plugin = {
  name: 'socklab-ink-hand-overs',
  setup(b) {
    b.onLoad({ filter: INK_FILE }, async (args) => {
      const file = (INK_FILE.exec(args.path) as RegExpExecArray)[1];
      if (!(file in INK_HAND_OVERS)) return undefined;
      const source = await readFile(args.path, 'utf8');
      return { contents: withHandOver(file, source, HOOK), loader: 'js' };
    });
  },
};

/**
 * Ink imports React DevTools only when DEV=true; socklab does not ship them, so that import
 * stays outside the bundle and fails there (Ink then says why and goes on).
 */
const noInkDevtools: Plugin = {
  name: 'socklab-no-ink-devtools',
  setup(b) {
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      INK_FILE.test(args.importer) ? { path: args.path, external: true } : undefined,
    );
  },
};

/**
 * The one way socklab is bundled: the CLI (`npm run build`, below) and the tests that check the
 * Ink patches in a bundle (test/helpers/bundled.ts) both build with these options.
 * One ESM file for Node 20, every dependency inside (the start-up opens one file, not ~200:
 * under a low `ulimit -n` a tree of modules failed with EMFILE), React's production build.
 */
export function bundleOptions(entry: string, outfile: string): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // React picks its build from NODE_ENV; the development build keeps a performance.measure
    // per render, past a gigabyte over a long session.
    define: { 'process.env.NODE_ENV': '"production"' },
    // The CommonJS modules inside (React, signal-exit) call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __socklabRequire } from 'node:module';\nconst require = __socklabRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'eof',
    logLevel: 'warning',
    plugins: [inkHandOvers, noInkDevtools],
  };
}

export async function bundle(entry: string, outfile: string): Promise<void> {
  await build(bundleOptions(entry, outfile));
}

/**
 * Built into dist.next and swapped in whole, so a test running dist/cli.js meanwhile never
 * sees half a build.
 */
async function buildCli(): Promise<void> {
  const next = path.join(ROOT, 'dist.next');
  const dist = path.join(ROOT, 'dist');
  fs.rmSync(next, { recursive: true, force: true });
  await bundle('src/cli.tsx', path.join(next, 'cli.js'));
  // The engine thread's own file: no React or Ink in it, so it starts fast and small.
  await bundle('src/thread/engineWorker.ts', path.join(next, 'engine.js'));
  fs.chmodSync(path.join(next, 'cli.js'), 0o755);
  fs.rmSync(dist, { recursive: true, force: true });
  fs.renameSync(next, dist);
  // esbuild's service process ends with the build, not after it.
  await stop();
}

/** The newest mtime among what the bundle is made from (the sources, this file, the lock). */
function newestInput(root: string): number {
  let newest = 0;
  const see = (file: string) => {
    newest = Math.max(newest, fs.statSync(file).mtimeMs);
  };
  for (const f of ['build.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    if (fs.existsSync(path.join(root, f))) see(path.join(root, f));
  }
  for (const e of fs.readdirSync(path.join(root, 'src'), {
    recursive: true,
    withFileTypes: true,
  })) {
    if (e.isFile()) see(path.join(e.parentPath, e.name));
  }
  return newest;
}

/** `--if-stale` (npm start): a dist/ newer than every input is used as it is. */
export function upToDate(root = ROOT): boolean {
  const outs = ['cli.js', 'engine.js'].map((f) => path.join(root, 'dist', f));
  if (!outs.every((f) => fs.existsSync(f))) return false;
  const oldestOut = Math.min(...outs.map((f) => fs.statSync(f).mtimeMs));
  return oldestOut > newestInput(root);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!(process.argv.includes('--if-stale') && upToDate())) await buildCli();
}
