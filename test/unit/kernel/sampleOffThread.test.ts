// The sampler's timer reads the kernel off the engine's thread: a slow /proc (2 ms here with a
// few dozen sockets, tens of ms with thousands) must not hold the sockets' event loop.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_MS } from '../../../src/kernel/kernelWatch.js';
import { LinuxProcSource } from '../../../src/kernel/linuxSource.js';
import { makeEngine, type TestEngine } from '../../helpers/lab.js';

const canFifo = process.platform === 'linux' && spawnSync('mkfifo', ['--version']).status === 0;

let t: TestEngine | null = null;
let fifo: string | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
  // A read still waiting on the FIFO (the test failed early) is let go: EOF.
  if (fifo) spawnSync('sh', ['-c', `exec 3<>"${fifo}"; exec 3>&-`], { timeout: 2000 });
  fifo = null;
});

/** A /proc/net/tcp line: a LISTEN socket on 127.0.0.1:port with `queued` in its accept queue. */
const listenLine = (port: number, queued: number) =>
  `   0: 0100007F:${port.toString(16).toUpperCase().padStart(4, '0')} 00000000:0000 0A ` +
  `00000000:${queued.toString(16).toUpperCase().padStart(8, '0')} 00:00000000 00000000  ` +
  `${process.getuid?.() ?? 0}        0 4242 1 0000000000000000 100 0 0 10 0\n`;

describe.skipIf(!canFifo)('the kernel sampler and the engine’s thread', () => {
  it('a sample that takes a second to read leaves the engine’s timers and sockets running', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'socklab-proc-'));
    fs.mkdirSync(path.join(root, 'net'));
    fifo = path.join(root, 'net', 'tcp');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    t = makeEngine({ kernel: new LinuxProcSource(root) });
    const lab = t;
    const port = await lab.listenAndWait();
    // /proc/net/tcp answers only after 1.2 s: the writer marks the moment it starts answering.
    const text = path.join(root, 'text');
    const marker = path.join(root, 'answering');
    fs.writeFileSync(
      text,
      `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n${listenLine(port, 3)}`,
    );
    const writer = spawn('sh', ['-c', `sleep 1.2; : > "${marker}"; cat "${text}" > "${fifo}"`]);
    lab.engine.kernel.demand('rows', true);
    // Due while the sampler's first read waits on the kernel (it starts at SAMPLE_MS).
    const timerSaw = await new Promise<boolean>((resolve) =>
      setTimeout(() => resolve(fs.existsSync(marker)), SAMPLE_MS + 300),
    );
    expect(timerSaw).toBe(false); // it ran before the kernel answered: the thread was free
    const snap = await lab.until((s) => s.listeners[0]?.acceptQueue === 3 && s, 5000);
    expect(snap.listeners[0]).toMatchObject({ acceptQueue: 3 });
    await new Promise((r) => (writer.exitCode === null ? writer.once('exit', r) : r(null)));
  });
});
