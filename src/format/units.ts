// Human-readable numbers for the dashboard. Deterministic on purpose (no toLocaleString):
// the output must not depend on the machine's locale, so tests and screenshots agree. It
// follows the user's language instead (setLang): "1,024" is a thousand and twenty-four in
// English and one point zero two four in Portuguese.

/** How a language writes numbers: its thousands separator and its decimal mark. */
export interface NumberStyle {
  group: string;
  decimal: string;
}

export const EN_NUMBERS: NumberStyle = { group: ',', decimal: '.' };
export const PT_NUMBERS: NumberStyle = { group: '.', decimal: ',' };

let style: NumberStyle = EN_NUMBERS;

/** Called by setLang: every number formatted here follows the user's language. */
export function setNumberStyle(next: NumberStyle): void {
  style = next;
}

/** One decimal, with the language's mark. */
const oneDecimal = (v: number): string => {
  const s = v.toFixed(1);
  return style.decimal === '.' ? s : s.replace('.', style.decimal);
};

const BYTE_UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** "0 B", "28 B", "1,000 B", "1.0 KiB", "9.5 MiB": binary units, because socket buffers are powers of 2. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '? B';
  if (n < 0) return `-${formatBytes(-n)}`;
  // floor: 1023.9 must not print "1,024 B"; grouped, as 1000–1023 B are "1,000 B" like any count
  if (n < 1024) return `${formatCount(Math.floor(n))} B`;
  let value = n / 1024;
  let unit = 0;
  // Bump the unit when rounding would print "1024.0 KiB".
  while (unit < BYTE_UNITS.length - 1 && Number(value.toFixed(1)) >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${oneDecimal(value)} ${BYTE_UNITS[unit]}`;
}

/** "0 B/s", "3.4 MiB/s": a rate in the same binary units as sizes. */
export function formatRate(bytesPerSec: number): string {
  return `${formatBytes(bytesPerSec)}/s`;
}

/** "1,234,567" (pt-BR "1.234.567"). Accepts bigint so exact counters can be passed without conversion. */
export function formatCount(n: number | bigint): string {
  if (typeof n === 'number' && !Number.isFinite(n)) return '?';
  const whole = typeof n === 'bigint' ? n : BigInt(Math.round(n));
  const negative = whole < 0n;
  const digits = (negative ? -whole : whole).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, style.group);
  return negative ? `-${grouped}` : grouped;
}

const pad2 = (v: number): string => String(v).padStart(2, '0');

/**
 * "0.4s", "9.9s", "12s", "3m05s", "2h03m", "3d04h". Units are floored, not rounded: an age
 * should never claim more time passed than did, and flooring avoids "60s" or "3m60s".
 */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0; // clock steps backwards must not print "-1s"
  const tenths = Math.floor(ms / 100);
  if (tenths < 100) return `${Math.floor(tenths / 10)}${style.decimal}${tenths % 10}s`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${pad2(s % 60)}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${pad2(m % 60)}m`;
  return `${Math.floor(h / 24)}d${pad2(h % 24)}h`;
}

/** Local wall-clock "HH:MM:SS.mmm", to line events up with the user's other terminals. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  if (Number.isNaN(d.getTime())) return '--:--:--.---';
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}.${String(
    d.getMilliseconds(),
  ).padStart(3, '0')}`;
}
