// The kernel's view in words: rows' kernel columns, each socket's one-line explanation, owners,
// who holds a port. Anything from outside (command lines) goes through escapeText.
import { formatAddress } from '../format/address.js';
import { escapeText } from '../format/escapeBytes.js';
import { formatCount } from '../format/units.js';
import type { Mine, PortRow } from '../kernel/portsReport.js';
import { ssName } from '../kernel/tcpStates.js';
import type { Availability, KernelSocket, Owner } from '../kernel/types.js';
import type { KernelConnView, PortHolder } from '../state/types.js';
import { type MessageKey, t } from './i18n.js';

/**
 * A connection row's kernel column as `ss` would say it: "TIME-WAIT", "ESTAB Recv-Q 28";
 * without the state when the row's own state already says it (`implied`: "Recv-Q 28").
 */
export function kernelColumn(k: KernelConnView, implied = false): string {
  const parts = implied ? [] : [ssName(k.state)];
  if (k.recvQ > 0) parts.push(t('kernel.recvQ', { bytes: k.recvQ }));
  if (k.sendQ > 0) parts.push(t('kernel.sendQ', { bytes: k.sendQ }));
  return parts.join(' ');
}

/** Why there is no kernel view here, in a sentence. */
export function unavailableText(
  a: Availability,
  procRoot = '/proc',
  platform = process.platform,
): string {
  if (a.ok) return '';
  return t(`kernel.why.${a.why}` as MessageKey, { platform, path: procRoot });
}

/** One line saying what the socket's state and queues mean. */
export function explainSocket(s: KernelSocket): string {
  switch (s.state) {
    case 'LISTEN':
      return s.recvQ === 0
        ? t('kernel.explain.LISTEN.0')
        : t(s.recvQ === 1 ? 'kernel.explain.LISTEN.1' : 'kernel.explain.LISTEN.n', {
            count: formatCount(s.recvQ),
          });
    case 'ESTABLISHED':
    case 'CLOSE_WAIT': {
      // A server-side connection no one accept()ed yet has no inode (a client's has one from socket()).
      if (s.state === 'ESTABLISHED' && s.inode === 0) {
        return s.recvQ > 0
          ? t('kernel.explain.waitingBytes', { bytes: formatCount(s.recvQ) })
          : t('kernel.explain.waiting');
      }
      const queues = queuesText(s);
      if (s.state === 'CLOSE_WAIT')
        return queues
          ? `${t('kernel.explain.CLOSE_WAIT')}; ${queues}`
          : t('kernel.explain.CLOSE_WAIT');
      return queues || t('kernel.explain.ESTABLISHED');
    }
    default:
      return t(`kernel.explain.${s.state}` as MessageKey);
  }
}

function queuesText(s: KernelSocket): string {
  if (s.recvQ > 0 && s.sendQ > 0)
    return t('kernel.explain.both', { recv: formatCount(s.recvQ), send: formatCount(s.sendQ) });
  if (s.recvQ > 0) return t('kernel.explain.recvQ', { bytes: formatCount(s.recvQ) });
  if (s.sendQ > 0) return t('kernel.explain.sendQ', { bytes: formatCount(s.sendQ) });
  return '';
}

/** "python3 (pid 4242: python3 servidor.py)", "this socklab, listener #1", "another user's process". */
export function ownerText(owner: Owner, mine: Mine | null = null): string {
  if (mine) {
    if (mine.kind === 'listener') return t('kernel.mine.listener', { id: mine.id });
    if (mine.client) {
      return t(mine.closed ? 'kernel.mine.clientClosed' : 'kernel.mine.client', { id: mine.id });
    }
    return t(mine.closed ? 'kernel.mine.closed' : 'kernel.mine.connection', { id: mine.id });
  }
  if (owner.pid === null) return t(`kernel.owner.${owner.why}` as MessageKey);
  return t('kernel.owner.pid', {
    name: escapeText(owner.name),
    pid: owner.pid,
    command: escapeText(owner.command),
  });
}

export function endpointText(e: { address: string; port: number }, remote = false): string {
  if (remote && e.port === 0) return `${formatAddress(e.address, 0).replace(/:0$/, ':*')}`;
  return formatAddress(e.address, e.port);
}

/** One socket as a row of `socklab ports` and the ports view, ss's columns first. */
export function portRowText(r: PortRow): string {
  const s = r.socket;
  const backlog = r.mine?.kind === 'listener' ? r.mine.backlog : null;
  return [
    ssName(s.state).padEnd(10),
    String(s.recvQ).padStart(6),
    // /proc has no backlog: ss shows it as a LISTEN's Send-Q; socklab knows its own.
    (s.state === 'LISTEN' ? (backlog ?? '-') : String(s.sendQ)).toString().padStart(6),
    endpointText(s.local).padEnd(22),
    endpointText(s.remote, true).padEnd(22),
    ownerText(r.owner, r.mine),
  ].join(' ');
}

/** What an EADDRINUSE adds about who holds the port; null when the kernel said nothing. */
export function holderText(where: string, h: PortHolder): string {
  const state = h.state;
  if (h.pid === null) {
    if (h.state === 'TIME_WAIT') return t('kernel.holder.timeWait', { where });
    const key = h.unknown === 'other-user' ? 'kernel.holder.hidden' : 'kernel.holder.unknown';
    return t(key, { where, state }) + t('kernel.holder.tail');
  }
  const text =
    h.udp != null
      ? t('kernel.holder.selfUdp', { where, socket: h.udp, state })
      : h.listener !== null
        ? t('kernel.holder.self', { where, listener: h.listener, state })
        : t('kernel.holder.pid', {
            where,
            name: escapeText(h.name ?? '?'),
            pid: h.pid,
            command: escapeText(h.command ?? '?'),
            state,
          });
  return text + t('kernel.holder.tail');
}
