// Lab 3d: the lab's message to a TCP listener and to a UDP socket, both at a 5-byte buffer,
// side by side — 6 reads of 28 B in all against 1 datagram, 5 B kept and 23 B lost.
import { escapeBytes } from '../format/escapeBytes.js';
import { formatCount } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import { keptText } from '../i18n/udpText.js';
import type { ConnectionView, LabOwner, Snapshot } from '../state/types.js';
import { recvfrom } from '../udp/recvfrom.js';
import type { UdpSocketView } from '../udp/udpTypes.js';
import { type GuidedLab, record, step } from './labModel.js';
import { beginRun, clientSending, LAB_MESSAGE, labHost, nextEvent, ownListener } from './labRun.js';
import { labLine, listenerTrouble, ownedListeners } from './labStatus.js';

const BUFFER = 5;

const same = (a: LabOwner | null, b: LabOwner) => a?.lab === b.lab && a.run === b.run;

/** What one run of 3d shows: its TCP listener's accepted connection, its UDP socket. */
interface Sides {
  listener: number | null;
  tcp: ConnectionView | undefined;
  udp: UdpSocketView | undefined;
}

function sides(snap: Snapshot, owner: LabOwner): Sides {
  const l = ownedListeners(snap, owner)[0];
  const tcp = l
    ? snap.connections.find((c) => c.kind === 'accepted' && c.listenerId === l.id)
    : undefined;
  const udp = snap.udp?.find((u) => u.kind === 'socket' && same(u.owner, owner));
  return { listener: l?.id ?? null, tcp, udp };
}

/** The latest run's owner, from what it left in the snapshot. */
function latestOwner(snap: Snapshot): LabOwner | null {
  let run = 0;
  for (const l of snap.listeners) if (l.owner?.lab === '3d') run = Math.max(run, l.owner.run);
  return run ? { lab: '3d', run } : null;
}

export interface SideBySide {
  left: string[];
  right: string[];
  note: string;
}

/** The two columns the lab panel draws once 3d has run (null before). */
export function sideBySide(snap: Snapshot): SideBySide | null {
  const owner = latestOwner(snap);
  if (!owner) return null;
  const s = sides(snap, owner);
  const left = [t('lab.3d.tcpHead', { id: s.listener ?? '?', buffer: BUFFER })];
  const reads = s.tcp?.recentReads ?? [];
  if (s.tcp && s.tcp.reads > 0) {
    left.push(
      t('lab.3d.tcpReads', {
        bytes: formatCount(s.tcp.bytesIn),
        reads: formatCount(s.tcp.reads),
        // The read ring follows the counters by a frame in the engine thread's deltas.
        sizes: reads.length > 0 ? reads.map((r) => r.size).join(' ') : '…',
      }),
    );
    for (const r of reads.slice(-8)) {
      left.push(t('lab.3d.tcpRead', { size: r.size, text: escapeBytes(r.preview) }));
    }
  } else left.push(t('lab.3d.waiting'));
  const right = [t('lab.3d.udpHead', { id: s.udp?.id ?? '?', buffer: BUFFER })];
  const d = s.udp?.datagrams.at(-1);
  if (s.udp && d) {
    const r = recvfrom(d.bytes, d.buffer, process.platform);
    right.push(t('lab.3d.udpDatagrams', { count: s.udp.datagramsIn, bytes: d.bytes }));
    right.push(t('lab.3d.udpKept', { kept: r.kept, text: keptText(d.preview, r.kept) }));
    if (r.discarded > 0) right.push(t('lab.3d.udpLost', { discarded: r.discarded }));
  } else right.push(t('lab.3d.waiting'));
  return { left, right, note: t('lab.3d.computed') };
}

export const LAB_3D: GuidedLab = {
  id: '3d',
  steps: [step('3d', 1), step('3d', 2), step('3d', 3)],
  run(ctx) {
    const { engine } = ctx;
    const start = beginRun(engine, '3d');
    engine.setBufferSize(BUFFER);
    const host = labHost(ctx.listener);
    const l = ownListener(engine, host, start.owner, (port) =>
      clientSending(engine, host, port, start.owner),
    );
    const u = engine.udp.open(host, 0, { owner: start.owner });
    void nextEvent(
      engine,
      (e) => (e.type === 'udp-listening' || e.type === 'udp-bind-error') && e.socket === u,
    ).then((e) => {
      if (e?.type !== 'udp-listening') return;
      engine.udp.client(host, e.port, { owner: start.owner, send: Buffer.from(LAB_MESSAGE) });
    });
    return record('3d', start, l, { setBuffer: BUFFER });
  },
  status(run, snap) {
    const parts = [t('lab.setBuffer', { bytes: formatCount(BUFFER) })];
    const trouble = listenerTrouble(ownedListeners(snap, run.owner)[0]);
    if (trouble) return labLine(run, trouble.includes('failed'), [...parts, trouble]);
    const s = sides(snap, run.owner);
    if (s.udp?.state === 'failed') {
      const code = s.udp.error?.code ?? t('errors.error');
      return labLine(run, true, [...parts, t('lab.3d.udpFailed', { id: s.udp.id, code })]);
    }
    const d = s.udp?.datagrams.at(-1);
    const tcpDone = s.tcp !== undefined && s.tcp.bytesIn >= LAB_MESSAGE.length;
    if (!tcpDone || !s.udp || !d || !s.tcp) {
      const sending = t('lab.3d.sending', {
        tcp: `#${s.listener ?? '?'}`,
        udp: `udp #${s.udp?.id ?? '?'}`,
      });
      return labLine(run, false, [...parts, sending]);
    }
    const r = recvfrom(d.bytes, d.buffer, process.platform);
    const done = t('lab.3d.done', {
      tcpBytes: s.tcp.bytesIn,
      tcpReads: s.tcp.reads,
      datagrams: s.udp.datagramsIn,
      udpBytes: d.bytes,
      kept: r.kept,
      discarded: r.discarded,
    });
    return labLine(run, true, [...parts, done]);
  },
  compare: sideBySide,
  answerVars: () => ({}),
};
