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
  'proxy.upstreamBlocked': '{bytes} waiting for the server, blocked by its window',
  'line.proxyOpened': 'proxy {listener}: conn {connection} relayed by conn {upstream} to {target}',
  'line.faultChanged': 'proxy {listener} {direction} faults: {faults}',
  'args.badProxy': '--proxy "{text}": {error} (expected [HOST:]PORT=HOST:PORT)',
  'args.proxyToItself':
    "the target is the proxy's own listening address: every connection would dial a new one to itself, without end",
  'args.proxyNoEquals': 'no "=" between the listening side and the target',
  'args.badFault':
    '{flag} "{text}": {error} (expected [upstream:|downstream:]{unit}, a whole number 0–{max})',
  'args.faultNotWhole': 'not a whole number',
  'args.faultTooBig': 'more than {max}',
  'args.faultNotOnOff': 'neither on nor off',
  'args.badDirection':
    '"{text}" is not a direction: upstream (→, client to server), downstream (←) or both',
  'args.faultNeedsProxy': '{flag} needs --proxy',
  'fault.unknown':
    '"{name}" is not a fault: pace, latency, rate, reset-after, blackhole, slow-close, off',
  'fault.prompt': 'fault (NAME [up:|down:]VALUE, or off) › ',
  'fault.noProxy': 'select a proxy in the listeners pane first (--proxy, or n with PORT=HOST:PORT)',
  'fault.set': 'proxy #{id} {direction} now: {faults}',
  'key.fault': 'proxy faults',
  'help.opt.proxy': 'listen, and relay each connection to HOST:PORT; repeat for more',
  'help.opt.proxy2': 'each read of ≤ -b BYTES is forwarded as its own write (TCP_NODELAY)',
  'help.opt.pace': 'wait MS between forwarded chunks (keeps the pieces apart)',
  'help.opt.latency': 'delay each chunk MS (Toxiproxy latency)',
  'help.opt.rate': 'cap at BYTES per second (Toxiproxy bandwidth, in B/s)',
  'help.opt.resetAfter': 'after BYTES forwarded, RST both ends (limit_data + reset_peer)',
  'help.opt.blackhole': 'read and drop DIR, the connection stays open (timeout 0)',
  'help.opt.slowClose': 'delay forwarding the FIN MS (Toxiproxy slow_close)',
  'help.opt.faultDirs':
    'DIR: upstream (up, →, client to server), downstream (down, ←) or both (the default); F in the listeners pane changes them live; n takes PORT=HOST:PORT too',
  'help.ex.proxy': 'In the middle:',
  'help.ex.proxy.do': "the server behind it reads the client's message 5 B at a time",
  'report.proxies': 'Proxies',
  'report.proxyRow': '- #{id} {address} ⇄ {target} — {state}; faults → {up}; ← {down}',
  'report.pairRow':
    '- #{id} {client} → :{port} ⇄ #{up} :{upPort} → {target}: → {bytesUp} B in {readsUp} reads, ← {bytesDown} B in {readsDown} reads, {state}',
} as const;
