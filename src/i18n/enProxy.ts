/**
 * English texts of proxy mode (src/proxy): its flags' errors, its rows, its faults, its lines.
 * Part of the English catalogue (en.ts); its keys are MessageKeys.
 */
export const enProxy = {
  'proxy.noFaults': 'no faults',
  'proxy.fault.paceMs': 'pace {value} ms',
  'proxy.fault.latencyMs': 'latency {value} ms',
  'proxy.fault.rate': 'rate {value}/s',
  'proxy.fault.resetAfter': 'reset after {value}',
  'proxy.fault.blackhole': 'blackhole',
  'proxy.fault.slowCloseMs': 'slow close {value} ms',
  'proxy.pairDialling': '⇄ dialling {target}',
  'proxy.upstreamState': 'upstream {state}',
  'line.proxyOpened': 'proxy {listener}: conn {connection} relayed by conn {upstream} to {target}',
  'line.faultChanged': 'proxy {listener} {direction} faults: {faults}',
  'args.badProxy': '--proxy "{text}": {error} (expected [HOST:]PORT=HOST:PORT)',
  'args.proxyNoEquals': 'no "=" between the listening side and the target',
  'args.badFault':
    '{flag} "{text}": {error} (expected [upstream:|downstream:]{unit}, a whole number 0–{max})',
  'args.badDirection':
    '"{text}" is not a direction: upstream (→, client to server), downstream (←) or both',
  'args.faultNeedsProxy': '{flag} needs --proxy',
  'fault.unknown':
    '"{name}" is not a fault: pace, latency, rate, reset-after, blackhole, slow-close, off',
  'fault.prompt': 'fault › ',
  'fault.noProxy': 'select a proxy in the listeners pane first (--proxy or P)',
  'fault.set': 'proxy #{id} {direction} now: {faults}',
  'prompt.proxy': 'proxy [HOST:]PORT=HOST:PORT › ',
  'key.newProxy': 'new proxy',
  'key.fault': 'its faults',
  'report.proxies': 'Proxies',
  'report.proxyRow': '- #{id} {address} ⇄ {target} — {state}; faults → {up}; ← {down}',
  'report.pairRow':
    '- #{id} {client} → :{port} ⇄ #{up} :{upPort} → {target}: → {bytesUp} in {readsUp} reads, ← {bytesDown} in {readsDown} reads, {state}',
} as const;
