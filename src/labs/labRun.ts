// What a guided lab's `g` does with the engine: every socket it opens carries the lab's owner
// tag, and a new run first closes what the lab's last run left open. Waits are bounded: a
// lab that cannot go on stops, and its status says where (see labStatus.ts).
import type { Lab } from '../core/lab.js';
import type { LabEvent, LabOwner, ListenerView } from '../state/types.js';

export const LAB_MESSAGE = 'Estou enviando uma mensagem!';

/** No step of a lab waits longer than this for the engine (a bind, a connect, an accept). */
const STEP_TIMEOUT_MS = 15_000;

/**
 * Where a lab opens its listener: the host of the selected listener, so a class on `[::1]`
 * stays on IPv6, but never every interface — a lab is an experiment on this machine.
 */
export function labHost(selected: ListenerView | null): string {
  const host = selected?.host ?? '127.0.0.1';
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '::1';
  return host;
}

export interface LabStart {
  owner: LabOwner;
  /** Sockets the last run of the same lab left open, now closing. */
  released: number;
  /** When they are closed (a lab that reuses a fixed port binds after this). */
  freed: Promise<void>;
}

/** A new run of lab `id`: close what its last run left open, take a new owner tag. */
export function beginRun(lab: Lab, id: string): LabStart {
  const { closed, done } = lab.releaseLab(id);
  return { owner: lab.beginLabRun(id), released: closed, freed: done };
}

/** The first event `pred` accepts, or null after STEP_TIMEOUT_MS. */
export function nextEvent(lab: Lab, pred: (e: LabEvent) => boolean): Promise<LabEvent | null> {
  return new Promise((resolve) => {
    const stop = lab.store.tap({
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
export async function whenListening(lab: Lab, id: number): Promise<number | null> {
  const e = await nextEvent(
    lab,
    (x) =>
      (x.type === 'listening' || x.type === 'bind-error' || x.type === 'listener-closed') &&
      x.listener === id,
  );
  return e?.type === 'listening' ? e.port : null;
}

/** Connect a client of `owner` that sends the lab's message once connected. */
export function clientSending(lab: Lab, host: string, port: number, owner: LabOwner): number {
  const id = lab.connect(host, port, { owner });
  void nextEvent(
    lab,
    (e) =>
      (e.type === 'client-connected' || e.type === 'client-error' || e.type === 'closed') &&
      e.connection === id,
  ).then((e) => {
    if (e?.type === 'client-connected') lab.send(id, Buffer.from(LAB_MESSAGE));
  });
  return id;
}

/** Open `owner`'s listener on `host`, a free port; then `then(port)` once it listens. */
export function ownListener(
  lab: Lab,
  host: string,
  owner: LabOwner,
  then: (port: number, listener: number) => void,
): number {
  const id = lab.listen(host, 0, { owner });
  void whenListening(lab, id).then((port) => {
    if (port !== null) then(port, id);
  });
  return id;
}

/**
 * Lab 3a's steps, also run by 3b when there is no served-and-queued pair to act on:
 * sequential mode, a listener of its own, one client, and once that one is accepted (so
 * it is the one served) a second. Resolves with both client ids once the second is queued.
 */
export function twoClients(
  lab: Lab,
  host: string,
  owner: LabOwner,
): { listener: number; queued: Promise<[number, number] | null> } {
  lab.setMode('sequential');
  const listener = lab.listen(host, 0, { owner });
  const queued = (async (): Promise<[number, number] | null> => {
    const port = await whenListening(lab, listener);
    if (port === null) return null;
    const accepted = nextEvent(lab, (e) => e.type === 'accepted' && e.listener === listener);
    const first = clientSending(lab, host, port, owner);
    if (!(await accepted)) return null;
    const queuedEvent = nextEvent(lab, (e) => e.type === 'queued' && e.listener === listener);
    const second = clientSending(lab, host, port, owner);
    return (await queuedEvent) ? [first, second] : null;
  })();
  return { listener, queued };
}
