import type { Engine } from '../core/engine.js';
import { formatBytes, formatCount } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import type { LabOwner } from '../state/types.js';
import { type GuidedLab, record, step } from './labModel.js';
import { beginRun, labHost, nextEvent, ownListener } from './labRun.js';
import {
  acceptedOf,
  labLine,
  listenerTrouble,
  ownedClients,
  ownedListeners,
  ownListenerText,
} from './labStatus.js';

// Lab 4, flow control: a server that stops calling recv() while its client sends far more
// than the kernels buffer. Nothing is lost and nothing breaks: the receiver's window closes,
// the sender blocks; reading again (p) lets every byte through.

const CHUNK = 64 * 1024;
const REPEAT = 160;
/** 10 MiB: far more than loopback's receive and send buffers hold between them. */
export const FLOW_BYTES = CHUNK * REPEAT;
/** The lab reads with recv(65536) once resumed: the transfer is not a million tiny reads. */
const FLOW_BUFFER = 65_536;

/**
 * Pause the accepted end the moment it is accepted (the tap runs inside accept(), before any
 * read), then send FLOW_BYTES from the client.
 */
function pausedTransfer(
  engine: Engine,
  host: string,
  port: number,
  listener: number,
  owner: LabOwner,
): void {
  // Tapped before the connect: the lab's own listener accepts only this client.
  const stop = engine.store.tap({
    event: (e) => {
      if (e.type !== 'accepted' || e.listener !== listener) return;
      queueMicrotask(stop);
      engine.pauseReading(e.connection, true);
    },
  });
  const client = engine.connect(host, port, { owner });
  void nextEvent(
    engine,
    (e) =>
      (e.type === 'client-connected' || e.type === 'client-error' || e.type === 'closed') &&
      e.connection === client,
  ).then((e) => {
    if (e?.type !== 'client-connected') return stop();
    engine.send(client, Buffer.alloc(CHUNK, 0x78), { repeat: REPEAT });
  });
}

export const LAB_4: GuidedLab = {
  id: '4',
  steps: [step('4', 1), step('4', 2), step('4', 3)],
  run(ctx) {
    const start = beginRun(ctx.engine, '4');
    const setBuffer = ctx.engine.store.bufferSize !== FLOW_BUFFER;
    if (setBuffer) ctx.engine.setBufferSize(FLOW_BUFFER);
    const host = labHost(ctx.listener);
    const l = ownListener(ctx.engine, host, start.owner, (port, listener) =>
      pausedTransfer(ctx.engine, host, port, listener, start.owner),
    );
    return record('4', start, l, { setBuffer: setBuffer ? FLOW_BUFFER : undefined });
  },
  status(run, snap) {
    const parts = run.setBuffer ? [t('lab.setBuffer', { bytes: formatCount(run.setBuffer) })] : [];
    const l = ownedListeners(snap, run.owner)[0];
    const trouble = listenerTrouble(l);
    if (trouble || !l) return labLine(run, l?.state === 'failed', [...parts, trouble ?? '']);
    const c = ownedClients(snap, run.owner)[0];
    const a = c && acceptedOf(snap, c);
    if (c?.error && c.bytesOut === 0) {
      const text = t('lab.clientFailed', { id: '4', client: c.id, code: c.error.code });
      return labLine(run, true, [...parts, text]);
    }
    if (!c || !a) {
      return labLine(run, false, [...parts, t('lab.4.connecting', { own: ownListenerText(l) })]);
    }
    const vars = {
      conn: a.id,
      client: c.id,
      sent: formatBytes(c.bytesOut),
      read: formatBytes(a.bytesIn),
      total: formatBytes(FLOW_BYTES),
      held: formatBytes(c.writeWaiting ?? 0),
      ahead: formatBytes(a.heldUnread ?? 0),
    };
    if (a.bytesIn >= FLOW_BYTES) return labLine(run, true, [...parts, t('lab.4.done', vars)]);
    if (a.readPaused) {
      const key = c.writeWaiting === null ? 'lab.4.filling' : 'lab.4.blocked';
      return labLine(run, true, [...parts, t(key, vars)]);
    }
    return labLine(run, false, [...parts, t('lab.4.draining', vars)]);
  },
  answerVars: () => ({ total: formatBytes(FLOW_BYTES) }),
};
