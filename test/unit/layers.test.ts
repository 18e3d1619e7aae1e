// The layers, kept: every import in src/ against the rules of test/helpers/layerRules.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYER_RULES, type LayerBreak, layerBreaks, type RuleId } from '../helpers/layerRules.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every .ts/.tsx file under src/, by its path from the repository root. */
function sources(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(path.join(ROOT, 'src'), {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(ROOT, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Breaks allowed for now, each with who removes it (none today). An entry that no longer
 * occurs fails the test too: delete it with the fix, so this list only shrinks.
 */
const KNOWN_BREAKS: ReadonlyArray<{ file: string; import: string; rule: RuleId; by: string }> = [];

const key = (b: Pick<LayerBreak, 'file' | 'import' | 'rule'>) =>
  `${b.file} imports ${b.import} (${b.rule})`;

describe('layers', () => {
  it('no file in src/ imports across a layer it must not cross', () => {
    const files = sources();
    expect(Object.keys(files).length).toBeGreaterThan(50);
    const found = layerBreaks(files);
    const known = new Set(KNOWN_BREAKS.map(key));
    const fresh = found
      .filter((b) => !known.has(key(b)))
      .map((b) => `${b.file}:${b.line} imports ${b.import}: ${LAYER_RULES[b.rule].why}`);
    expect(fresh, 'imports that break the layers').toEqual([]);
    const seen = new Set(found.map(key));
    const gone = KNOWN_BREAKS.filter((k) => !seen.has(key(k))).map(
      (k) => `${key(k)}: fixed, remove it from KNOWN_BREAKS`,
    );
    expect(gone, 'known breaks that no longer occur').toEqual([]);
  });
});
