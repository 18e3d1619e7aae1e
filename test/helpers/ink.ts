import type net from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { createElement, Fragment, type ReactElement, type ReactNode } from 'react';
import { escapeText } from '../../src/format/escapeBytes.js';
import type { Store } from '../../src/state/store.js';
import type { Snapshot } from '../../src/state/types.js';
import { localLink } from '../../src/thread/localLink.js';
import { App } from '../../src/ui/App.js';
import { useSnapshot } from '../../src/ui/hooks/useSnapshot.js';
import { layoutFor } from '../../src/ui/layout.js';
import { makeEngine, rawClient, type TestEngine } from './lab.js';

export type Ink = ReturnType<typeof render>;

export const KEY = {
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  shiftTab: '\u001b[Z',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  ctrlC: '\u0003',
  ctrlU: '\u0015',
} as const;

// ---- cleanup: LIFO, so a render registered after its lab is unmounted before the lab closes ----

const cleanups: (() => unknown)[] = [];

export function defer(fn: () => unknown): void {
  cleanups.push(fn);
}

/** Use as `afterEach(runCleanups)`. */
export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) await (cleanups.pop() as () => unknown)();
}

/** A lab closed after the test. */
export function testLab(...args: Parameters<typeof makeEngine>): TestEngine {
  const t = makeEngine(...args);
  defer(() => t.close());
  return t;
}

/** A raw node:net client destroyed after the test. */
export async function raw(port: number): Promise<net.Socket> {
  const s = await rawClient(port);
  defer(() => s.destroy());
  return s;
}

export function renderTracked(node: ReactElement): Ink {
  const ink = render(node);
  defer(() => ink.unmount());
  return ink;
}

/** The whole dashboard over a real lab, 100 columns by 24 rows. */
export function renderApp(t: TestEngine, onQuit: () => void = () => {}): Ink {
  return renderTracked(
    createElement(App, { engine: localLink(t.engine), version: 'test', onQuit }),
  );
}

function Live({ store, view }: { store: Store; view: (s: Snapshot) => ReactNode }) {
  const snap = useSnapshot(store);
  return createElement(Fragment, null, view(snap));
}

/** One pane fed by the store's live snapshots (the same hook App uses). */
export function renderLive(store: Store, view: (s: Snapshot) => ReactNode): Ink {
  return renderTracked(createElement(Live, { store, view }));
}

// ---- reading frames ----------------------------------------------------------------------

/** The last frame without Ink's own colour codes. */
export const screen = (ink: Ink): string => stripVTControlCharacters(ink.lastFrame() ?? '');

export type Region = 'listeners' | 'errors' | 'connections' | 'client' | 'reads';

/**
 * Give the test stdout another size (ink-testing-library's is 100 columns, no rows) and
 * tell Ink and useTerminalSize, as a terminal's SIGWINCH would.
 */
export function resize(ink: Ink, columns: number, rows: number): void {
  Object.defineProperty(ink.stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(ink.stdout, 'rows', { value: rows, configurable: true });
  ink.stdout.emit('resize');
}

/** The text inside one pane of the App's layout (100×24 unless resized), borders removed. */
export function region(frame: string, which: Region, columns = 100, rows = 24): string {
  const L = layoutFor(columns, rows);
  const lines = frame.split('\n');
  const spans: Record<Region, [number, number]> = {
    listeners: [2, 2 + L.top],
    errors: [2, 2 + L.top],
    connections: [2 + L.top, 2 + L.top + L.middle],
    client: [2 + L.top, 2 + L.top + L.middle],
    reads: [2 + L.top + L.middle, 2 + L.top + L.middle + L.bottom],
  };
  const cols: Record<Region, [number, number]> = {
    listeners: [0, L.left],
    connections: [0, L.left],
    errors: [L.left, L.full],
    client: [L.left, L.full],
    reads: [0, L.full],
  };
  const [r0, r1] = spans[which];
  const [c0, c1] = cols[which];
  return lines
    .slice(r0 + 1, r1 - 1)
    .map((l) => [...l].slice(c0 + 1, c1 - 1).join(''))
    .join('\n');
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Poll the frame every 20 ms; on timeout fail with the whole frame printed. A frame is
 * written at commit, before React's passive effects re-subscribe the input handlers
 * (useInput): wait one more step so the next key reaches the handler that frame shows.
 */
export async function waitForFrame(
  ink: Ink,
  pred: (frame: string) => unknown,
  what: string,
  timeoutMs = 8000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const frame = screen(ink);
    if (pred(frame)) {
      await sleep(20);
      return frame;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last frame:\n${frame}`);
    }
    await sleep(20);
  }
}

/** Write one key and wait for its effect. */
export async function press(
  ink: Ink,
  key: string,
  pred: (frame: string) => unknown,
  what: string,
): Promise<string> {
  ink.stdin.write(key);
  return waitForFrame(ink, pred, `${what} (after key ${JSON.stringify(key)})`);
}

/** The line of the frame that holds `needle`, or ''. */
export const lineWith = (frame: string, needle: string): string =>
  frame.split('\n').find((l) => l.includes(needle)) ?? '';

/**
 * Type into the open prompt one character at a time, waiting for each to show after
 * `label` (Ink trims trailing spaces, so a space is confirmed by the next character).
 */
export async function typeText(ink: Ink, label: string, text: string, already = ''): Promise<void> {
  let sofar = already;
  for (const ch of text) {
    sofar += ch;
    const shown = `${label} ${escapeText(sofar)}`;
    const want = shown.trimEnd();
    await press(
      ink,
      ch,
      (f) => {
        const line = lineWith(f, label);
        // With an error showing, the cursor and the error follow the text.
        return line.trimEnd() === want || line.startsWith(`${shown}  `);
      },
      `prompt to read ${want}`,
    );
  }
}
