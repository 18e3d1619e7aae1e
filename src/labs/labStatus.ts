// A lab run's status line, read from the snapshot each frame: it says what is true now
// ("connecting" until connected, "failed with EADDRINUSE" once it failed), never what the
// lab hoped would happen when `g` was pressed.
import { formatAddress } from '../format/address.js';
import { describeBurst } from '../format/burst.js';
import { t } from '../i18n/i18n.js';
import type { ConnectionView, LabOwner, ListenerView, Snapshot } from '../state/types.js';

/** What one `g` did, kept in the UI state: the status is derived from it and the store. */
export interface LabRunRecord {
  /** The lab that ran. */
  readonly lab: string;
  /** The tag on everything this run opened (3b: the 3a run it acted on, see actedOn). */
  readonly owner: LabOwner;
  /** The listener that shows the run's result (the dashboard selects it). */
  readonly listener: number | null;
  /** Sockets an earlier run left open that this one closed first, and whose they were. */
  readonly released: { readonly lab: string; readonly count: number };
  /** Lab 3b: the lab 3a run whose clients it acted on, and the two clients (served, queued). */
  readonly actedOn?: LabOwner;
  readonly pair?: readonly [number, number];
  /** Lab 3b: there was no pair to act on, so it ran lab 3a's steps first. */
  readonly setUp?: boolean;
  /** Global settings an earlier lab left that this run set aside (for every listener). */
  readonly setConcurrent?: boolean;
  readonly setBuffer?: number;
  readonly time: number;
}

const same = (a: LabOwner | null, b: LabOwner) => a?.lab === b.lab && a.run === b.run;

export const ownedListeners = (snap: Snapshot, owner: LabOwner): ListenerView[] =>
  snap.listeners.filter((l) => same(l.owner, owner));

export const ownedClients = (snap: Snapshot, owner: LabOwner): ConnectionView[] =>
  snap.connections.filter((c) => c.kind === 'client' && same(c.owner, owner));

/** The connection a socklab client made, as its listener accepted it. */
export const acceptedOf = (snap: Snapshot, client: ConnectionView): ConnectionView | undefined =>
  client.linkedId === null ? undefined : snap.connections.find((c) => c.id === client.linkedId);

export const listenerTarget = (l: ListenerView) => formatAddress(l.host, l.boundPort ?? l.port);

/** "ran lab 3c: …" once the result is there, "lab 3c: …" while it is on its way. */
export function labLine(run: LabRunRecord, done: boolean, parts: string[]): string {
  const all = run.released.count
    ? [
        t(run.released.count === 1 ? 'lab.released.one' : 'lab.released.other', {
          count: run.released.count,
          id: run.released.lab,
        }),
        ...parts,
      ]
    : parts;
  return t(done ? 'lab.ran' : 'lab.running', { id: run.lab, what: all.join('; ') });
}

/**
 * Whether `line`, a status labLine made for `run`, is its result ("ran lab 3c: …") rather
 * than a run on its way: the report keeps what a run showed at that moment.
 */
export function isResultLine(run: LabRunRecord, line: string): boolean {
  // The catalogue's text before {what}, in the language of the moment.
  const [head] = t('lab.ran', { id: run.lab, what: '\n' }).split('\n');
  return line.startsWith(head);
}

/** Why the lab's own listener does not serve (yet), or null when it listens. */
export function listenerTrouble(l: ListenerView | undefined): string | null {
  if (!l) return t('lab.starting'); // not yet in the snapshot: the frame right after g
  if (l.state === 'listening') return null;
  if (l.state === 'starting') return t('lab.listenerStarting', { listener: l.id, host: l.host });
  if (l.state === 'failed') {
    return t('lab.listenerFailed', {
      listener: l.id,
      target: listenerTarget(l),
      code: l.error?.code ?? t('errors.error'),
    });
  }
  return t('lab.listenerClosed', { listener: l.id });
}

export const ownListenerText = (l: ListenerView) =>
  t('lab.ownListener', { listener: l.id, target: listenerTarget(l) });

/** A client of a lab sending its message: connecting, failed, or what the server read. */
export function clientSent(
  snap: Snapshot,
  id: string,
  c: ConnectionView | undefined,
): { done: boolean; text: string } {
  if (!c) return { done: false, text: '' };
  if (c.state === 'connecting') {
    return {
      done: false,
      text: t('lab.clientConnecting', { id, client: c.id, target: c.target ?? '' }),
    };
  }
  if (c.error && c.bytesOut === 0) {
    return { done: true, text: t('lab.clientFailed', { id, client: c.id, code: c.error.code }) };
  }
  const acc = acceptedOf(snap, c);
  const read = acc?.bytesIn ?? 0;
  const last = acc?.bursts.at(-1);
  if (c.bytesOut > 0 && acc && read >= c.bytesOut && last && last.bytes === read) {
    return {
      done: true,
      text: t('lab.readIn', { id, client: c.id, sent: c.bytesOut, burst: describeBurst(last) }),
    };
  }
  return {
    done: false,
    text: t('lab.readSoFar', { id, client: c.id, sent: c.bytesOut, read }),
  };
}
