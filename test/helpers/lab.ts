import net from 'node:net';
import { Engine, type LabOptions } from '../../src/core/engine.js';
import { Store, type StoreOptions } from '../../src/state/store.js';
import type { ConnectionView, EngineEvent, Snapshot } from '../../src/state/types.js';

export interface TestEngine {
  engine: Engine;
  store: Store;
  events: EngineEvent[];
  /** A fresh snapshot (flushes first). */
  snap(): Snapshot;
  until<T>(fn: (s: Snapshot) => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  listenAndWait(host?: string, port?: number): Promise<number>;
  conn(id: number): ConnectionView;
  close(): Promise<void>;
}

export function makeEngine(options: StoreOptions & LabOptions = {}): TestEngine {
  const store = new Store(options);
  const engine = new Engine(store, options);
  const events: EngineEvent[] = [];
  store.tap({ event: (e) => events.push(e) });
  const snap = () => {
    store.flush();
    return store.getSnapshot();
  };
  const until = async <T>(fn: (s: Snapshot) => T | undefined | null | false, timeoutMs = 8000) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = fn(snap());
      if (v) return v;
      if (Date.now() > end) {
        throw new Error(`timed out; snapshot: ${JSON.stringify(summary(snap()), null, 1)}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    engine,
    store,
    events,
    snap,
    until,
    async listenAndWait(host = '127.0.0.1', port = 0) {
      const id = engine.listen(host, port);
      return until((s) => {
        const l = s.listeners.find((x) => x.id === id);
        if (l?.state === 'failed') throw new Error(`listen failed: ${l.error?.code}`);
        return l?.state === 'listening' ? (l.boundPort as number) : undefined;
      });
    },
    conn(id) {
      const c = snap().connections.find((x) => x.id === id);
      if (!c) throw new Error(`no connection ${id}`);
      return c;
    },
    close: () => engine.closeAll(),
  };
}

function summary(s: Snapshot) {
  return {
    listeners: s.listeners.map((l) => `${l.id} ${l.state} ${l.boundPort} ${l.error?.code ?? ''}`),
    connections: s.connections.map(
      (c) => `${c.id} ${c.kind} ${c.state} in=${c.bytesIn} q=${c.queuePosition}`,
    ),
  };
}

/** A plain node:net client (the "other program"), resolved once connected. */
export function rawClient(port: number, host = '127.0.0.1'): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port, allowHalfOpen: true }, () => resolve(s));
    s.once('error', reject);
  });
}

export function closed(s: net.Socket): Promise<void> {
  return new Promise((r) => (s.destroyed ? r() : s.once('close', () => r())));
}

export const LAB_MESSAGE = 'Estou enviando uma mensagem!';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Everything a raw socket receives, and how it ended. Attach before any data can arrive. */
export function collect(s: net.Socket) {
  const chunks: Buffer[] = [];
  let error: NodeJS.ErrnoException | null = null;
  let ended = false;
  s.on('data', (c: Buffer) => chunks.push(c));
  s.on('end', () => {
    ended = true;
  });
  s.on('error', (e: NodeJS.ErrnoException) => {
    error = e;
  });
  const get = () => Buffer.concat(chunks);
  return {
    get text() {
      return get().toString('latin1');
    },
    get bytes() {
      return get();
    },
    get ended() {
      return ended;
    },
    get error() {
      return error;
    },
  };
}

/** Poll a condition outside the snapshot (raw sockets, child processes). */
export async function waitFor<T>(fn: () => T | undefined | null | false, timeoutMs = 8000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`waitFor timed out: ${fn.toString()}`);
    await sleep(10);
  }
}
