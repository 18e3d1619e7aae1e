import net from 'node:net';
import { sleep, wallNow } from '../clock.js';

/**
 * The proxy bench's far end, in a process of its own: a sink that reads everything, and the
 * pinger that times one-way delays into it. Apart from the bench's own thread, which parses
 * the dashboard's frames (@xterm/headless): a terminal must not slow the traffic it watches.
 * Commands over IPC: `{ id, cmd: 'pings', port, n }` → `{ id, delays }` (ms);
 * `{ id, cmd: 'bytes' }` → `{ id, bytes }`. Sends `{ id: 0, port }` once listening.
 */

export type SinkCommand = { cmd: 'pings'; port: number; n: number } | { cmd: 'bytes' };
export interface SinkReply {
  id: number;
  port?: number;
  bytes?: number;
  delays?: number[];
  error?: string;
}

let bytes = 0;
/** A ping is 16 bytes, its sequence number in the first 8: when each arrived (wallNow). */
const arrived = new Map<number, number>();

const server = net.createServer((s) => {
  s.setNoDelay(true);
  s.on('data', (d: Buffer) => {
    bytes += d.length;
    if (d.length === 16) arrived.set(Number(d.readBigUInt64BE(0)), wallNow());
  });
  s.on('error', () => {});
});

/** One-way delays (ms) of `n` pings 5 ms apart, this process → port → the sink. */
async function pings(port: number, n: number): Promise<number[]> {
  const s = net.connect(port, '127.0.0.1');
  s.setNoDelay(true);
  s.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    s.once('connect', resolve);
    s.once('error', reject);
  });
  const sent = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const b = Buffer.alloc(16);
    b.writeBigUInt64BE(BigInt(i), 0);
    sent.set(i, wallNow());
    s.write(b);
    await sleep(5);
  }
  await sleep(200);
  s.destroy();
  const out: number[] = [];
  for (const [i, at] of sent) {
    const got = arrived.get(i);
    if (got !== undefined) out.push(got - at);
  }
  arrived.clear();
  return out;
}

process.on('message', (m: SinkCommand & { id: number }) => {
  const done = (r: Omit<SinkReply, 'id'>) => process.send?.({ ...r, id: m.id });
  if (m.cmd === 'bytes') return done({ bytes });
  pings(m.port, m.n).then(
    (delays) => done({ delays }),
    (err: Error) => done({ error: String(err?.stack ?? err) }),
  );
});
process.on('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () => {
  process.send?.({ id: 0, port: (server.address() as net.AddressInfo).port });
});
