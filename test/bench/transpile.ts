import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIRS = ['src', 'test/bench'];

/**
 * Plain-JS copy of src/ and test/bench/ in a temporary directory, so scenario processes run
 * without tsx: its loader thread alone adds ~50 MB of RSS and competes for the CPU.
 * Type-free transpiling, like tsx does; `npm run build` has type-checked src already.
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
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function* walk(dir: string, prefix = ''): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* walk(path.join(dir, e.name), path.join(prefix, e.name));
    else yield path.join(prefix, e.name);
  }
}
