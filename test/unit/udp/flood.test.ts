// 10,000 datagrams of random sizes from Python: every one socklab received has its true size,
// and the byte count is exact. Loopback may still drop under overload (the receive buffer
// fills): those are counted from the kernel — the socket's drops in /proc/net/udp and
// Udp RcvbufErrors in /proc/net/snmp — and said, never guessed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, type TestEngine } from '../../helpers/lab.js';
import { type PythonProc, spawnPython } from '../../helpers/python.js';
import { udpBound, udpOf } from '../../helpers/udp.js';

const COUNT = 10_000;
const hasPython = spawnSync('python3', ['--version']).status === 0;

let t: TestEngine | null = null;
let flood: PythonProc | null = null;
afterEach(async () => {
  flood?.kill();
  await t?.close();
  t = null;
});

/** Udp counters of /proc/net/snmp by name, or null off Linux. */
function snmpUdp(): Record<string, number> | null {
  try {
    const rows = readFileSync('/proc/net/snmp', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('Udp:'));
    const names = rows[0].split(/\s+/).slice(1);
    const values = rows[1].split(/\s+/).slice(1).map(Number);
    return Object.fromEntries(names.map((n, i) => [n, values[i]]));
  } catch {
    return null;
  }
}

/** The kernel's drop count for the UDP socket bound to 127.0.0.1:`port` (last column), or null. */
function socketDrops(port: number): number | null {
  try {
    const want = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
    const line = readFileSync('/proc/net/udp', 'utf8')
      .split('\n')
      .find((l) => l.trim().split(/\s+/)[1] === want);
    return line ? Number(line.trim().split(/\s+/).at(-1)) : null;
  } catch {
    return null;
  }
}

describe.skipIf(!hasPython)('10,000 UDP datagrams', () => {
  it('each has its true size; Σ bytes of those received is exact; drops are the kernel’s, counted', async () => {
    t = makeEngine({ bufferSize: 5 });
    const lab = t;
    const { id, port } = await udpBound(lab);
    const before = snmpUdp();
    flood = spawnPython('udp_flood.py', ['127.0.0.1', String(port), String(COUNT), '17', '1400']);
    const [, total, list] = await flood.waitForLine(/^SIZES (\d+) ([\d,]+)$/, 60_000);
    const sizes = list.split(',').map(Number);
    expect(sizes).toHaveLength(COUNT);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(Number(total));
    await flood.waitForLine(/^DONE/, 10_000);
    // Whatever the kernel delivered has been read once the counters stop moving (bounded wait).
    let last = -1;
    const end = Date.now() + 10_000;
    while (Date.now() < end) {
      const n = udpOf(lab.snap(), id)?.datagramsIn ?? 0;
      if (n === COUNT || n === last) break;
      last = n;
      await new Promise((r) => setTimeout(r, 200));
    }
    const drops = socketDrops(port);
    // socklab reads the same counter for its own socket (its row says it).
    lab.engine.udp.kernel.tick();
    const after = snmpUdp();
    const u = udpOf(lab.snap(), id);
    if (!u) throw new Error('no udp socket');
    const got = lab.events.filter((e) => e.type === 'datagram');
    expect(got).toHaveLength(u.datagramsIn);
    let expected = 0;
    const seen = new Set<number>();
    for (const e of got) {
      if (e.type !== 'datagram') continue;
      const index = Buffer.from(e.preview).readUInt32BE(0);
      expect(seen.has(index)).toBe(false);
      seen.add(index);
      expect(e.bytes).toBe(sizes[index]);
      expect(e.kept).toBe(Math.min(sizes[index], 5));
      expect(e.discarded).toBe(sizes[index] - e.kept);
      expected += sizes[index];
    }
    expect(u.bytesIn).toBe(expected);
    const rcvbuf = before && after ? after.RcvbufErrors - before.RcvbufErrors : null;
    console.log(
      `UDP flood: sent ${COUNT} (${total} B); received ${u.datagramsIn} (${u.bytesIn} B, exact); ` +
        `socket drops ${drops ?? 'unknown'}; Udp RcvbufErrors +${rcvbuf ?? '?'} machine-wide`,
    );
    // The socket's own drop counter accounts for every datagram that did not arrive.
    if (drops !== null) {
      expect(u.datagramsIn + drops).toBe(COUNT);
      expect(u.kernel?.drops).toBe(drops);
    } else expect(u.datagramsIn).toBeLessThanOrEqual(COUNT);
  }, 90_000);
});
