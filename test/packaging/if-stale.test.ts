// `npm start` builds only when something the bundle is made from changed (build.config.ts
// --if-stale): a fresh dist/ starts at once, an edited source is rebuilt first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { upToDate } from '../../build.config.js';

let root = '';
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function file(rel: string, secondsAgo: number): string {
  const f = path.join(root, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, '');
  const t = Date.now() / 1000 - secondsAgo;
  fs.utimesSync(f, t, t);
  return f;
}

it('dist/ newer than every input is up to date; a newer source, lock or missing file is not', () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'socklab-stale-'));
  file('src/cli.tsx', 100);
  file('src/ui/App.tsx', 90);
  file('package-lock.json', 80);
  file('dist/cli.js', 10);
  expect(upToDate(root)).toBe(false); // engine.js missing
  file('dist/engine.js', 10);
  expect(upToDate(root)).toBe(true);
  file('src/ui/App.tsx', 5);
  expect(upToDate(root)).toBe(false);
  file('dist/cli.js', 1);
  file('dist/engine.js', 1);
  expect(upToDate(root)).toBe(true);
  file('package-lock.json', 0);
  expect(upToDate(root)).toBe(false);
});
