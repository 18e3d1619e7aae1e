/**
 * `npm run bench [-- OPTIONS]`: the built CLI in a real pty against a bare node:net server
 * (pty/run.ts, the default), or with `--inproc` the in-process scenarios (inproc.ts: the
 * dashboard rendered into a null terminal, `--only frames,session` and the CPU profiles).
 */
if (process.argv.includes('--inproc')) await import('./inproc.js');
else await import('./pty/run.js');
