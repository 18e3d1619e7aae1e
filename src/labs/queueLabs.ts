import { formatCount } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import type { Snapshot } from '../state/types.js';
import { type GuidedLab, record, step } from './labModel.js';
import { beginRun, FULL_BUFFER, fullBuffer, labHost, twoClients } from './labRun.js';
import {
  acceptedOf,
  type LabRunRecord,
  labLine,
  listenerTrouble,
  ownedClients,
  ownedListeners,
  ownListenerText,
} from './labStatus.js';

// Labs 3a and 3b, the one-at-a-time server: 3a queues a second client behind the first,
// 3b closes the first so the queued one is served. 3b reads 3a's runs, so they live together.

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

export const LAB_3A: GuidedLab = {
  id: '3a',
  steps: [step('3a', 1), step('3a', 2)],
  run(ctx) {
    const start = beginRun(ctx.engine, '3a');
    const two = twoClients(ctx.engine, labHost(ctx.listener), start.owner);
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
};

export const LAB_3B: GuidedLab = {
  id: '3b',
  steps: [step('3b', 1), step('3b', 2), step('3b', 3)],
  run(ctx) {
    const start = beginRun(ctx.engine, '3b');
    const last = ctx.engine.lastLabRun('3a');
    const pair = last && servedAndQueued(ctx.snap, last);
    if (last && pair) {
      // The queued client is read once served: with recv(1024), whatever 3c left.
      const setBuffer = fullBuffer(ctx.engine) ? FULL_BUFFER : undefined;
      ctx.engine.close(pair.served.id);
      return record('3b', start, pair.listener, {
        actedOn: last,
        pair: [pair.served.id, pair.queued.id],
        setBuffer,
      });
    }
    // Nothing of 3a's to act on (3a not run, its queue already moved, or the mode was
    // switched back): do 3a's steps, then close the served client once the other queues.
    const a = beginRun(ctx.engine, '3a');
    const two = twoClients(ctx.engine, labHost(ctx.listener), a.owner);
    void two.queued.then((ids) => {
      if (ids) ctx.engine.close(ids[0]);
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
};
