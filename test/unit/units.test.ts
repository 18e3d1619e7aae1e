import { afterEach, describe, expect, it } from 'vitest';
import { formatAge, formatBytes, formatClock, formatCount } from '../../src/format/units.js';
import { setLang } from '../../src/i18n/i18n.js';

describe('formatBytes', () => {
  it('uses whole bytes below 1 KiB and one decimal above', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(28)).toBe('28 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1000)).toBe('1,000 B');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(9.5 * 1024 ** 2)).toBe('9.5 MiB');
    expect(formatBytes(1.2 * 1024 ** 3)).toBe('1.2 GiB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3.0 TiB');
  });

  it('moves to the next unit instead of printing 1024.0', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MiB');
  });

  it('copes with odd input', () => {
    expect(formatBytes(-2048)).toBe('-2.0 KiB');
    expect(formatBytes(Number.NaN)).toBe('? B');
  });
});

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-1234)).toBe('-1,234');
    expect(formatCount(12345678901234567890n)).toBe('12,345,678,901,234,567,890');
  });
});

describe('formatAge', () => {
  it('shows tenths under 10 s, then whole seconds, minutes, hours, days', () => {
    expect(formatAge(0)).toBe('0.0s');
    expect(formatAge(400)).toBe('0.4s');
    expect(formatAge(9_999)).toBe('9.9s');
    expect(formatAge(12_000)).toBe('12s');
    expect(formatAge(59_999)).toBe('59s');
    expect(formatAge(185_000)).toBe('3m05s');
    expect(formatAge((2 * 3600 + 3 * 60 + 59) * 1000)).toBe('2h03m');
    expect(formatAge((3 * 24 + 4) * 3600 * 1000)).toBe('3d04h');
  });

  it('clamps negative ages to zero', () => {
    expect(formatAge(-5000)).toBe('0.0s');
  });
});

describe('formatClock', () => {
  it('prints local HH:MM:SS.mmm', () => {
    const t = new Date(2024, 0, 2, 3, 4, 5, 6).getTime();
    expect(formatClock(t)).toBe('03:04:05.006');
    expect(formatClock(new Date(2024, 0, 2, 23, 59, 59, 999).getTime())).toBe('23:59:59.999');
  });
});

describe('numbers in the user’s language', () => {
  afterEach(() => setLang('en'));

  it('pt-BR groups with points and writes decimals with a comma; en as before', () => {
    setLang('pt-BR');
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(-1234)).toBe('-1.234');
    expect(formatBytes(1536)).toBe('1,5 KiB');
    expect(formatBytes(28)).toBe('28 B');
    expect(formatBytes(1000)).toBe('1.000 B'); // 1000–1023 B are grouped like any count
    expect(formatAge(400)).toBe('0,4s');
    setLang('en');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatAge(400)).toBe('0.4s');
  });
});
