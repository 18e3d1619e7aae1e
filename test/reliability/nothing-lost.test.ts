// Nothing lost: 1,000 connections with random message sizes and random buffer sizes
// (changed mid-stream too). The sum of recorded read sizes equals what each peer sent,
// per connection and in total — in the store, in the closed events and in the NDJSON log.
import fs from 'node:fs';
import type net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCommandLine, type RunOptions } from '../../src/cli/args.js';
import { unescapeBytes } from '../../src/format/escapeBytes.js';
import { createSession, type Session } from '../../src/session.js';
import type { ConnRec } from '../../src/state/records.js';
import {
  connectRaw,
  disposeChildren,
  type Json,
  listeningPort,
  randInt,
  readNdjson,
  rng,
  sleep,
  spawnCli,
  tmpDir,
  until,
  writeAll,
} from './helpers.js';

// Generous bounds: the machine's two cores are shared with other suites.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const CONNECTIONS = 1000;
const PARALLEL = 100;
const BUFFERS = [1, 2, 3, 5, 7, 16, 64, 100, 512, 1024, 4096, 65536];

let session: Session | null = null;
afterEach(async () => {
  await session?.shutdown();
  session = null;
  await disposeChildren();
});

function runOptions(args: string[]): RunOptions {
  const p = parseCommandLine(args);
  if (!p.ok || p.value.command !== 'run') throw new Error(JSON.stringify(p));
  return p.value;
}

const HEADER = 8; // "#000123|": which peer this is (client ports get reused under load)
const header = (i: number) => `#${String(i).padStart(6, '0')}|`;

/**
 * CONNECTIONS peers, PARALLEL at a time; each sends 1–3 messages of random size (the
 * first starts with the peer's header), then FIN. Returns bytes sent per peer number.
 */
async function drive(port: number, seed: number, maxSize: number): Promise<Map<number, number>> {
  const r = rng(seed);
  const sent = new Map<number, number>();
  let next = 0;
  const one = async (i: number) => {
    const s: net.Socket = await connectRaw(port);
    s.setNoDelay(r() < 0.5);
    let n = 0;
    const messages = randInt(r, 1, 3);
    for (let m = 0; m < messages; m++) {
      const size = m === 0 ? randInt(r, HEADER, maxSize) : r() < 0.05 ? 0 : randInt(r, 1, maxSize);
      const bytes = Buffer.alloc(size, 0x30 + (m % 10));
      if (m === 0) bytes.write(header(i), 'latin1');
      if (size > 0) await writeAll(s, bytes);
      n += size;
      if (r() < 0.3) await sleep(randInt(r, 1, 5));
    }
    sent.set(i, n);
    await new Promise<void>((res) => {
      s.once('close', () => res());
      s.on('error', () => res());
      s.resume();
      s.end();
    });
  };
  const worker = async () => {
    while (next < CONNECTIONS) await one(next++);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return sent;
}

/**
 * Per connection id: bytes and count of `read` records, its `closed` event, and which peer
 * it is — the header, rebuilt from the escaped previews of its first reads.
 */
function tally(events: Json[]) {
  const reads = new Map<number, { bytes: number; reads: number; head: string }>();
  const accepted = new Set<number>();
  const closed = new Map<number, Json>();
  for (const e of events) {
    if (e.type === 'read') {
      const t = reads.get(e.connection as number) ?? { bytes: 0, reads: 0, head: '' };
      t.bytes += e.bytes as number;
      t.reads++;
      if (t.head.length < HEADER) {
        t.head += Buffer.from(unescapeBytes(e.preview as string)).toString('latin1');
      }
      reads.set(e.connection as number, t);
    } else if (e.type === 'accepted') {
      accepted.add(e.connection as number);
    } else if (e.type === 'closed') {
      closed.set(e.connection as number, e);
    }
  }
  const peerOf = new Map<number, number>();
  for (const id of accepted) {
    const m = /^#(\d{6})\|/.exec(reads.get(id)?.head ?? '');
    peerOf.set(id, m ? Number(m[1]) : -1);
  }
  return { reads, peerOf, closed };
}

function checkAgainst(sent: Map<number, number>, events: Json[], where: string) {
  const { reads, peerOf, closed } = tally(events);
  expect(peerOf.size, `${where}: accepted connections`).toBe(CONNECTIONS);
  const total = [...sent.values()].reduce((a, b) => a + b, 0);
  let logged = 0;
  const wrong: string[] = [];
  expect(new Set(peerOf.values()).size, `${where}: one connection per peer`).toBe(CONNECTIONS);
  for (const [id, peer] of peerOf) {
    const want = sent.get(peer);
    const got = reads.get(id) ?? { bytes: 0, reads: 0 };
    const c = closed.get(id);
    logged += got.bytes;
    if (want !== got.bytes || c?.bytesIn !== want || c?.reads !== got.reads) {
      wrong.push(
        `conn ${id} (peer #${peer}): sent ${want}, reads ${got.bytes}/${got.reads}, closed ${JSON.stringify(c)}`,
      );
    }
  }
  expect(wrong.slice(0, 5), `${where}: ${wrong.length} connections off`).toEqual([]);
  expect(logged).toBe(total);
  return total;
}

describe('nothing lost', () => {
  it('in process: 1,000 connections, random sizes, buffer size changed every few ms — store and log exact', async () => {
    const log = path.join(tmpDir(), 'engine.ndjson');
    const fd = fs.openSync(log, 'a');
    session = createSession(runOptions(['-l', '127.0.0.1:0', '-b', '1024']), { fd, path: log });
    const { store, engine: lab } = session;
    // Our own tally straight from the store's read tap, and the size in force at each read.
    const perConn = new Map<number, number>();
    let tooBig = 0;
    store.tap({
      read: (c: ConnRec, chunk: Uint8Array) => {
        perConn.set(c.id, (perConn.get(c.id) ?? 0) + chunk.length);
        if (chunk.length > store.bufferSize) tooBig++;
      },
    });
    lab.listen('127.0.0.1', 0);
    const port = await until(() => store.listeners.get(1)?.boundPort ?? null);
    const r = rng(4242);
    const changer = setInterval(
      () => lab.setBufferSize(BUFFERS[randInt(r, 0, BUFFERS.length - 1)]),
      3,
    );
    const t0 = Date.now();
    let sent: Map<number, number>;
    try {
      sent = await drive(port, 7, 2048);
    } finally {
      clearInterval(changer);
    }
    const l = store.listeners.get(1);
    await until(() => l && l.open === 0 && l.total === CONNECTIONS, 15_000);
    const ms = Date.now() - t0;
    const total = [...sent.values()].reduce((a, b) => a + b, 0);
    // The store's exact counters.
    store.flush();
    const snap = store.getSnapshot();
    expect(snap.listeners[0].bytesIn).toBe(total);
    expect(snap.totals.bytesIn).toBe(total);
    expect(tooBig).toBe(0);
    expect([...perConn.values()].reduce((a, b) => a + b, 0)).toBe(total);
    await session.shutdown();
    session = null;
    const events = readNdjson(log);
    checkAgainst(sent, events, 'log');
    // Each read is at most the buffer size in force when it was taken (events and reads
    // share one sequence, so the last buffer-changed before a read is the one it used).
    let size = 1024;
    let over = 0;
    let changes = 0;
    for (const e of events) {
      if (e.type === 'buffer-changed') {
        size = e.bytes as number;
        changes++;
      } else if (e.type === 'read' && (e.bytes as number) > size) over++;
    }
    expect(over).toBe(0);
    expect(changes).toBeGreaterThan(20);
    const nReads = events.filter((e) => e.type === 'read').length;
    console.log(
      `in process: ${CONNECTIONS} connections, ${total} B in ${nReads} reads, ${changes} buffer changes, ${ms} ms — exact`,
    );
  }, 60_000);

  it('headless child with --log: 1,000 connections at a random -b, per-connection sums exact', async () => {
    const r = rng(99);
    const buffer = [5, 64, 100, 1000, 4096][randInt(r, 0, 4)];
    const log = path.join(tmpDir(), 'headless.ndjson');
    const child = spawnCli([
      '--headless',
      '--json',
      '-l',
      '127.0.0.1:0',
      '-b',
      String(buffer),
      '--log',
      log,
    ]);
    const port = await listeningPort(child);
    const t0 = Date.now();
    const sent = await drive(port, 8, buffer === 5 ? 600 : 4096);
    await until(
      () => readNdjson(log).filter((e) => e.type === 'closed').length === CONNECTIONS,
      20_000,
      () => child.stderr(),
    );
    child.signal('SIGTERM');
    expect((await child.exited).code).toBe(0);
    const events = readNdjson(log);
    const total = checkAgainst(sent, events, 'log');
    expect(events.filter((e) => e.type === 'read' && (e.bytes as number) > buffer)).toEqual([]);
    expect(events.at(-1)?.type).toBe('listener-closed');
    // stdout got the very same records.
    checkAgainst(sent, child.events(), 'stdout');
    console.log(
      `headless -b ${buffer}: ${CONNECTIONS} connections, ${total} B, ${Date.now() - t0} ms — log and stdout exact`,
    );
  }, 60_000);
});
