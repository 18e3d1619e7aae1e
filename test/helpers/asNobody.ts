import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** What the child saw: its uid and the socket's view once it listened or failed. */
export interface AsNobody {
  uid: number;
  // biome-ignore lint/suspicious/noExplicitAny: the view as JSON from the child
  view: any;
}

/**
 * Open port 700 on 127.0.0.1 (`tcp`: a listener; `udp`: a UDP socket) in a real Engine run
 * as uid 65534 (`setpriv`), since CI runs as root and root may bind low ports. Resolves with
 * what the child saw, or with why it could not run here (the caller skips, saying so).
 */
export async function bind700AsNobody(kind: 'tcp' | 'udp'): Promise<AsNobody | { skip: string }> {
  if (process.platform !== 'linux') return { skip: 'not Linux' };
  if (!existsSync('/usr/bin/setpriv') && !existsSync('/bin/setpriv')) return { skip: 'no setpriv' };
  if (process.getuid?.() !== 0) return { skip: 'setpriv --reuid needs root' };
  try {
    createRequire(import.meta.url).resolve('tsx');
  } catch {
    return { skip: 'tsx is not resolvable for the child' };
  }
  const engineUrl = new URL('../../src/core/engine.ts', import.meta.url).href;
  const storeUrl = new URL('../../src/state/store.ts', import.meta.url).href;
  const [open, rec] =
    kind === 'tcp'
      ? ["lab.listen('127.0.0.1', 700)", 'store.listeners.get(id)']
      : ["lab.udp.open('127.0.0.1', 700)", 'store.udp.sockets.get(id)'];
  const script = `
    const { Engine } = await import(${JSON.stringify(engineUrl)});
    const { Store } = await import(${JSON.stringify(storeUrl)});
    const store = new Store();
    const lab = new Engine(store);
    const id = ${open};
    const end = Date.now() + 5000;
    const tick = () => {
      const r = ${rec};
      if (r.state === 'failed' || r.state === 'listening' || Date.now() > end) {
        console.log(JSON.stringify({ uid: process.getuid(), view: r.toView() }));
        lab.closeAll().then(() => process.exit(0));
      } else setTimeout(tick, 10);
    };
    tick();`;
  const args = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath];
  args.push('--import', 'tsx', '--input-type=module', '-e', script);
  const cwd = new URL('../..', import.meta.url).pathname;
  const res = await new Promise<{ err: Error | null; out: string; errOut: string }>((r) =>
    execFile('setpriv', args, { cwd, timeout: 15_000 }, (err, out, errOut) =>
      r({ err, out, errOut }),
    ),
  );
  const line = res.out.split('\n').find((x) => x.startsWith('{'));
  if (!line) return { skip: `child failed: ${res.err?.message} ${res.errOut.slice(0, 400)}` };
  return JSON.parse(line) as AsNobody;
}
