// The layers socklab keeps (the parts and nevers of the team's layers.json, mirrored here so
// CI needs nothing outside the repository), and a checker that finds each import breaking
// them. Pure: files in, breaks out; test/unit/layers.test.ts runs it on src/.
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export interface LayerRule {
  /** Files under these (paths from the repository root). */
  from: readonly string[];
  /** Must not import these: a package (and its subpaths), `node:` built-in, folder or file. */
  to: readonly string[];
  /** Only imports that bring a value in count (`import type` is fine). */
  valuesOnly?: boolean;
  why: string;
}

export const LAYER_RULES = {
  'engine-no-screen': {
    from: ['src/core/', 'src/state/'],
    to: ['react', 'ink', 'src/ui/', 'src/patches/'],
    why: 'the engine and the store know no screen, and Ink workarounds stay with the screen',
  },
  'engine-no-words': {
    from: ['src/core/', 'src/state/'],
    to: ['src/i18n/'],
    why: 'the engine speaks codes; words at the edge',
  },
  'kernel-engine-side': {
    from: ['src/kernel/'],
    to: ['react', 'ink', 'src/ui/', 'src/patches/', 'src/i18n/', 'src/cli/'],
    why: "the kernel's view (src/kernel) is engine side: codes and values, no screen, no words, no command line",
  },
  'proxy-engine-side': {
    from: ['src/proxy/'],
    to: ['react', 'ink', 'src/ui/', 'src/patches/', 'src/i18n/', 'src/cli/'],
    why: 'the proxy relays sockets in the engine thread: codes out, no screen, no words, no argv',
  },
  'udp-engine-side': {
    from: ['src/udp/'],
    to: ['react', 'ink', 'src/ui/', 'src/patches/', 'src/i18n/', 'src/cli/'],
    why: 'UDP is engine side like src/core: sockets and records, codes not words, no screen and no front end',
  },
  'store-no-sockets': {
    from: ['src/state/'],
    to: ['src/core/'],
    why: 'the store does not call sockets',
  },
  'screen-no-sockets': {
    from: ['src/ui/'],
    to: ['node:net', 'node:dgram', 'node:worker_threads'],
    why: 'sockets and the worker live behind the engine thread (src/thread/), not in the screen',
  },
  'screen-no-cli': {
    from: ['src/ui/'],
    to: ['src/cli/'],
    why: 'both fronts share a neutral session: src/session.ts',
  },
  'session-no-fronts': {
    from: ['src/session.ts'],
    to: ['src/cli/', 'src/ui/'],
    why: 'the neutral session both fronts use reaches into neither (else ui → session → cli)',
  },
  'screen-no-engine-values': {
    from: ['src/ui/'],
    to: ['src/core/engine', 'src/state/store'],
    valuesOnly: true,
    why: 'the screen neither calls the engine nor writes the store: it sends messages (src/thread/)',
  },
  'screen-no-engine-handle': {
    from: ['src/ui/'],
    to: ['src/core/engine', 'src/state/store'],
    why: 'the screen holds no Engine or Store, not even by type: what it gets is messages and snapshots',
  },
  'screen-no-thread-internals': {
    from: ['src/ui/'],
    to: [
      'src/thread/engineWorker',
      'src/thread/workerLink',
      'src/thread/localLink',
      'src/thread/commands',
    ],
    valuesOnly: true,
    why: "the screen holds a link (src/thread/link.ts) and is given it: which thread the engine runs on is the front end's choice",
  },
} as const satisfies Record<string, LayerRule>;

export type RuleId = keyof typeof LAYER_RULES;

export interface Import {
  /** As written. */
  spec: string;
  /** A package or `node:` built-in by name; a file of src/ by its path without extension. */
  target: string;
  typeOnly: boolean;
  line: number;
}

export interface LayerBreak {
  file: string;
  import: string;
  line: number;
  rule: RuleId;
}

const BUILTINS = new Set(builtinModules);

function targetOf(file: string, spec: string): string {
  if (spec.startsWith('.')) {
    const joined = path.posix.join(path.posix.dirname(file), spec);
    return joined.replace(/\.(js|jsx|ts|tsx|mjs|cjs)$/, '');
  }
  const name = spec.split('/')[0];
  return BUILTINS.has(name) && !spec.startsWith('node:') ? `node:${spec}` : spec;
}

const allTypes = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>) =>
  elements.length > 0 && elements.every((e) => e.isTypeOnly);

/** Every import of `file`: static, re-exports, `import()`, `require()`, `typeof import()`. */
export function importsOf(file: string, source: string): Import[] {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.ES2022,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Import[] = [];
  const add = (node: ts.Node, specNode: ts.Node | undefined, typeOnly: boolean) => {
    if (!specNode || !ts.isStringLiteralLike(specNode)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ spec: specNode.text, target: targetOf(file, specNode.text), typeOnly, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const c = node.importClause;
      const bindings = c?.namedBindings;
      const typeOnly = Boolean(
        c &&
          (c.isTypeOnly ||
            (!c.name && bindings && ts.isNamedImports(bindings) && allTypes(bindings.elements))),
      );
      add(node, node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node)) {
      const e = node.exportClause;
      const typeOnly =
        node.isTypeOnly || Boolean(e && ts.isNamedExports(e) && allTypes(e.elements));
      add(node, node.moduleSpecifier, typeOnly);
    } else if (ts.isImportEqualsDeclaration(node)) {
      const ref = node.moduleReference;
      if (ts.isExternalModuleReference(ref)) add(node, ref.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isImport || isRequire) add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) add(node, arg.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function covers(place: string, target: string): boolean {
  if (place.endsWith('/')) return target === place.slice(0, -1) || target.startsWith(place);
  return target === place || target.startsWith(`${place}/`);
}

/** Each import in `files` (path → source) against the first rule it breaks, in file order. */
export function layerBreaks(files: Readonly<Record<string, string>>): LayerBreak[] {
  const breaks: LayerBreak[] = [];
  const rules = Object.entries(LAYER_RULES) as [RuleId, LayerRule][];
  for (const [file, source] of Object.entries(files)) {
    const mine = rules.filter(([, r]) => r.from.some((f) => file.startsWith(f)));
    if (mine.length === 0) continue;
    for (const imp of importsOf(file, source)) {
      const hit = mine.find(
        ([, r]) => !(r.valuesOnly && imp.typeOnly) && r.to.some((to) => covers(to, imp.target)),
      );
      if (hit) breaks.push({ file, import: imp.spec, line: imp.line, rule: hit[0] });
    }
  }
  return breaks;
}
