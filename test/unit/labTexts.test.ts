// What the guided labs say, in both languages: lab 2b's facts about privileged ports (and the
// same facts wherever socklab explains EACCES), and each language's Python reading naturally.
import { afterEach, describe, expect, it } from 'vitest';
import { type ErrLike, type ErrorContext, toErrorInfo } from '../../src/core/errorInfo.js';
import type { OsContext } from '../../src/core/osProbe.js';
import { privilegedBind } from '../../src/core/portNotes.js';
import { explainError as explain } from '../../src/i18n/explainError.js';
import { type Lang, setLang } from '../../src/i18n/i18n.js';
import { portNoteText } from '../../src/i18n/portNoteText.js';
import { findLab, GUIDED_LABS, labText } from '../../src/labs/guidedLabs.js';

afterEach(() => setLang('en'));

const LANGS: Lang[] = ['en', 'pt-BR'];

/** The error as the engine keeps it (codes and values), then in words as shown. */
const explainError = (err: ErrLike, ctx: ErrorContext) => explain(toErrorInfo(err, ctx));

/** The privileged-port note for a bind, in words (null when none is due). */
function privilegedBindNote(port: number, o: OsContext, host?: string): string | null {
  const privileged = privilegedBind(port, o, host);
  return privileged && portNoteText({ privileged, exposed: null });
}

const os = (platform: NodeJS.Platform, uid: number | null = 1000): OsContext => ({
  platform,
  uid,
  unprivilegedPortStart: platform === 'linux' ? 1024 : null,
  capNetBindService: false,
});

/** Lab 2b's observe and answer texts in `lang`, as shown. */
function lab2b(lang: Lang): string {
  setLang(lang);
  const lab = findLab('2b');
  if (!lab) throw new Error('no lab 2b');
  return `${labText(lab, 'observe')}\n${labText(lab, 'answer', { here: '' })}`;
}

describe('lab 2b · the OS facts about ports below 1024', () => {
  it.each(LANGS)('%s: Linux depends on root, CAP_NET_BIND_SERVICE and the sysctl', (lang) => {
    const text = lab2b(lang);
    expect(text).toContain('root');
    expect(text).toContain('CAP_NET_BIND_SERVICE');
    expect(text).toContain('net.ipv4.ip_unprivileged_port_start');
  });

  it.each(LANGS)('%s: macOS 10.14+ allows the wildcard, not always 127.0.0.1', (lang) => {
    const text = lab2b(lang);
    expect(text).toContain('macOS 10.14');
    expect(text).toContain('0.0.0.0');
    expect(text).toContain('127.0.0.1');
    // The old claim: privileged "on Linux and macOS" / "no Linux e no macOS".
    expect(text).not.toMatch(/Linux and macOS|Linux\/macOS|Linux e no macOS/);
  });

  it.each(LANGS)('%s: Windows has no privileged ports', (lang) => {
    expect(lab2b(lang)).toMatch(/Windows (has no|não tem) privileged|Windows não tem portas/);
  });
});

describe('EACCES explained per OS', () => {
  const bind700 = { code: 'EACCES', syscall: 'listen', address: '127.0.0.1', port: 700 };

  it.each(LANGS)('%s: Linux names root, the capability and ip_unprivileged_port_start', (lang) => {
    setLang(lang);
    const text = explainError(bind700, { host: '127.0.0.1', port: 700, os: os('linux') });
    expect(text).toContain('CAP_NET_BIND_SERVICE');
    expect(text).toContain('root');
    expect(text).toContain('ip_unprivileged_port_start');
    expect(text).toContain('macOS 10.14');
  });

  it.each(LANGS)('%s: macOS on 127.0.0.1 says the wildcard would be allowed', (lang) => {
    setLang(lang);
    const text = explainError(bind700, { host: '127.0.0.1', port: 700, os: os('darwin') });
    expect(text).toContain('10.14');
    expect(text).toContain('0.0.0.0');
    expect(text).toContain('127.0.0.1');
    expect(text).not.toContain('CAP_NET_BIND_SERVICE');
  });

  it.each(LANGS)('%s: Windows does not blame privileged ports', (lang) => {
    setLang(lang);
    const text = explainError(bind700, { host: '127.0.0.1', port: 700, os: os('win32', null) });
    expect(text).not.toMatch(/below 1024|abaixo de 1024|CAP_NET_BIND_SERVICE/);
  });

  it.each(LANGS)('%s: the note after a low bind on macOS’s wildcard address', (lang) => {
    setLang(lang);
    const note = privilegedBindNote(700, os('darwin'), '0.0.0.0') ?? '';
    expect(note).toContain('10.14');
    expect(note).toContain('127.0.0.1');
    expect(note).not.toMatch(/did not enforce|não impôs/);
    // Linux as root: the note says what a normal user meets on Linux and on macOS.
    const root = privilegedBindNote(700, os('linux', 0), '127.0.0.1') ?? '';
    expect(root).toContain('ip_unprivileged_port_start');
    expect(root).toContain('macOS 10.14');
  });
});

/** Every Python call a lab's steps show in `lang`. */
function python(lang: Lang): string[] {
  setLang(lang);
  return GUIDED_LABS.flatMap((l) => l.steps.map((s) => s.python));
}

const comments = (code: string[]) =>
  code.map((c) => /#\s*(.*)$/.exec(c)?.[1] ?? '').filter((c) => c !== '');

describe('each language’s Python reads naturally', () => {
  it('English: `port`, never `porta`', () => {
    const code = python('en');
    expect(code.join('\n')).not.toMatch(/\bporta\b/);
    expect(code).toContain("s.bind(('127.0.0.1', port)); s.listen()");
  });

  it('pt-BR: `porta`, and every comment in Portuguese', () => {
    const code = python('pt-BR');
    expect(code).toContain("s.bind(('127.0.0.1', porta)); s.listen()");
    expect(code.join('\n')).not.toMatch(/\bport\b/);
    const english =
      /\b(one at a time|both succeed|the queued client|ephemeral port|break)\b|\bat a time\b/;
    for (const c of comments(code)) expect(c, c).not.toMatch(english);
    expect(comments(code)).toEqual(
      expect.arrayContaining([
        'addr = (ip, porta efêmera)',
        'um de cada vez',
        'os dois conseguem',
        'o cliente que estava na fila',
      ]),
    );
  });

  it('each step’s Python differs by language only where it holds words', () => {
    const en = python('en');
    const pt = python('pt-BR');
    expect(pt).toHaveLength(en.length);
    for (let i = 0; i < en.length; i++) {
      if (!/#|\bport\b/.test(en[i])) expect(pt[i]).toBe(en[i]);
    }
  });
});
