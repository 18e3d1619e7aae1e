// A UDP port below 1024 as an unprivileged user: EACCES in bind, with the privileged-port
// explanation TCP's lab 2b gives. CI runs as root, so the bind runs as uid 65534.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { explainError } from '../../../src/i18n/explainError.js';

describe('UDP below 1024', () => {
  it('EACCES for UDP port 700 as uid 65534, explained as a privileged port', async (ctx) => {
    const skip = (why: string) => {
      console.log(`skipping UDP EACCES test: ${why}`);
      ctx.skip();
    };
    if (process.platform !== 'linux') return skip('not Linux');
    if (!existsSync('/usr/bin/setpriv') && !existsSync('/bin/setpriv')) return skip('no setpriv');
    if (process.getuid?.() !== 0) return skip('setpriv --reuid needs root');
    try {
      createRequire(import.meta.url).resolve('tsx');
    } catch {
      return skip('tsx is not resolvable for the child');
    }
    const engineUrl = new URL('../../../src/core/engine.ts', import.meta.url).href;
    const storeUrl = new URL('../../../src/state/store.ts', import.meta.url).href;
    const script = `
      const { Engine } = await import(${JSON.stringify(engineUrl)});
      const { Store } = await import(${JSON.stringify(storeUrl)});
      const store = new Store();
      const lab = new Engine(store);
      const id = lab.udp.open('127.0.0.1', 700);
      const end = Date.now() + 5000;
      const tick = () => {
        const u = store.udp.sockets.get(id);
        if (u.state === 'failed' || u.state === 'listening' || Date.now() > end) {
          console.log(JSON.stringify({ uid: process.getuid(), view: u.toView() }));
          lab.closeAll().then(() => process.exit(0));
        } else setTimeout(tick, 10);
      };
      tick();`;
    const args = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath];
    args.push('--import', 'tsx', '--input-type=module', '-e', script);
    const cwd = new URL('../../..', import.meta.url).pathname;
    const res = await new Promise<{ err: Error | null; out: string; errOut: string }>((r) =>
      execFile('setpriv', args, { cwd, timeout: 15_000 }, (err, out, errOut) =>
        r({ err, out, errOut }),
      ),
    );
    const line = res.out.split('\n').find((x) => x.startsWith('{'));
    if (!line) return skip(`child failed: ${res.err?.message} ${res.errOut.slice(0, 400)}`);
    const { uid, view } = JSON.parse(line);
    expect(uid).toBe(65534);
    expect(view.state).toBe('failed');
    expect(view.error).toMatchObject({ code: 'EACCES', syscall: 'bind', port: 700, udp: true });
    expect(explainError(view.error)).toMatch(/privileged/);
    expect(explainError(view.error)).toContain('CAP_NET_BIND_SERVICE');
  });
});
