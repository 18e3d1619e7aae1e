// The layer rule checker (test/helpers/layerRules.ts) on small made-up trees: it must find
// each kind of break, name the file and the import, and let a clean tree through.
import { describe, expect, it } from 'vitest';
import { importsOf, LAYER_RULES, layerBreaks } from '../helpers/layerRules.js';

const breaks = (files: Record<string, string>) =>
  layerBreaks(files).map((b) => `${b.file} → ${b.import}`);

describe('importsOf', () => {
  it('reads static imports, re-exports, dynamic import() and require(), and which are types only', () => {
    const found = importsOf(
      'src/ui/x.tsx',
      [
        "import a from 'ink';",
        "import type { B } from '../core/engine.js';",
        "import { type C, type D } from '../state/store.js';",
        "import { type E, F } from '../state/store.js';",
        "import '../patches/side.js';",
        "export { G } from '../cli/g.js';",
        "export type { H } from '../core/h.js';",
        "export * from 'react';",
        "const m = await import('node:net');",
        "const n = require('dgram');",
        "type T = typeof import('../core/engine.js');",
        'const s = \'import x from "node:net"\';',
      ].join('\n'),
    );
    expect(found).toEqual([
      { spec: 'ink', target: 'ink', typeOnly: false, line: 1 },
      { spec: '../core/engine.js', target: 'src/core/engine', typeOnly: true, line: 2 },
      { spec: '../state/store.js', target: 'src/state/store', typeOnly: true, line: 3 },
      { spec: '../state/store.js', target: 'src/state/store', typeOnly: false, line: 4 },
      { spec: '../patches/side.js', target: 'src/patches/side', typeOnly: false, line: 5 },
      { spec: '../cli/g.js', target: 'src/cli/g', typeOnly: false, line: 6 },
      { spec: '../core/h.js', target: 'src/core/h', typeOnly: true, line: 7 },
      { spec: 'react', target: 'react', typeOnly: false, line: 8 },
      { spec: 'node:net', target: 'node:net', typeOnly: false, line: 9 },
      { spec: 'dgram', target: 'node:dgram', typeOnly: false, line: 10 },
      { spec: '../core/engine.js', target: 'src/core/engine', typeOnly: true, line: 11 },
    ]);
  });

  it('names a file of src/ by its path without extension, a folder by its path', () => {
    const found = importsOf('src/core/a.ts', "import { x } from '../ui/App.js';\nimport '../ui';");
    expect(found.map((i) => i.target)).toEqual(['src/ui/App', 'src/ui']);
  });
});

describe('layerBreaks', () => {
  it('finds every kind of break, naming file and import', () => {
    expect(
      breaks({
        'src/core/a.ts': [
          "import { render } from 'ink';",
          "import { useState } from 'react';",
          "import type { P } from '../ui/Dashboard.js';",
          "import { t } from '../i18n/i18n.js';",
          "import { handOver } from '../patches/inkInternals.js';",
        ].join('\n'),
        'src/state/b.ts': [
          "import type { Engine } from '../core/engine.js';",
          "const jsx = await import('react/jsx-runtime');",
        ].join('\n'),
        'src/ui/c.tsx': [
          "import net from 'node:net';",
          "import dgram from 'dgram';",
          "import { Worker } from 'node:worker_threads';",
          "import { parseArgs } from '../cli/args.js';",
          "import { Engine } from '../core/engine.js';",
          "import { Store } from '../state/store.js';",
        ].join('\n'),
        'src/ui/d.tsx': "import type { Engine } from '../core/engine.js';",
        'src/session.ts': [
          "import { LineWriter } from './cli/lineWriter.js';",
          "import type { Props } from './ui/App.js';",
        ].join('\n'),
      }),
    ).toEqual([
      'src/core/a.ts → ink',
      'src/core/a.ts → react',
      'src/core/a.ts → ../ui/Dashboard.js',
      'src/core/a.ts → ../i18n/i18n.js',
      'src/core/a.ts → ../patches/inkInternals.js',
      'src/state/b.ts → ../core/engine.js',
      'src/state/b.ts → react/jsx-runtime',
      'src/ui/c.tsx → node:net',
      'src/ui/c.tsx → dgram',
      'src/ui/c.tsx → node:worker_threads',
      'src/ui/c.tsx → ../cli/args.js',
      'src/ui/c.tsx → ../core/engine.js',
      'src/ui/c.tsx → ../state/store.js',
      'src/ui/d.tsx → ../core/engine.js',
      'src/session.ts → ./cli/lineWriter.js',
      'src/session.ts → ./ui/App.js',
    ]);
  });

  it('reports an import once, against the first rule it breaks; a type-only hold on the Engine too', () => {
    const found = layerBreaks({
      'src/ui/c.tsx': "import { Engine } from '../core/engine.js';",
      'src/ui/d.tsx': "import type { Store } from '../state/store.js';",
    });
    expect(found.map((b) => [b.file, b.rule])).toEqual([
      ['src/ui/c.tsx', 'screen-no-engine-values'],
      ['src/ui/d.tsx', 'screen-no-engine-handle'],
    ]);
  });

  it('says which rule each break is against', () => {
    const [b] = layerBreaks({ 'src/ui/c.tsx': "import { x } from '../cli/args.js';" });
    expect(b).toMatchObject({ file: 'src/ui/c.tsx', import: '../cli/args.js', line: 1 });
    expect(LAYER_RULES[b.rule].why).toMatch(/session/);
  });

  it('lets a tree that keeps the layers through', () => {
    expect(
      breaks({
        'src/core/a.ts': [
          "import net from 'node:net';",
          "import type { Store } from '../state/store.js';",
          "import { escapeText } from '../format/escapeBytes.js';",
          "import { parse } from '../input/endpoint.js';",
        ].join('\n'),
        'src/state/b.ts':
          "import type { Mode } from './types.js';\nimport { ring } from './ring.js';",
        'src/ui/c.tsx': [
          "import { Box } from 'ink';",
          "import { t } from '../i18n/i18n.js';",
          "import type { Snapshot } from '../state/types.js';",
          "import { applyInkPatches } from '../patches/applyInkPatches.js';",
          "import { type Session, onSignals } from '../session.js';",
          "import { link } from '../thread/link.js';",
          // Names that only start like a forbidden one.
          "import x from 'inkwell';",
          "import y from '../cliche/y.js';",
        ].join('\n'),
        'src/cli/d.ts': "import net from 'node:net';\nimport { Engine } from '../core/engine.js';",
        'src/session.ts': [
          "import { Engine } from './core/engine.js';",
          "import { Store } from './state/store.js';",
          "import type { Endpoint } from './input/endpoint.js';",
        ].join('\n'),
      }),
    ).toEqual([]);
  });
});
