/**
 * `npm run bench [-- OPTIONS]`: the built CLI in a real pty against a bare node:net server
 * (pty/run.ts, the default), or with `--inproc` the in-process scenarios (inproc.ts: the
 * dashboard rendered into a null terminal, `--only frames,session` and the CPU profiles).
 */
// `--only kernel`: the cost of one sample of the kernel's view (kernelSample.ts).
const onlyAt = process.argv.indexOf('--only');
if (onlyAt >= 0 && process.argv[onlyAt + 1] === 'kernel') await import('./kernelSample.js');
else if (process.argv.includes('--inproc')) await import('./inproc.js');
else await import('./pty/run.js');
