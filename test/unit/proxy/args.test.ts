// The proxy's flags and the fault prompt's text: every value checked before any socket opens.
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src/cli/args.js';
import { faultText } from '../../../src/i18n/faultText.js';
import { setLang } from '../../../src/i18n/i18n.js';
import { parseFaultCommand } from '../../../src/input/proxySpec.js';
import { NO_FAULTS } from '../../../src/state/proxyTypes.js';

const run = (argv: string[]) => {
  const r = parseCommandLine(argv);
  if (!r.ok) throw new Error(r.error);
  if (r.value.command !== 'run') throw new Error('not a run');
  return r.value;
};
const error = (argv: string[]) => {
  const r = parseCommandLine(argv);
  return r.ok ? null : r.error;
};

describe('proxy flags', () => {
  it('--proxy alone: the proxy, no default listener; faults per direction', () => {
    const o = run([
      '--proxy',
      '8000=127.0.0.1:9999',
      '--proxy',
      '[::1]:0=[::1]:80',
      '--latency',
      'down:100',
      '--pace',
      '30',
      '--blackhole',
      'up',
      '--rate',
      'downstream:10000',
    ]);
    expect(o.listen).toEqual([]);
    expect(o.proxies).toEqual([
      { listen: { host: '127.0.0.1', port: 8000 }, target: { host: '127.0.0.1', port: 9999 } },
      { listen: { host: '::1', port: 0 }, target: { host: '::1', port: 80 } },
    ]);
    expect(o.faults.upstream).toEqual({ ...NO_FAULTS, paceMs: 30, blackhole: true });
    expect(o.faults.downstream).toEqual({ ...NO_FAULTS, paceMs: 30, latencyMs: 100, rate: 10000 });
  });

  it('-l with --proxy keeps the listener', () => {
    expect(run(['-l', '0', '--proxy', '1=127.0.0.1:2']).listen).toEqual([
      { host: '127.0.0.1', port: 0 },
    ]);
  });

  it('bad values are named', () => {
    expect(error(['--proxy', '8000'])).toMatch(/--proxy "8000": no "="/);
    expect(error(['--proxy', '8000=127.0.0.1:70000'])).toMatch(/--proxy "8000=127\.0\.0\.1:70000"/);
    expect(error(['--proxy', '1=127.0.0.1:2', '--latency', 'sideways:5'])).toMatch(
      /"sideways" is not a direction/,
    );
    expect(error(['--proxy', '1=127.0.0.1:2', '--rate', 'fast'])).toMatch(/--rate "fast"/);
    expect(error(['--pace', '5'])).toMatch(/--pace needs --proxy/);
  });

  it('a bad fault value says what is wrong with it, not the value again', () => {
    const bad = (text: string) => {
      const r = parseFaultCommand(text);
      return r.ok ? null : r.error;
    };
    expect(bad('rate 1,5')).toMatch(/^rate "1,5": not a whole number \(expected/);
    expect(bad('latency up:99999999999')).toMatch(/: more than [\d,.]+ \(expected/);
    expect(bad('blackhole maybe')).toMatch(/: neither on nor off \(expected/);
  });
});

describe('the fault prompt', () => {
  it('NAME [DIR:]VALUE, blackhole DIR, off', () => {
    expect(parseFaultCommand('latency down:200')).toEqual({
      ok: true,
      value: { directions: ['downstream'], patch: { latencyMs: 200 } },
    });
    expect(parseFaultCommand('blackhole up')).toMatchObject({
      value: { directions: ['upstream'], patch: { blackhole: true } },
    });
    expect(parseFaultCommand('reset-after 1000')).toMatchObject({
      value: { directions: ['upstream', 'downstream'], patch: { resetAfter: 1000 } },
    });
    expect(parseFaultCommand('off')).toMatchObject({ value: { patch: NO_FAULTS } });
    expect(parseFaultCommand('jitter 5')).toMatchObject({ ok: false });
  });
});

describe('limits in the messages, in the language’s style', () => {
  afterEach(() => setLang('en'));

  it('--max-connections and a fault value out of range name their limits grouped', () => {
    expect(error(['--max-connections', '0'])).toMatch(/from 1 to 1,000,000$/);
    expect(parseFaultCommand('rate fast')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/a whole number 0–10,000,000,000\)$/),
    });
    setLang('pt-BR');
    expect(error(['--max-connections', '0'])).toMatch(/de 1 a 1\.000\.000$/);
    expect(error(['--buffer', '0'])).toMatch(/de bytes de 1 a 65\.536$/);
    expect(parseFaultCommand('rate fast')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/um inteiro de 0 a 10\.000\.000\.000\)$/),
    });
  });
});

describe('faults said back, in the language’s style', () => {
  afterEach(() => setLang('en'));

  it('latency 600000 reads back as 600,000 ms (pt-BR 600.000 ms)', () => {
    const r = parseFaultCommand('latency 600000');
    if (!r.ok) throw new Error(r.error);
    const f = { ...NO_FAULTS, ...r.value.patch };
    expect(faultText(f)).toBe('latency 600,000 ms');
    setLang('pt-BR');
    expect(faultText(f)).toMatch(/600\.000 ms$/);
  });
});

describe('a proxy that would dial itself', () => {
  it('is refused before any socket opens: it would relay each connection to a new one, without end', () => {
    for (const spec of [
      '20001=127.0.0.1:20001',
      '0.0.0.0:20001=127.0.0.1:20001',
      '[::1]:20001=[::1]:20001',
      'localhost:20001=127.0.0.1:20001',
    ]) {
      expect(error(['--proxy', spec]), spec).toMatch(/own listening address/);
    }
    expect(error(['--proxy', '20001=127.0.0.1:20002'])).toBeNull();
    expect(error(['--proxy', '127.0.0.2:20001=127.0.0.1:20001'])).toBeNull();
  });
});
