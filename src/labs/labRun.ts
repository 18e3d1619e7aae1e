// What a guided lab's `g` does with the engine: every socket it opens carries the lab's owner
// tag, and a new run first closes what the lab's last run left open. Waits are bounded: a
// lab that cannot go on stops, and its status says where (see labStatus.ts).

import type { Engine } from '../core/engine.js';
import { loopbackFor } from '../format/address.js';
import type { EngineEvent, LabOwner, ListenerView } from '../state/types.js';

export const LAB_MESSAGE = 'Estou enviando uma mensagem!';

/** No step of a lab waits longer than this for the engine (a bind, a connect, an accept). */
const STEP_TIMEOUT_MS = 15_000;

/** The buffer of `conn.recv(1024)` in the steps of labs 3, 3a and 3b. */
export const FULL_BUFFER = 1024;

/**
 * Where a lab opens its listener: the host of the selected listener, so a class on `[::1]`
 * stays on IPv6, but never every interface — a lab is an experiment on this machine.
 */
export function labHost(selected: ListenerView | null): string {
  return selected ? loopbackFor(selected.host, selected.boundAddress) : '127.0.0.1';
}

export interface LabStart {
  owner: LabOwner;
  /** Sockets the last run of the same lab left open, now closing. */
  released: number;
  /** When they are closed (a lab that reuses a fixed port binds after this). */
  freed: Promise<void>;
}

/** A new run of lab `id`: close what its last run left open, take a new owner tag. */
export function beginRun(engine: Engine, id: string): LabStart {
  const { closed, done } = engine.releaseLab(id);
  return { owner: engine.beginLabRun(id), released: closed, freed: done };
}

/**
 * Concurrent mode for a lab whose steps have every client accepted at once (lab 1): an
 * earlier lab (3a) may have left sequential mode on. True when it switched (the status says so).
 */
export function concurrentMode(engine: Engine): boolean {
  if (engine.store.mode === 'concurrent') return false;
  engine.setMode('concurrent');
  return true;
}

/** Lab 3a's steps read with recv(1024): an earlier lab (3c) may have left 5 B. True if it set it. */
export function fullBuffer(engine: Engine): boolean {
  if (engine.store.bufferSize === FULL_BUFFER) return false;
  engine.setBufferSize(FULL_BUFFER);
  return true;
}

/** The first event `pred` accepts, or null after STEP_TIMEOUT_MS. */
export function nextEvent(
  engine: Engine,
  pred: (e: EngineEvent) => boolean,
): Promise<EngineEvent | null> {
  return new Promise((resolve) => {
    const stop = engine.store.tap({
      event: (e) => {
        if (!pred(e)) return;
        clearTimeout(timer);
        queueMicrotask(stop);
        resolve(e);
      },
    });
    const timer = setTimeout(() => {
      stop();
      resolve(null);
    }, STEP_TIMEOUT_MS);
    timer.unref();
  });
}

/** The port listener `id` bound, or null when it failed, closed or took too long. */
export async function whenListening(engine: Engine, id: number): Promise<number | null> {
  const e = await nextEvent(
    engine,
    (x) =>
      (x.type === 'listening' || x.type === 'bind-error' || x.type === 'listener-closed') &&
      x.listener === id,
  );
  return e?.type === 'listening' ? e.port : null;
}

/** Connect a client of `owner` that sends the lab's message once connected. */
export function clientSending(engine: Engine, host: string, port: number, owner: LabOwner): number {
  const id = engine.connect(host, port, { owner });
  void nextEvent(
    engine,
    (e) =>
      (e.type === 'client-connected' || e.type === 'client-error' || e.type === 'closed') &&
      e.connection === id,
  ).then((e) => {
    if (e?.type === 'client-connected') engine.send(id, Buffer.from(LAB_MESSAGE));
  });
  return id;
}

/** Open `owner`'s listener on `host`, a free port; then `then(port)` once it listens. */
export function ownListener(
  engine: Engine,
  host: string,
  owner: LabOwner,
  then: (port: number, listener: number) => void,
): number {
  const id = engine.listen(host, 0, { owner });
  void whenListening(engine, id).then((port) => {
    if (port !== null) then(port, id);
  });
  return id;
}

/**
 * Lab 3a's steps, also run by 3b when there is no served-and-queued pair to act on:
 * sequential mode, the buffer of recv(1024), a listener of its own, one client, and once that
 * one is accepted (so it is the one served) a second. Resolves with both client ids once the
 * second is queued; `bufferSet` is true when the buffer was another size.
 */
export function twoClients(
  engine: Engine,
  host: string,
  owner: LabOwner,
): { listener: number; bufferSet: boolean; queued: Promise<[number, number] | null> } {
  engine.setMode('sequential');
  const bufferSet = fullBuffer(engine);
  const listener = engine.listen(host, 0, { owner });
  const queued = (async (): Promise<[number, number] | null> => {
    const port = await whenListening(engine, listener);
    if (port === null) return null;
    const accepted = nextEvent(engine, (e) => e.type === 'accepted' && e.listener === listener);
    const first = clientSending(engine, host, port, owner);
    if (!(await accepted)) return null;
    const queuedEvent = nextEvent(engine, (e) => e.type === 'queued' && e.listener === listener);
    const second = clientSending(engine, host, port, owner);
    return (await queuedEvent) ? [first, second] : null;
  })();
  return { listener, bufferSet, queued };
}
