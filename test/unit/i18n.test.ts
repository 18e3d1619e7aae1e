import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { catalogue, detectLang, setLang, t } from '../../src/i18n/i18n.js';
import { ptBR } from '../../src/i18n/ptBR.js';

afterEach(() => setLang('en'));

describe('message catalogues', () => {
  it('have exactly the same keys in both languages', () => {
    expect(Object.keys(ptBR).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same {placeholders} for each key', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(ptBR[k]), k).toEqual(names(en[k]));
    }
  });

  it('translate every message; only names, units and symbols read the same', () => {
    // A lab step's Python without a comment is code, the same in every language.
    const code = (k: keyof typeof en) => /^lab\.\w+\.py\d$/.test(k) && !en[k].includes('#');
    const same = (Object.keys(en) as (keyof typeof en)[]).filter(
      (k) => ptBR[k] === en[k] && !code(k),
    );
    expect(same.sort()).toEqual(
      [
        'lab.3.wrong', // "—"
        'header.title', // socklab {version}
        'cli.line', // socklab: {message}
        'header.buffer',
        'header.scale', // 1 B … 64 KiB
        'client.nodelay', // the socket option
        'reads.hex',
        'key.buffer',
        'key.hex',
        'args.unit.bytes',
        'kernel.owner.pid', // {name} (pid {pid}: {command})
        'kernel.recvQ', // ss's column names
        'kernel.sendQ',
        'key.udpClients', // TCP/UDP
        'lab.3d.tcpRead', // {size} B "{text}"
        'lab.3d.udpHead', // UDP udp #{id} · recvfrom({buffer})
        'line.udpBindError', // codes and values only
        'line.udpError',
        'udp.listenersInfo', // {tcp} · UDP {udp}
      ].sort(),
    );
  });

  it('hold no control characters', () => {
    for (const lang of ['en', 'pt-BR'] as const) {
      for (const [k, v] of Object.entries(catalogue(lang))) {
        expect(/[\x00-\x1f\x7f-\x9f]/.test(v), `${lang} ${k}`).toBe(false);
      }
    }
  });

  it('picks Portuguese from --lang or from LANG/LC_ALL, English otherwise', () => {
    expect(detectLang('pt-BR', {})).toBe('pt-BR');
    expect(detectLang('en', { LANG: 'pt_BR.UTF-8' })).toBe('en');
    expect(detectLang(null, { LANG: 'pt_BR.UTF-8' })).toBe('pt-BR');
    expect(detectLang(null, { LC_ALL: 'pt_PT', LANG: 'en_US' })).toBe('pt-BR');
    expect(detectLang(null, { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(detectLang(null, {})).toBe('en');
  });

  it('fills placeholders in the current language', () => {
    expect(t('report.written', { file: 'r.md' })).toBe('report written to r.md');
    setLang('pt-BR');
    expect(t('report.written', { file: 'r.md' })).toBe('relatório gravado em r.md');
  });
});
