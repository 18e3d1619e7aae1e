// Not a test: `node --import tsx test/reliability/key-latency-matrix.ts [name filter]` after
// `npm run build`. Prints `?` → help overlay times (5 presses each) under the conditions that
// decide them: sender speed, how long the stream has run, bytes per read, and a terminal that
// stops reading (Node's writes to a TTY are synchronous on Linux: socklab then stops entirely).
import os from 'node:os';
import { disposeAll } from './helpers.js';
import { type LatencyOptions, measureHelpLatency } from './keyLatency.js';

const base: LatencyOptions = {
  buffer: 1,
  rate: 0,
  warmupMs: 5000,
  sendMs: 20_000,
  maxBytes: 1 << 30,
  terminal: 'xterm',
  presses: 5,
};
const cases: [string, Partial<LatencyOptions>][] = [
  ['idle, -b 1, 5 s in', { rate: null }],
  ['full speed, 5 s in', {}],
  ['full speed, 30 s in', { warmupMs: 30_000, sendMs: 45_000 }],
  ['1 MB/s sender, 5 s in', { rate: 1_000_000 }],
  ['full speed, -b 1024, 5 s in', { buffer: 1024 }],
  ['full speed, terminal unread 200 ms in 250', { terminal: 'stall' }],
  ['full speed, terminal unread 1 s at a time', { terminal: 'stall', stallMs: 1000, presses: 3 }],
];
const only = process.argv[2];
for (const [name, o] of cases) {
  if (only && !name.includes(only)) continue;
  const r = await measureHelpLatency({ ...base, ...o });
  const sent = r.sent === null ? '-' : `${(r.sent / 1e6).toFixed(1)} MB`;
  console.log(
    `${name}: ${r.helpMs.join(', ')} ms (tty ${Math.round(r.ttyBytesPerSec / 1024)} KiB/s, sent ${sent}, load ${os.loadavg()[0].toFixed(1)})`,
  );
}
await disposeAll();
process.exit(0);
