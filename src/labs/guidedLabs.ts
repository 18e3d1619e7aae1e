import { ephemeralRange } from '../core/ephemeralRange.js';
import { getOsContext } from '../core/explainErrno.js';
import type { Lab } from '../core/lab.js';
import { formatCount } from '../format/units.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import { listenerStateText } from '../i18n/labels.js';
import type { ListenerView, Snapshot } from '../state/types.js';
import {
  beginRun,
  clientSending,
  concurrentMode,
  FULL_BUFFER,
  fullBuffer,
  labHost,
  ownListener,
  twoClients,
  whenListening,
} from './labRun.js';
import {
  acceptedOf,
  clientSent,
  type LabRunRecord,
  labLine,
  listenerTarget,
  listenerTrouble,
  ownedClients,
  ownedListeners,
  ownListenerText,
} from './labStatus.js';

export { LAB_MESSAGE } from './labRun.js';
export type { LabRunRecord } from './labStatus.js';

export interface LabStep {
  text: MessageKey;
  /** Where its Python lives in the catalogues (each language comments it in its own words). */
  pythonKey: MessageKey;
  /** The Python socket call this step corresponds to, in the current language (its comments). */
  readonly python: string;
}

/** What a lab's answer is filled from: the live state, no sockets. */
export interface AnswerContext {
  snap: Snapshot;
  listener: ListenerView | null;
}

export interface RunContext extends AnswerContext {
  lab: Lab;
}

export interface GuidedLab {
  id: string;
  steps: LabStep[];
  /**
   * Performs the steps on the live dashboard, on sockets of the lab's own (the selected
   * listener only gives the host). Returns what it started; the rest happens on events.
   */
  run(ctx: RunContext): LabRunRecord;
  /** The run's status line, from the snapshot now. */
  status(run: LabRunRecord, snap: Snapshot): string;
  /** Values for the answer text, read from this machine. */
  answerVars(ctx: AnswerContext): Record<string, string | number>;
}

const key = (id: string, part: string) => `lab.${id}.${part}` as MessageKey;

/** Step `n` of lab `id`: its text and its Python, both from the catalogue of the moment. */
const step = (id: string, n: number): LabStep => ({
  text: key(id, `step${n}`),
  pythonKey: key(id, `py${n}`),
  get python() {
    return t(key(id, `py${n}`));
  },
});

/** The facts of this machine the lab texts quote: files under /proc, read once, not per frame. */
let machine: { limit: number; range: [number, number] | null } | null = null;
const machineFacts = () =>
  (machine ??= {
    limit: getOsContext().unprivilegedPortStart ?? 1024,
    range: ephemeralRange(),
  });
export const labTitle = (l: GuidedLab) => t(key(l.id, 'title'));
export const labText = (
  l: GuidedLab,
  part: 'observe' | 'question' | 'answer' | 'wrong',
  vars: Record<string, string | number> = {},
) => t(key(l.id, part), { limit: machineFacts().limit, ...vars });

/** The newest listener a run of lab `id` opened, if any. */
const lastOwned = (snap: Snapshot, id: string) =>
  snap.listeners.filter((l) => l.owner?.lab === id).at(-1);

const record = (
  lab: string,
  start: { owner: LabRunRecord['owner']; released: number },
  listener: number | null,
  extra: Partial<LabRunRecord> = {},
): LabRunRecord => ({
  lab,
  owner: start.owner,
  listener,
  released: { lab, count: start.released },
  time: Date.now(),
  ...extra,
});

/** Labs 3 and 3c: set the buffer (for every listener: say so), one client sends the message. */
function readsLab(id: string, bytes: number): Pick<GuidedLab, 'run' | 'status'> {
  return {
    run(ctx) {
      const start = beginRun(ctx.lab, id);
      ctx.lab.setBufferSize(bytes);
      const host = labHost(ctx.listener);
      const l = ownListener(ctx.lab, host, start.owner, (port) =>
        clientSending(ctx.lab, host, port, start.owner),
      );
      return record(id, start, l);
    },
    status(run, snap) {
      const parts = [t('lab.setBuffer', { bytes: formatCount(bytes) })];
      const trouble = listenerTrouble(ownedListeners(snap, run.owner)[0]);
      if (trouble) return labLine(run, trouble.includes('failed'), [...parts, trouble]);
      const sent = clientSent(snap, id, ownedClients(snap, run.owner)[0]);
      return labLine(run, sent.done, sent.text ? [...parts, sent.text] : parts);
    },
  };
}

/** Lab 3a's status for the 3a run `owner`: which client is served, which queued. */
function pairStatus(snap: Snapshot, owner: LabRunRecord['owner']): { done: boolean; text: string } {
  const l = ownedListeners(snap, owner)[0];
  const trouble = listenerTrouble(l);
  if (trouble || !l) return { done: l?.state === 'failed', text: trouble ?? '' };
  const [first, second] = ownedClients(snap, owner);
  const a1 = first && acceptedOf(snap, first);
  const a2 = second && acceptedOf(snap, second);
  if (a1?.state === 'open' && a2?.state === 'queued') {
    return {
      done: true,
      text: t('lab.3a.done', {
        first: first.id,
        second: second.id,
        position: a2.queuePosition ?? 1,
      }),
    };
  }
  if (a1?.state === 'open' && a2?.state === 'open') {
    return { done: true, text: t('lab.3a.bothServed', { first: first.id, second: second.id }) };
  }
  const failed = [first, second].find((c) => c?.error);
  if (failed?.error) {
    return {
      done: true,
      text: t('lab.clientFailed', { id: owner.lab, client: failed.id, code: failed.error.code }),
    };
  }
  return { done: false, text: t('lab.3a.connecting', { own: ownListenerText(l) }) };
}

/** In 3a run `owner`: the client being served and the one queued behind it, when both are. */
function servedAndQueued(snap: Snapshot, owner: LabRunRecord['owner']) {
  const clients = ownedClients(snap, owner).filter((c) => c.closedAt === null);
  const served = clients.find((c) => acceptedOf(snap, c)?.state === 'open');
  const queued = clients.find((c) => acceptedOf(snap, c)?.state === 'queued');
  const listener = served && acceptedOf(snap, served)?.listenerId;
  return served && queued && listener ? { served, queued, listener } : null;
}

export const GUIDED_LABS: readonly GuidedLab[] = [
  {
    id: '1',
    steps: [step('1', 1), step('1', 2), step('1', 3)],
    run(ctx) {
      const start = beginRun(ctx.lab, '1');
      // Each accept() returns its peer: none of the three may wait in a sequential queue.
      const setConcurrent = concurrentMode(ctx.lab);
      const host = labHost(ctx.listener);
      const l = ownListener(ctx.lab, host, start.owner, (port) => {
        for (let i = 0; i < 3; i++) ctx.lab.connect(host, port, { owner: start.owner });
      });
      return record('1', start, l, { setConcurrent });
    },
    status(run, snap) {
      const mode = run.setConcurrent ? [t('lab.setConcurrent')] : [];
      const l = ownedListeners(snap, run.owner)[0];
      const trouble = listenerTrouble(l);
      if (trouble || !l) return labLine(run, l?.state === 'failed', [...mode, trouble ?? '']);
      const clients = ownedClients(snap, run.owner);
      const ids = clients.map((c) => `#${c.id}`).join(', ');
      const failed = clients.find((c) => c.error && c.local.port === 0);
      if (failed?.error) {
        const code = failed.error.code;
        const text = t('lab.clientFailed', { id: '1', client: failed.id, code });
        return labLine(run, true, [...mode, text]);
      }
      const connected = clients.length === 3 && clients.every((c) => c.local.port > 0);
      if (!connected) {
        const text = t('lab.1.connecting', { ids, own: ownListenerText(l) });
        return labLine(run, false, [...mode, text]);
      }
      const ports = clients.map((c) => c.local.port).join(', ');
      // Naming the mode change leaves no room for the listener: it is the one selected.
      const done = run.setConcurrent
        ? t('lab.1.doneMode', { ids, ports })
        : t('lab.1.done', { own: ownListenerText(l), ids, ports });
      return labLine(run, true, [...mode, done]);
    },
    answerVars(ctx) {
      const r = machineFacts().range;
      const own = lastOwned(ctx.snap, '1');
      return {
        range: r ? `${r[0]}–${r[1]}` : 'ip_local_port_range',
        port: own?.boundPort ?? ctx.listener?.boundPort ?? 9999,
      };
    },
  },
  {
    id: '2a',
    steps: [step('2a', 1), step('2a', 2)],
    run(ctx) {
      const start = beginRun(ctx.lab, '2a');
      const host = labHost(ctx.listener);
      // Its own first listener, so the collision is with the lab's socket, not the user's;
      // the second binds the port the first got. The second is shown (selected): the result.
      const first = ctx.lab.listen(host, 0, { owner: start.owner });
      const second = ctx.lab.listen(host, 0, {
        owner: start.owner,
        wait: whenListening(ctx.lab, first),
      });
      return record('2a', start, second);
    },
    status(run, snap) {
      const [first, second] = ownedListeners(snap, run.owner);
      const trouble = listenerTrouble(first);
      if (trouble || !first) return labLine(run, first?.state === 'failed', [trouble ?? '']);
      const target = listenerTarget(first);
      if (!second || second.state === 'starting') {
        const binding = t('lab.2a.binding', { second: second?.id ?? '?', first: first.id, target });
        return labLine(run, false, [binding]);
      }
      const ids = { first: first.id, second: second.id, target };
      if (second.state === 'listening') return labLine(run, true, [t('lab.2a.bothListen', ids)]);
      const code = second.error?.code ?? t('errors.error');
      if (code === 'EADDRINUSE') return labLine(run, true, [t('lab.2a.inUse', ids)]);
      return labLine(run, true, [t('lab.2a.otherError', { ...ids, code })]);
    },
    answerVars: () => ({}),
  },
  {
    id: '2b',
    steps: [step('2b', 1)],
    run(ctx) {
      const start = beginRun(ctx.lab, '2b');
      // Port 700 may still be held by the last run's listener: bind once it is closed.
      const l = ctx.lab.listen(labHost(ctx.listener), 700, {
        owner: start.owner,
        wait: start.freed.then(() => undefined),
      });
      return record('2b', start, l);
    },
    status(run, snap) {
      const l = ownedListeners(snap, run.owner)[0];
      if (!l) return labLine(run, false, [t('lab.starting')]);
      const vars = { listener: l.id, target: listenerTarget(l), limit: machineFacts().limit };
      if (l.state === 'starting') return labLine(run, false, [t('lab.2b.binding', vars)]);
      if (l.state === 'listening') return labLine(run, true, [t('lab.2b.bound', vars)]);
      if (l.state === 'closed') return labLine(run, true, [t('lab.listenerClosed', vars)]);
      const code = l.error?.code ?? t('errors.error');
      if (code === 'EACCES') return labLine(run, true, [t('lab.2b.eacces', vars)]);
      return labLine(run, true, [t('lab.2b.otherError', { ...vars, code })]);
    },
    answerVars(ctx) {
      const l = lastOwned(ctx.snap, '2b');
      const here = !l
        ? t('lab.2b.notRun')
        : l.state === 'failed'
          ? (l.error?.code ?? t('errors.error'))
          : (l.note ?? listenerStateText(l.state));
      return { here };
    },
  },
  {
    id: '3',
    steps: [step('3', 1), step('3', 2), step('3', 3)],
    ...readsLab('3', FULL_BUFFER),
    answerVars: () => ({}),
  },
  {
    id: '3a',
    steps: [step('3a', 1), step('3a', 2)],
    run(ctx) {
      const start = beginRun(ctx.lab, '3a');
      const two = twoClients(ctx.lab, labHost(ctx.listener), start.owner);
      return record('3a', start, two.listener, {
        setBuffer: two.bufferSet ? FULL_BUFFER : undefined,
      });
    },
    status(run, snap) {
      const pair = pairStatus(snap, run.owner);
      const set = run.setBuffer
        ? t('lab.setSequentialBuffer', { bytes: formatCount(run.setBuffer) })
        : t('lab.setSequential');
      return labLine(run, pair.done, [set, pair.text]);
    },
    answerVars: () => ({}),
  },
  {
    id: '3b',
    steps: [step('3b', 1), step('3b', 2), step('3b', 3)],
    run(ctx) {
      const start = beginRun(ctx.lab, '3b');
      const last = ctx.lab.lastLabRun('3a');
      const pair = last && servedAndQueued(ctx.snap, last);
      if (last && pair) {
        // The queued client is read once served: with recv(1024), whatever 3c left.
        const setBuffer = fullBuffer(ctx.lab) ? FULL_BUFFER : undefined;
        ctx.lab.close(pair.served.id);
        return record('3b', start, pair.listener, {
          actedOn: last,
          pair: [pair.served.id, pair.queued.id],
          setBuffer,
        });
      }
      // Nothing of 3a's to act on (3a not run, its queue already moved, or the mode was
      // switched back): do 3a's steps, then close the served client once the other queues.
      const a = beginRun(ctx.lab, '3a');
      const two = twoClients(ctx.lab, labHost(ctx.listener), a.owner);
      void two.queued.then((ids) => {
        if (ids) ctx.lab.close(ids[0]);
      });
      return {
        ...record('3b', start, two.listener, {
          actedOn: a.owner,
          setUp: true,
          setBuffer: two.bufferSet ? FULL_BUFFER : undefined,
        }),
        released: { lab: '3a', count: a.released },
      };
    },
    status(run, snap) {
      const a = run.actedOn;
      if (!a) return labLine(run, true, []);
      const setUp = [
        ...(run.setUp ? [t('lab.3b.setUp')] : []),
        ...(run.setBuffer ? [t('lab.setBuffer', { bytes: formatCount(run.setBuffer) })] : []),
      ];
      const clients = ownedClients(snap, a);
      const [first, second] = run.pair
        ? run.pair.map((id) => clients.find((c) => c.id === id))
        : clients;
      const acc = second && acceptedOf(snap, second);
      if (first && second && acc?.state !== 'queued' && first.closedAt !== null) {
        const ids = { first: first.id, second: second.id };
        if (acc?.state === 'open' && second.bytesOut > 0 && acc.bytesIn >= second.bytesOut) {
          const bytes = formatCount(acc.bytesIn);
          return labLine(run, true, [...setUp, t('lab.3b.done', { ...ids, bytes })]);
        }
        return labLine(run, false, [...setUp, t('lab.3b.closing', ids)]);
      }
      if (first && second && acc?.state === 'queued') {
        return labLine(run, false, [
          ...setUp,
          t('lab.3b.closing', { first: first.id, second: second.id }),
        ]);
      }
      // Still doing lab 3a's steps, or they stopped: say where.
      const pair = pairStatus(snap, a);
      if (pair.done) return labLine(run, true, [...setUp, pair.text]);
      return labLine(run, false, [...setUp, t('lab.3b.waiting')]);
    },
    answerVars: () => ({}),
  },
  {
    id: '3c',
    steps: [step('3c', 1), step('3c', 2)],
    ...readsLab('3c', 5),
    answerVars: () => ({}),
  },
];

export function findLab(id: string): GuidedLab | undefined {
  return GUIDED_LABS.find((l) => l.id === id.toLowerCase());
}

export function labStepText(step: LabStep): string {
  return t(step.text);
}
