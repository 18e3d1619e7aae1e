import { t } from '../i18n/i18n.js';
import type { Parsed } from '../input/endpoint.js';
import { FAULT_WORDS, type ProxySpec, parseFault, parseProxySpec } from '../input/proxySpec.js';
import type { ProxyFaults } from '../state/proxyTypes.js';
import { NO_FAULTS } from '../state/proxyTypes.js';

/** The proxy's flags, for args.ts's parseArgs table. */
export const proxyOptions = {
  proxy: { type: 'string', multiple: true },
  pace: { type: 'string', multiple: true },
  latency: { type: 'string', multiple: true },
  rate: { type: 'string', multiple: true },
  'reset-after': { type: 'string', multiple: true },
  blackhole: { type: 'string', multiple: true },
  'slow-close': { type: 'string', multiple: true },
} as const;

export interface ProxyRun {
  proxies: ProxySpec[];
  /** The faults every --proxy starts with (the dashboard changes them per proxy). */
  faults: ProxyFaults;
}

type Values = { [K in keyof typeof proxyOptions]?: string[] };

export function parseProxyArgs(values: Values): Parsed<ProxyRun> {
  const proxies: ProxySpec[] = [];
  for (const text of values.proxy ?? []) {
    const p = parseProxySpec(text);
    if (!p.ok) return p;
    proxies.push(p.value);
  }
  const faults = { upstream: { ...NO_FAULTS }, downstream: { ...NO_FAULTS } };
  for (const word of Object.keys(FAULT_WORDS)) {
    const typed = values[word as keyof Values] ?? [];
    if (typed.length > 0 && proxies.length === 0) {
      return { ok: false, error: t('args.faultNeedsProxy', { flag: `--${word}` }) };
    }
    for (const text of typed) {
      const f = parseFault(word, text, `--${word}`);
      if (!f.ok) return f;
      for (const d of f.value.directions) Object.assign(faults[d], f.value.patch);
    }
  }
  return { ok: true, value: { proxies, faults } };
}
