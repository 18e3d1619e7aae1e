import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { INK_HAND_OVERS, withHandOver } from '../../src/patches/inkSource.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// test/e2e: the pty environment (env.ts) the real-CLI bench shares with the e2e tests.
const DIRS = ['src', 'test/bench', 'test/e2e'];

/**
 * Plain-JS copy of src/ and test/bench/ in a temporary directory, so scenario processes run
 * without tsx: its loader thread alone adds ~50 MB of RSS and competes for the CPU.
 * Type-free transpiling, like tsx does; `npm run typecheck` type-checks src.
 * Ink is the one package copied rather than linked: with the hand-overs the bundle gives it
 * (src/patches/inkSource.ts), so the Ink patches apply here as they do in dist/cli.js, while
 * each module keeps its own file (profiles still say which package spent the time).
 */
export function transpileBench(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socklab-bench-'));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    jsx: ts.JsxEmit.ReactJSX,
    verbatimModuleSyntax: true,
  };
  for (const top of DIRS) {
    for (const rel of walk(path.join(ROOT, top))) {
      const from = path.join(ROOT, top, rel);
      if (!/\.tsx?$/.test(rel) || rel.endsWith('.d.ts') || rel.endsWith('.test.ts')) continue;
      const to = path.join(dir, top, rel.replace(/\.tsx?$/, '.js'));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      const out = ts.transpileModule(fs.readFileSync(from, 'utf8'), { compilerOptions: options });
      fs.writeFileSync(to, out.outputText);
    }
  }
  // "type": "module" for the .js files, version.ts reads it, and packages resolve as before.
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  linkPackages(dir);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** dir/node_modules: every package linked to the repository's, except Ink, patched. */
function linkPackages(dir: string): void {
  const from = path.join(ROOT, 'node_modules');
  const to = path.join(dir, 'node_modules');
  fs.mkdirSync(to);
  for (const name of fs.readdirSync(from)) {
    if (name !== 'ink') fs.symlinkSync(path.join(from, name), path.join(to, name));
  }
  const hook = pathToFileURL(path.join(dir, 'src/patches/inkInternals.js')).href;
  fs.cpSync(path.join(from, 'ink'), path.join(to, 'ink'), { recursive: true });
  for (const file of Object.keys(INK_HAND_OVERS)) {
    const at = path.join(to, 'ink', 'build', file);
    fs.writeFileSync(at, withHandOver(file, fs.readFileSync(at, 'utf8'), hook));
  }
}

function* walk(dir: string, prefix = ''): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* walk(path.join(dir, e.name), path.join(prefix, e.name));
    else yield path.join(prefix, e.name);
  }
}
