import { formatCount } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import { listenerStateText } from '../i18n/labels.js';
import { portNoteText } from '../i18n/portNoteText.js';
import { LAB_4 } from './flowLab.js';
import { type GuidedLab, lastOwned, machineFacts, record, step } from './labModel.js';
import {
  beginRun,
  clientSending,
  concurrentMode,
  FULL_BUFFER,
  labHost,
  ownListener,
  whenListening,
} from './labRun.js';
import {
  clientSent,
  labLine,
  listenerTarget,
  listenerTrouble,
  ownedClients,
  ownedListeners,
  ownListenerText,
} from './labStatus.js';
import { LAB_3A, LAB_3B } from './queueLabs.js';
import { LAB_3D } from './udpLab.js';

export {
  type AnswerContext,
  type GuidedLab,
  type LabStep,
  labStepText,
  labText,
  labTitle,
  labWrong,
  type RunContext,
} from './labModel.js';
export { LAB_MESSAGE } from './labRun.js';
export type { LabRunRecord } from './labStatus.js';

/** Labs 3 and 3c: set the buffer (for every listener: say so), one client sends the message. */
function readsLab(id: string, bytes: number): Pick<GuidedLab, 'run' | 'status'> {
  return {
    run(ctx) {
      const start = beginRun(ctx.engine, id);
      ctx.engine.setBufferSize(bytes);
      const host = labHost(ctx.listener);
      const l = ownListener(ctx.engine, host, start.owner, (port) =>
        clientSending(ctx.engine, host, port, start.owner),
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

export const GUIDED_LABS: readonly GuidedLab[] = [
  {
    id: '1',
    steps: [step('1', 1), step('1', 2), step('1', 3)],
    run(ctx) {
      const start = beginRun(ctx.engine, '1');
      // Each accept() returns its peer: none of the three may wait in a sequential queue.
      const setConcurrent = concurrentMode(ctx.engine);
      const host = labHost(ctx.listener);
      const l = ownListener(ctx.engine, host, start.owner, (port) => {
        for (let i = 0; i < 3; i++) ctx.engine.connect(host, port, { owner: start.owner });
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
      const start = beginRun(ctx.engine, '2a');
      const host = labHost(ctx.listener);
      // Its own first listener, so the collision is with the lab's socket, not the user's;
      // the second binds the port the first got. The second is shown (selected): the result.
      const first = ctx.engine.listen(host, 0, { owner: start.owner });
      const second = ctx.engine.listen(host, 0, {
        owner: start.owner,
        wait: whenListening(ctx.engine, first),
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
      const start = beginRun(ctx.engine, '2b');
      // Port 700 may still be held by the last run's listener: bind once it is closed.
      const l = ctx.engine.listen(labHost(ctx.listener), 700, {
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
          : l.note
            ? portNoteText(l.note)
            : listenerStateText(l.state);
      return { here };
    },
  },
  {
    id: '3',
    steps: [step('3', 1), step('3', 2), step('3', 3)],
    ...readsLab('3', FULL_BUFFER),
    answerVars: () => ({}),
  },
  LAB_3A,
  LAB_3B,
  {
    id: '3c',
    steps: [step('3c', 1), step('3c', 2)],
    ...readsLab('3c', 5),
    answerVars: () => ({}),
  },
  LAB_3D,
  LAB_4,
];

export function findLab(id: string): GuidedLab | undefined {
  return GUIDED_LABS.find((l) => l.id === id.toLowerCase());
}
