import { formatCount } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import {
  DIRECTIONS,
  type Direction,
  type DirectionFaults,
  type FaultName,
} from '../state/proxyTypes.js';
import { type Endpoint, type Parsed, parseEndpoint } from './endpoint.js';

export interface ProxySpec {
  listen: Endpoint;
  target: Endpoint;
}

/** `[HOST:]PORT=HOST:PORT`: listen on the left (127.0.0.1 by default), dial the right. */
export function parseProxySpec(text: string): Parsed<ProxySpec> {
  const i = text.indexOf('=');
  const bad = (error: string) => ({
    ok: false as const,
    error: t('args.badProxy', { text, error }),
  });
  if (i < 0) return bad(t('args.proxyNoEquals'));
  const listen = parseEndpoint(text.slice(0, i));
  if (!listen.ok) return bad(listen.error);
  const target = parseEndpoint(text.slice(i + 1));
  if (!target.ok) return bad(target.error);
  if (dialsItself(listen.value, target.value)) return bad(t('args.proxyToItself'));
  return { ok: true, value: { listen: listen.value, target: target.value } };
}

const LOCAL = new Set(['localhost', '0.0.0.0', '::', '']);

/**
 * Whether the target is the proxy's own listening address: each connection it accepted
 * would dial a new one to itself, without end, until the connection cap.
 */
function dialsItself(listen: Endpoint, target: Endpoint): boolean {
  if (listen.port === 0 || listen.port !== target.port) return false;
  const host = (h: string) => h.toLowerCase().replace(/^\[|\]$/g, '');
  const [l, r] = [host(listen.host), host(target.host)];
  return l === r || LOCAL.has(l) || (r === 'localhost' && (l === '127.0.0.1' || l === '::1'));
}

/** Each fault as typed (a flag without its dashes, a word in the prompt) and its unit. */
export const FAULT_WORDS: Readonly<Record<string, { name: FaultName; unit: string; max: number }>> =
  {
    pace: { name: 'paceMs', unit: 'MS', max: 600_000 },
    latency: { name: 'latencyMs', unit: 'MS', max: 600_000 },
    rate: { name: 'rate', unit: 'BYTES/S', max: 10_000_000_000 },
    'reset-after': { name: 'resetAfter', unit: 'BYTES', max: Number.MAX_SAFE_INTEGER },
    'slow-close': { name: 'slowCloseMs', unit: 'MS', max: 600_000 },
    blackhole: { name: 'blackhole', unit: 'on|off', max: 1 },
  };

export interface FaultSetting {
  directions: readonly Direction[];
  patch: Partial<DirectionFaults>;
}

const DIRECTION_WORDS: Record<string, readonly Direction[]> = {
  upstream: ['upstream'],
  up: ['upstream'],
  '→': ['upstream'],
  downstream: ['downstream'],
  down: ['downstream'],
  '←': ['downstream'],
  both: DIRECTIONS,
};

/**
 * One fault's value, `[upstream:|downstream:]VALUE` (both directions without a prefix):
 * `--latency down:100`, `--blackhole up`, or `latency down:100` in the dashboard's prompt.
 */
export function parseFault(word: string, text: string, flag = word): Parsed<FaultSetting> {
  const spec = FAULT_WORDS[word];
  if (!spec) return { ok: false, error: t('fault.unknown', { name: word }) };
  const typed = text.trim();
  const m = /^([^:]+):(.*)$/.exec(typed);
  let directions = DIRECTIONS;
  let value = typed;
  if (m || (spec.name === 'blackhole' && DIRECTION_WORDS[typed])) {
    const dir = m ? m[1] : typed;
    const found = DIRECTION_WORDS[dir.toLowerCase()];
    if (!found) return { ok: false, error: t('args.badDirection', { text: dir }) };
    directions = found;
    value = m ? m[2] : 'on';
  }
  if (spec.name === 'blackhole') {
    const on = /^(on|1|true|yes|)$/i.test(value);
    if (!on && !/^(off|0|false|no)$/i.test(value)) {
      const error = t('args.faultNotOnOff');
      const max = formatCount(spec.max);
      return { ok: false, error: t('args.badFault', { flag, text, ...spec, max, error }) };
    }
    return { ok: true, value: { directions, patch: { blackhole: on } } };
  }
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= spec.max)) {
    const max = formatCount(spec.max);
    const error = Number.isNaN(n) ? t('args.faultNotWhole') : t('args.faultTooBig', { max });
    return { ok: false, error: t('args.badFault', { flag, text, ...spec, max, error }) };
  }
  return { ok: true, value: { directions, patch: { [spec.name]: n } } };
}

/**
 * What the dashboard's fault prompt takes: `NAME [DIR:]VALUE`, e.g. `rate down:10000`,
 * `blackhole up`, `pace 30`; `off` clears every fault both ways.
 */
export function parseFaultCommand(text: string): Parsed<FaultSetting> {
  const [word = '', ...rest] = text.trim().split(/\s+/);
  if (/^(off|clear|none)$/i.test(word)) {
    const patch: Partial<DirectionFaults> = {};
    for (const f of Object.values(FAULT_WORDS))
      Object.assign(patch, { [f.name]: f.name === 'blackhole' ? false : 0 });
    return { ok: true, value: { directions: DIRECTIONS, patch } };
  }
  return parseFault(word.toLowerCase(), rest.join(' '));
}
