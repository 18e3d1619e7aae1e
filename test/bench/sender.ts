import net from 'node:net';
import { wallNow } from './clock.js';
import type { SenderCommand, SenderReply, SenderRequest } from './senderProtocol.js';

/**
 * The bench's client, run in its own process so that sending never competes with the
 * server under test for one event loop. Driven by IPC commands (senderProtocol.ts).
 */

const HOST = '127.0.0.1';
const held: net.Socket[] = [];
let stopStream: (() => void) | null = null;

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: HOST, port });
    s.once('connect', () => {
      s.off('error', reject);
      resolve(s);
    });
    s.once('error', reject);
  });
}

const closed = (s: net.Socket) =>
  new Promise<void>((r) => (s.destroyed ? r() : s.once('close', () => r())));

function writeAll(s: net.Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => s.write(data, (err) => (err ? reject(err) : resolve())));
}

async function stream(
  port: number,
  bytes: number,
  chunkSize: number,
  ms?: number,
): Promise<SenderReply> {
  const t0 = performance.now();
  const deadline = ms === undefined ? Number.POSITIVE_INFINITY : t0 + ms;
  const s = await connect(port);
  s.resume(); // nothing comes back, but never let a reply stall the connection
  const chunk = Buffer.alloc(chunkSize);
  for (let i = 0; i < chunkSize; i++) chunk[i] = 0x61 + (i % 26); // a–z, printable
  let sent = 0;
  let stopped = false;
  stopStream = () => {
    stopped = true;
  };
  while (sent < bytes && !stopped && performance.now() < deadline) {
    const n = Math.min(chunkSize, bytes - sent);
    const ok = s.write(n === chunkSize ? chunk : chunk.subarray(0, n));
    sent += n;
    if (!ok) await new Promise((r) => s.once('drain', r));
  }
  stopStream = null;
  await new Promise<void>((r) => s.end(r));
  // The server closes its side once it has read our FIN, so this is the moment every byte
  // has passed through its reads: the same end of the run for any server, seen from outside.
  await closed(s);
  return { id: 0, sent, ms: performance.now() - t0 };
}

async function open(port: number, n: number, inflight: number): Promise<SenderReply> {
  // More SYNs at once than the listen backlog (511) would time the kernel's 1 s SYN
  // retransmit, not the server.
  const t0 = performance.now();
  let started = 0;
  const worker = async () => {
    while (started < n) {
      started++;
      const s = await connect(port);
      s.setNoDelay(true);
      s.resume();
      s.on('error', () => {});
      held.push(s);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inflight, n) }, worker));
  return { id: 0, connections: held.length, ms: performance.now() - t0 };
}

async function round(message: string): Promise<SenderReply> {
  await Promise.all(held.map((s) => writeAll(s, message)));
  return { id: 0, sent: Buffer.byteLength(message) * held.length };
}

async function trickle(message: string, intervalMs: number, count: number): Promise<SenderReply> {
  let sent = 0;
  for (let i = 0; i < count; i++) {
    await writeAll(held[i % held.length], message);
    sent += Buffer.byteLength(message);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return { id: 0, sent };
}

async function closeAll(): Promise<SenderReply> {
  const socks = held.splice(0);
  for (const s of socks) s.end();
  await Promise.all(socks.map(closed));
  return { id: 0, connections: socks.length };
}

async function cycles(
  port: number,
  n: number,
  inflight: number,
  message: string,
  ms?: number,
): Promise<SenderReply> {
  const t0 = performance.now();
  const deadline = ms === undefined ? Number.POSITIVE_INFINITY : t0 + ms;
  let started = 0;
  let done = 0;
  let sent = 0;
  const one = async () => {
    const s = await connect(port);
    s.resume();
    await writeAll(s, message);
    sent += Buffer.byteLength(message);
    s.end();
    await closed(s);
    done++;
  };
  const worker = async () => {
    while (started < n && performance.now() < deadline) {
      started++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: Math.min(inflight, n) }, worker));
  return { id: 0, sent, connections: done, ms: performance.now() - t0 };
}

async function ticker(
  port: number,
  intervalMs: number,
  count: number,
  prefix: string,
): Promise<SenderReply> {
  const s = await connect(port);
  s.setNoDelay(true);
  s.resume();
  const sends: number[] = [];
  let sent = 0;
  for (let seq = 0; seq < count; seq++) {
    const msg = `${prefix}${String(seq).padStart(4, '0')};`;
    sends.push(wallNow());
    await writeAll(s, msg);
    sent += msg.length;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  await new Promise<void>((r) => s.end(r));
  await closed(s);
  return { id: 0, sent, sends };
}

function run(c: SenderCommand): Promise<SenderReply> {
  switch (c.cmd) {
    case 'stream':
      return stream(c.port, c.bytes, c.chunk, c.ms);
    case 'stop':
      stopStream?.();
      return Promise.resolve({ id: 0 });
    case 'open':
      return open(c.port, c.n, c.inflight);
    case 'round':
      return round(c.message);
    case 'trickle':
      return trickle(c.message, c.intervalMs, c.count);
    case 'closeAll':
      return closeAll();
    case 'cycles':
      return cycles(c.port, c.n, c.inflight, c.message, c.ms);
    case 'ticker':
      return ticker(c.port, c.intervalMs, c.count, c.prefix);
  }
}

process.on('message', (req: SenderRequest) => {
  run(req).then(
    (reply) => process.send?.({ ...reply, id: req.id }),
    (err: Error) => process.send?.({ id: req.id, error: String(err?.stack ?? err) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send?.({ id: 0 }); // ready: IPC messages that arrive before a listener are lost
