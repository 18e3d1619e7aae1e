// Every output path, fed arbitrary user-typed and network-derived strings (hosts, targets,
// error messages, codes, status text): the dashboard's panes and status row (Ink), headless
// lines (eventLine), NDJSON (the session's log, the same serializer as --json) and the
// Markdown report. The bytes written must hold no character a terminal or renderer acts on
// instead of showing: C0 (except the line breaks the renderer itself writes and the SGR
// colours Ink writes), DEL, C1, bidi controls, zero-width characters, U+2028/U+2029.
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RunOptions } from '../../src/cli/args.js';
import { eventLine } from '../../src/cli/eventLine.js';
import { toErrorInfo } from '../../src/core/errorInfo.js';
import { getOsContext } from '../../src/core/osProbe.js';
import { t } from '../../src/i18n/i18n.js';
import { eventRecord } from '../../src/log/eventRecord.js';
import { buildReport } from '../../src/report/buildReport.js';
import { createSession } from '../../src/session.js';
import { Store } from '../../src/state/store.js';
import type { EngineEvent, EngineEventInput, PortNote, Snapshot } from '../../src/state/types.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { select } from '../../src/ui/selection.js';
import { initialUi } from '../../src/ui/uiState.js';

vi.setConfig({ testTimeout: 120_000 });

/**
 * Defined here, not imported, so the test does not trust the sanitizer's own list: the
 * characters the issue names, plus every other format character (Cf) and lone surrogates.
 */
const FORBIDDEN =
  /[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\p{Cf}\p{Cs}]/u;
const INK_SGR = /\x1b\[[0-9;]*m/g;

function firstForbidden(out: string): string | null {
  const m = FORBIDDEN.exec(out);
  if (!m) return null;
  const cp = (m[0].codePointAt(0) as number).toString(16).padStart(4, '0');
  return `U+${cp} at ${m.index}: ${JSON.stringify(out.slice(Math.max(0, m.index - 30), m.index + 10))}`;
}

/** What attacks and accidents put in text: controls, C1, bidi, zero-width, separators, tags. */
const DANGER = [
  '\x1b',
  '\x07',
  '\r',
  '\n',
  '\x7f',
  '\x9b',
  '\x9d',
  '\x9c',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u00ad',
  '\u{e0041}',
  '\ud800',
];
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom(...DANGER, 'a', 'é', '\\', ':', '.', '1'), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
/** A few of them, as the hosts, targets, codes and messages of one session. */
const texts = fc.array(hostile, { minLength: 6, maxLength: 6 });

/** A listener note about a bind on every interface, typed as `typed`. */
const exposedNote = (typed: string): PortNote => ({
  privileged: null,
  exposed: { typed, bound: '0.0.0.0' },
});

/** A store holding `s` wherever user-typed or network-derived text can land. */
function hostileStore(s: string[]): Store {
  const store = new Store();
  const os = getOsContext();
  const failed = store.addListener(s[0], 0, false);
  const err = toErrorInfo(
    Object.assign(new Error(s[1]), { code: s[2], syscall: s[3], address: s[0], port: 7 }),
    { host: s[0], port: 7, os },
  );
  store.listenerState(failed, { state: 'failed', error: err });
  store.addError('bind', `listener #${failed.id}`, err);
  const ok = store.addListener(s[4], 0, false);
  const note = exposedNote(s[5]);
  store.listenerState(ok, { state: 'listening', boundPort: 4242, note });
  store.addError('note', `listener #${ok.id}`, null, note);
  const acc = store.addConnection('accepted', ok, null);
  store.setEndpoints(acc, { address: s[4], port: 4242 }, { address: s[1], port: 5555 }, 'IPv4');
  const client = store.addConnection('client', null, s[3]);
  const cerr = toErrorInfo(Object.assign(new Error(s[5]), { code: s[2], hostname: s[3] }), {
    host: s[3],
    port: 1,
  });
  store.connState(client, { state: 'error', error: cerr });
  store.addError('client', `client #${client.id}`, cerr);
  store.addError('log', s[2], { code: s[2], message: s[1], logPath: s[1] });
  store.flush();
  return store;
}

/** Every event type that carries text, each with hostile strings in it. */
function hostileEvents(s: string[]): EngineEventInput[] {
  const ep = { address: s[1], port: 9 };
  return [
    { type: 'listening', listener: 1, address: s[0], port: 1, note: exposedNote(s[5]) },
    {
      type: 'bind-error',
      listener: 1,
      code: s[2],
      errno: -1,
      syscall: s[3],
      address: s[0],
      port: 1,
      message: s[4],
      host: s[4],
    },
    {
      type: 'accept-error',
      listener: 1,
      code: s[2],
      errno: -1,
      syscall: s[3],
      address: s[0],
      port: 1,
      message: s[4],
      host: s[4],
    },
    { type: 'accepted', connection: 1, listener: 1, peer: ep, local: ep, client: null },
    { type: 'refused', listener: 1, peer: ep, cap: 3 },
    { type: 'connection-error', connection: 1, code: s[2], message: s[4], host: s[4] },
    { type: 'client-connecting', connection: 2, target: s[3] },
    { type: 'client-connected', connection: 2, local: ep, peer: ep },
    {
      type: 'client-error',
      connection: 2,
      target: s[3],
      code: s[2],
      message: s[4],
      tried: [{ code: s[2], address: s[4], port: 1 }],
    },
  ] as unknown as EngineEventInput[];
}

function dashboardFrames(snap: Snapshot, status: string): string[] {
  const ui = { ...initialUi, status, statusAt: Date.now() };
  const ink = render(
    createElement(Dashboard, {
      snap,
      ui,
      sel: select(snap, ui),
      columns: 100,
      rows: 40,
      now: Date.now(),
      version: '0.0.0',
    }),
  );
  const frames = [...ink.frames];
  ink.unmount();
  return frames;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'socklab-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('no forbidden character on any output path, for arbitrary strings', () => {
  it('dashboard: listeners, connections, client and errors panes, status row', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const snap = hostileStore(s).getSnapshot();
        const status = t('status.clientConnectingTo', { id: 1, target: s[3] });
        for (const frame of dashboardFrames(snap, status)) {
          expect(firstForbidden(frame.replace(INK_SGR, ''))).toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('headless lines (eventLine): one line each, nothing forbidden', () => {
    fc.assert(
      fc.property(texts, (s) => {
        let seq = 0;
        for (const e of hostileEvents(s)) {
          const line = eventLine({ ...e, seq: ++seq, time: Date.now() } as never);
          expect(firstForbidden(line)).toBeNull();
          expect(line).not.toContain('\n');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('NDJSON (the session log, as --json): valid JSON, round-trips, nothing forbidden', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(texts, async (s) => {
        const file = path.join(tmp, `log-${++run}.ndjson`);
        const session = createSession(
          { buffer: 1024, sequential: false, echo: false, maxConnections: 10 } as RunOptions,
          { fd: openSync(file, 'a'), path: file },
        );
        const events = hostileEvents(s);
        for (const e of events) session.store.emit(e);
        await session.shutdown();
        const text = readFileSync(file, 'utf8');
        expect(firstForbidden(text)).toBeNull();
        const lines = text.split('\n').filter((l) => l !== '');
        expect(lines).toHaveLength(events.length);
        lines.forEach((l, i) => {
          const { type, time, seq, ...rest } = JSON.parse(l);
          // The record holds the event's fields with its words in place of the values only
          // they need (explanation, note, reason): what eventRecord makes, back intact.
          const stamped = { ...events[i], seq: i + 1, time: 0 } as EngineEvent;
          const { time: _t, seq: _s, ...want } = eventRecord(stamped);
          expect({ type, ...rest }).toEqual(want);
          expect(typeof time).toBe('string');
          expect(seq).toBe(i + 1);
        });
      }),
      { numRuns: 80 },
    );
  });

  it('the Markdown report', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const snap = hostileStore(s).getSnapshot();
        const md = buildReport({
          snap,
          version: '0.0.0',
          labs: [],
          screen: 'screen',
          run: { snap, listener: snap.listeners[1] ?? null },
        });
        expect(firstForbidden(md)).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});
