// The engine and the store keep codes and values; the words are chosen when something is
// shown. So an error or a note that happened in one language is shown in the language of
// the moment, and nothing stored holds a sentence of either catalogue.
import net from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import { renderToString } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { eventLine } from '../../src/cli/eventLine.js';
import type { OsContext } from '../../src/core/osProbe.js';
import { catalogue, type MessageKey, setLang } from '../../src/i18n/i18n.js';
import { eventRecord } from '../../src/log/eventRecord.js';
import type { Snapshot } from '../../src/state/types.js';
import { ErrorsPane } from '../../src/ui/components/ErrorsPane.js';
import { makeEngine, type TestEngine } from '../helpers/lab.js';

let t: TestEngine | null = null;
let holder: net.Server | null = null;
afterEach(async () => {
  setLang('en');
  await t?.close();
  t = null;
  await new Promise<void>((r) => (holder ? holder.close(() => r()) : r()));
  holder = null;
});

/** A port held by this test's own listener on 127.0.0.1. */
async function heldPort(): Promise<number> {
  holder = net.createServer();
  const server = holder;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as net.AddressInfo).port;
}

/** The fixed text of a catalogue message in both languages: its words between the {vars}. */
function sentences(key: MessageKey): string[] {
  return (['en', 'pt-BR'] as const).flatMap((lang) =>
    catalogue(lang)
      [key].split(/\{\w+\}/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 12),
  );
}

/** Everything the store keeps about the run, as one string. */
const stored = (s: Snapshot, events: unknown[]) =>
  JSON.stringify({ listeners: s.listeners, errors: s.errors, events });

const pane = (s: Snapshot) =>
  stripVTControlCharacters(
    renderToString(
      <ErrorsPane errors={s.errors} selectedId={null} focused={false} width={100} height={12} />,
      { columns: 100 },
    ),
  ).replace(/\s*│\s*\n\s*│\s*/g, ' ');

describe('codes in the engine, words at the edge', () => {
  it('a bind error is stored as codes and values, and shown in the language of the moment', async () => {
    setLang('en');
    const port = await heldPort();
    t = makeEngine();
    const id = t.engine.listen('127.0.0.1', port);
    const snap = await t.until((s) =>
      s.listeners.some((l) => l.id === id && l.state === 'failed') ? s : null,
    );
    const held = stored(snap, t.events);
    expect(held).toContain('EADDRINUSE');
    for (const s of sentences('errno.EADDRINUSE')) expect(held).not.toContain(s);

    setLang('pt-BR');
    // The kernel's view names the holder (this test's own server, so this process).
    const holder = `127.0.0.1:${port} está ocupado por node (pid ${process.pid}:`;
    expect(pane(snap)).toContain(holder);
    const ev = t.events.find((e) => e.type === 'bind-error');
    if (!ev) throw new Error('no bind-error event');
    expect(eventLine(ev)).toContain(holder);
    expect(eventRecord(ev).explanation).toMatch(/^127\.0\.0\.1:\d+ está ocupado por node /);
    setLang('en');
    expect(pane(snap)).toContain(`127.0.0.1:${port} is held by node (pid ${process.pid}:`);
    expect(eventRecord(ev).explanation).toMatch(/^127\.0\.0\.1:\d+ is held by node /);
  });

  it('a listener note is stored as codes, and shown in the language of the moment', async () => {
    setLang('en');
    // An OS that calls every port privileged and a root user: any bind gets the root note.
    const os: OsContext = {
      platform: 'linux',
      uid: 0,
      unprivilegedPortStart: 65536,
      capNetBindService: true,
    };
    t = makeEngine({ os });
    const port = await t.listenAndWait('127.0.0.1', 0);
    const snap = t.snap();
    const held = stored(snap, t.events);
    for (const s of [...sentences('note.root'), ...sentences('note.elsewhere')])
      expect(held).not.toContain(s);

    setLang('pt-BR');
    const ev = t.events.find((e) => e.type === 'listening');
    if (!ev) throw new Error('no listening event');
    const pt = eventRecord(ev).note;
    expect(pt).toContain(String(port));
    expect(pt).toContain('root');
    expect(eventLine(ev)).toContain(String(pt));
    expect(pane(snap)).toContain(String(pt).slice(0, 40));
    setLang('en');
    expect(eventRecord(ev).note).not.toBe(pt);
    expect(pane(snap)).toContain(String(eventRecord(ev).note).slice(0, 40));
  });
});
