import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No UI string outside the message catalogues. Every `src/ui/**` file is type-checked with
 * the TypeScript compiler API and every piece of text in it is looked at: JSX text, string
 * literals, the text parts of template literals. One holding a word (two letters in a row)
 * is a finding unless it is plainly not prose:
 *
 * - where the syntax says so: module names of imports, property names and `obj['name']`,
 *   literal types, `key=` / `key:` values, operands of `===` `!==` `==` `!=`, `case` labels,
 *   the left side of `in`;
 * - where the types say so: the literal is one of the string-literal members of the type
 *   expected there. That covers catalogue keys (`t('errors.title')`: a `MessageKey`),
 *   pane and action ids (`focus: 'client'`), and Ink's enumerated props (`wrap="truncate"`,
 *   `flexDirection="column"`, `borderStyle="round"`). A `string` slot (a `title=` prop, a
 *   status line, a child of `<Text>`) never qualifies, so prose there is always found;
 * - the explicit list below.
 */
const NOT_PROSE = new Set([
  // Key names: keyName()'s answers (keymap.ts) and the key caps shown in the footer/help.
  'ctrl-c',
  'shift-tab',
  'tab',
  'up',
  'down',
  'left',
  'right',
  'enter',
  'esc',
  'delete',
  'backspace',
  'pageup',
  'pagedown',
  'home',
  'end',
  'Tab',
  'Enter',
  // Key caps shown as they are printed on the keyboard (keymap.ts).
  'Esc',
  'Esc/l',
  '?/Esc',
  'k/Esc',
  '↑↓ PgUp/PgDn',
  '↑↓ PgUp/PgDn Home/End',
  // Colour names (theme.ts).
  'cyan',
  'gray',
  'red',
  'yellow',
  'green',
  'magentaBright',
  'blue',
  // Event names (useTerminalSize.ts, runDashboard.tsx).
  'resize',
  'exit',
  // The report's default file name, socklab-report-STAMP.md (writeReport.ts).
  'socklab-report-',
  '.md',
]);

const WORD = /[A-Za-zÀ-ú]{2,}/;
const ROOT = path.resolve(import.meta.dirname, '../..');
const UI = path.join(ROOT, 'src/ui');

/** A file that is not on disk: what the scan must catch, and what it must let through. */
const FIXTURE = path.join(UI, '__i18n_fixture__.tsx');
const FIXTURE_TEXT = `
import { Text } from 'ink';
import { t } from '../i18n/i18n.js';
import { Pane } from './components/Pane.js';
import type { PaneId } from './uiState.js';

const greeting = () => 'hello world';
export const a = () => <Text>hello world</Text>;
export const b = () => <Text>{'good morning'}</Text>;
export const c = (n: number) => <Text>{\`\${n} bytes read\`}</Text>;
export const d = () => (
  <Pane title="Client" focused={false} width={10} height={5}>
    <Text wrap="truncate" color="red">
      {t('errors.title')}
    </Text>
  </Pane>
);
export const e = (focus: PaneId) => (focus === 'client' ? greeting() : 'x');
const where: PaneId = 'listeners';
export const f = [{ key: 'row key', where }].map((r) => <Text key={r.key}>{r.where}</Text>);
`;

function uiFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return uiFiles(p);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

function program(files: string[]): ts.Program {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, lang, ...rest) =>
    path.resolve(name) === FIXTURE
      ? ts.createSourceFile(name, FIXTURE_TEXT, lang, true, ts.ScriptKind.TSX)
      : getSourceFile(name, lang, ...rest);
  host.fileExists = (name) => path.resolve(name) === FIXTURE || fileExists(name);
  host.readFile = (name) => (path.resolve(name) === FIXTURE ? FIXTURE_TEXT : readFile(name));
  return ts.createProgram([...files, FIXTURE], { ...options, noEmit: true }, host);
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** Not prose by where it stands in the syntax tree. */
function exemptBySyntax(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return true;
  if (ts.isExternalModuleReference(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) {
    return true;
  }
  // A property's name ('server-send': …), or obj['name'].
  if ('name' in parent && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isBinaryExpression(parent)) {
    if (EQUALITY.has(parent.operatorToken.kind)) return true;
    if (parent.operatorToken.kind === ts.SyntaxKind.InKeyword && parent.left === node) return true;
  }
  if (ts.isCaseClause(parent) && parent.expression === node) return true;
  // React's key (`key=` on an element, `key:` in the row objects rendered with it).
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    return ts.isIdentifier(parent.name) && parent.name.text === 'key';
  }
  if (ts.isJsxExpression(parent) && ts.isJsxAttribute(parent.parent)) {
    return parent.parent.name.getText() === 'key';
  }
  if (ts.isJsxAttribute(parent)) return parent.name.getText() === 'key';
  return false;
}

/** Not prose by its type: the value is one of the string literals the slot accepts. */
function exemptByType(node: ts.Expression, value: string, checker: ts.TypeChecker): boolean {
  const expected = checker.getContextualType(node);
  if (!expected) return false;
  const members = expected.isUnion() ? expected.types : [expected];
  return members.some((m) => m.isStringLiteral() && m.value === value);
}

function findings(p: ts.Program, files: readonly string[]): Finding[] {
  const checker = p.getTypeChecker();
  const found: Finding[] = [];
  for (const file of files) {
    const source = p.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    const report = (node: ts.Node, text: string) => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push({ file: path.relative(ROOT, file), line: line + 1, text: text.trim() });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isJsxText(node)) {
        if (WORD.test(node.text)) report(node, node.text);
      } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        const value = node.text;
        if (
          WORD.test(value) &&
          !NOT_PROSE.has(value) &&
          !exemptBySyntax(node) &&
          !exemptByType(node, value, checker)
        ) {
          report(node, value);
        }
      } else if (ts.isTemplateExpression(node)) {
        const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
        for (const part of parts) {
          if (WORD.test(part) && !NOT_PROSE.has(part) && !exemptBySyntax(node)) {
            report(node, part);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const files = uiFiles(UI);
const prog = program(files);

describe('UI strings live in the message catalogues', () => {
  it('scans every file under src/ui', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.endsWith('Dashboard.tsx'))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join('components', 'HelpOverlay.tsx')))).toBe(true);
  });

  it('finds no hard-coded text in src/ui', () => {
    const list = findings(prog, files).map((f) => `${f.file}:${f.line}  ${JSON.stringify(f.text)}`);
    expect(list, 'move these into src/i18n/en.ts and ptBR.ts and use t()').toEqual([]);
  });

  it('catches prose in JSX text, props, children and returned strings, and passes ids and keys', () => {
    const found = findings(prog, [FIXTURE]).map((f) => f.text);
    expect(found).toEqual(['hello world', 'hello world', 'good morning', 'bytes read', 'Client']);
  });
});
