/**
 * `node --import tsx test/bench/profileSummary.ts FILE.cpuprofile…` — where a scenario
 * process spent its time (self time, from `npm run bench -- --inproc --cpu-prof DIR`), grouped by
 * who owns the code: socklab's store / engine / UI, Ink, React, Yoga, Node's streams and
 * net, GC, idle. Then the top functions. Profiles are V8's `.cpuprofile` JSON.
 */
import fs from 'node:fs';
import { windowsFor } from './profileWindows.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** First match wins: more specific paths before the general ones. */
const OWNERS: [string, RegExp][] = [
  ['socklab store (src/state)', /\/src\/state\//],
  ['socklab engine (src/core)', /\/src\/core\//],
  ['socklab UI (src/ui, src/format)', /\/src\/(ui|format|i18n)\//],
  ['bench harness (test/bench)', /\/test\/bench\//],
  ['Yoga layout', /yoga/],
  ['React', /node_modules\/(react|react-reconciler|scheduler)\//],
  // Ink's own code and the text libraries it runs every frame (ansi-tokenize, string-width…).
  ['Ink and its text libraries', /node_modules\//],
  ['Node streams / net', /^node:(internal\/streams|net|stream|internal\/stream_base|buffer)/],
  ['Node other', /^node:/],
];

function ownerOf(n: ProfileNode): string {
  const { url, functionName } = n.callFrame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8 / native (program)';
    return `native: ${functionName || '(anonymous)'}`;
  }
  for (const [name, re] of OWNERS) if (re.test(url)) return name;
  return 'other';
}

export function summarize(p: Profile, windows: [number, number][] | null, top = 15): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    t += dt;
    if (windows && !windows.some(([a, b]) => t >= a && t <= b)) continue;
    selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + dt);
  }
  const owners = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    if (!n) continue;
    total += us;
    const owner = ownerOf(n);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
    const file = n.callFrame.url.replace(/^.*\/(node_modules|src|test)\//, '$1/');
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${file}:${n.callFrame.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const busy = total - (owners.get('idle') ?? 0);
  const line = (label: string, us: number) =>
    `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${label}`;
  const out = [
    `${(total / 1e6).toFixed(2)} s profiled, ${(busy / 1e6).toFixed(2)} s busy (% of busy)`,
  ];
  for (const [k, v] of [...owners].sort((a, b) => b[1] - a[1]))
    if (k !== 'idle') out.push(line(k, v));
  out.push('', `top ${top} functions by self time:`);
  for (const [k, v] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(line(k, v));
  return out.join('\n');
}

if (
  process.argv[1]?.endsWith('profileSummary.ts') ||
  process.argv[1]?.endsWith('profileSummary.js')
) {
  for (const file of process.argv.slice(2)) {
    const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
    const windows = windowsFor(file);
    const what = windows ? ` (only the ${windows.length} measured windows)` : '';
    process.stdout.write(`== ${file}${what}\n${summarize(p, windows)}\n\n`);
  }
}
