// `npm run build`: dist/cli.js, the whole CLI in one file (see bundle.ts), with its source
// map. Built into dist.next and swapped in whole, so a test running dist/cli.js meanwhile
// never sees half a build. Type-checking is `npm run typecheck` (tsc), not this.
import fs from 'node:fs';
import path from 'node:path';
import { stop } from 'esbuild';
import { bundle, ROOT } from './bundle.js';

const next = path.join(ROOT, 'dist.next');
const dist = path.join(ROOT, 'dist');
fs.rmSync(next, { recursive: true, force: true });
await bundle('src/cli.tsx', path.join(next, 'cli.js'));
fs.chmodSync(path.join(next, 'cli.js'), 0o755);
fs.rmSync(dist, { recursive: true, force: true });
fs.renameSync(next, dist);
// esbuild's service process ends with the build, not after it.
await stop();
