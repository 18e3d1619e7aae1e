// A connection storm while socklab's thread is busy (a long frame, a GC): the kernel must
// hold the completed connections until socklab accepts them, not drop SYNs (which makes
// each client wait a second to retry). Loopback only.
import { execFileSync, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { LISTEN_BACKLOG } from '../../src/core/listener.js';
import { makeEngine, type TestEngine, waitFor as until } from '../helpers/lab.js';

let t: TestEngine | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const STORM = 800; // more than Node's default backlog (511)

/**
 * Says `ready`, then 100 ms later opens STORM connections and, 900 ms after that (before any
 * SYN retry at ~1 s), says how many completed.
 */
const CLIENT = `
const net = require('node:net');
const port = Number(process.argv[1]);
process.stdout.write('ready\\n');
setTimeout(() => {
  let connected = 0;
  const socks = [];
  for (let i = 0; i < ${STORM}; i++) {
    const s = net.connect(port, '127.0.0.1', () => connected++);
    s.on('error', () => {});
    socks.push(s);
  }
  setTimeout(() => {
    process.stdout.write('connected ' + connected + '\\n');
    for (const s of socks) s.destroy();
    process.exit(0);
  }, 900);
}, 100);
`;

describe('listen backlog', () => {
  it('is socklab’s own, as the kernel reports it (ss)', async () => {
    t = makeEngine();
    const port = await t.listenAndWait('127.0.0.1', 0);
    const line = execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' }).trim();
    // State Recv-Q Send-Q Local Peer: on a listening socket Send-Q is the backlog.
    const sendQ = Number(line.split(/\s+/)[2]);
    const somaxconn = Number(
      execFileSync('sysctl', ['-n', 'net.core.somaxconn'], { encoding: 'utf8' }),
    );
    expect(sendQ).toBe(Math.min(LISTEN_BACKLOG, somaxconn));
  });

  it(`${STORM} clients connecting while the thread is blocked all complete, none waits for a SYN retry`, async () => {
    t = makeEngine();
    const port = await t.listenAndWait('127.0.0.1', 0);
    const child = spawn(process.execPath, ['-e', CLIENT, String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    await until(() => out.includes('ready'), 10_000);
    // Busy as a long frame would keep it, through the whole storm (from 100 to 1,000 ms).
    const end = Date.now() + 1500;
    while (Date.now() < end) {}
    await new Promise((r) => child.once('exit', r));
    expect(/connected (\d+)/.exec(out)?.[1]).toBe(String(STORM));
    // And socklab accepted them once free.
    await t.until((s) => s.totals.accepted === STORM, 10_000);
  }, 20_000);
});
