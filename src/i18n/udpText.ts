// UDP's words: what recvfrom(N) would do to a datagram, its headless lines, its errors.
import { formatAddress } from '../format/address.js';
import { escapeBytes } from '../format/escapeBytes.js';
import { formatCount } from '../format/units.js';
import type { Endpoint, ErrorInfo } from '../state/types.js';
import { recvfrom } from '../udp/recvfrom.js';
import type { UdpPortRow } from '../udp/udpKernel.js';
import type { UdpEvent, UdpSocketView } from '../udp/udpTypes.js';
import { t } from './i18n.js';
import { endpointText, holderText, ownerText } from './kernelText.js';

const at = (e: Endpoint) => formatAddress(e.address, e.port);

const STATE = {
  starting: 'udp.state.starting',
  listening: 'udp.state.listening',
  closed: 'udp.state.closed',
  failed: 'udp.state.failed',
} as const;

/** "bound", "failed EADDRINUSE"… */
export function udpStateText(u: UdpSocketView): string {
  return u.state === 'failed'
    ? t('udp.state.failed', { code: u.error?.code ?? '' })
    : t(STATE[u.state]);
}

/** The kept bytes as escaped text ("…" past the preview socklab keeps). */
export function keptText(preview: Uint8Array, kept: number): string {
  const shown = Math.min(kept, preview.length);
  return escapeBytes(preview, 0, shown) + (kept > shown ? '…' : '');
}

/** "recvfrom(5) returns 5 B "Estou", 23 B discarded" for a datagram of `bytes`. */
export function recvfromText(
  bytes: number,
  buffer: number,
  preview: Uint8Array,
  platform: string = process.platform,
): string {
  const r = recvfrom(bytes, buffer, platform);
  const text = keptText(preview, r.kept);
  // buffer is code, recvfrom(N): its digits stay raw; the sizes are figures.
  if (r.discarded === 0) {
    return t('udp.recvfrom.all', { buffer, bytes: formatCount(bytes), kept: text });
  }
  const vars = { buffer, kept: formatCount(r.kept), text, discarded: formatCount(r.discarded) };
  return t(r.fails ? 'udp.recvfrom.win' : 'udp.recvfrom.cut', vars);
}

/** The line on screen saying where the recvfrom figures come from. */
export const computedNote = (buffer: number, platform: string = process.platform) =>
  t('udp.computed', { buffer, os: t(platform === 'win32' ? 'udp.os.win' : 'udp.os.unix') });

/** UDP's own explanation of an error, or null where the TCP one says it as well. */
export function explainUdp(info: ErrorInfo, where: string): string | null {
  switch (info.code) {
    case 'EADDRINUSE':
      // Who holds it, when the kernel's view could say (as for TCP); else the general case.
      return (
        (info.holder ? holderText(where, info.holder) : t('errno.EADDRINUSE.udp', { where })) +
        t('errno.EADDRINUSE.udpShare')
      );
    case 'EMSGSIZE':
      return t('errno.EMSGSIZE', { where });
    case 'ECONNREFUSED':
      return t('errno.ECONNREFUSED.udp', { where });
    default:
      return null;
  }
}

/** A headless line (the explanation is added by the caller, which has explainError). */
export function udpLine(e: UdpEvent, explain: (i: ErrorInfo) => string): string {
  switch (e.type) {
    case 'udp-listening':
      return t(e.kind === 'client' ? 'line.udpClientBound' : 'line.udpListening', {
        socket: e.socket,
        address: formatAddress(e.address, e.port),
      });
    case 'udp-bind-error':
      return t('line.udpBindError', {
        socket: e.socket,
        address: formatAddress(e.address ?? '?', e.port ?? 0),
        code: e.code,
        syscall: e.syscall ?? '?',
        explanation: explain(e),
      });
    case 'udp-error':
      return t('line.udpError', {
        socket: e.socket,
        code: e.code,
        syscall: e.syscall ?? '?',
        explanation: explain(e),
      });
    case 'udp-connected':
      return t('line.udpConnected', { socket: e.socket, local: at(e.local), peer: at(e.peer) });
    case 'datagram':
      return t('line.datagram', {
        socket: e.socket,
        from: at(e.from),
        bytes: formatCount(e.bytes),
        recvfrom: recvfromText(e.bytes, e.buffer, e.preview),
      });
    case 'udp-sent':
      return t('line.udpSent', { socket: e.socket, to: at(e.to), bytes: formatCount(e.bytes) });
    case 'udp-closed':
      return t('line.udpClosed', { socket: e.socket });
  }
}

/** A UDP socket's row in the ports view, `ss -uanp`'s columns: UNCONN, or ESTAB once connect()ed. */
export function udpPortRowText(r: UdpPortRow): string {
  const s = r.socket;
  return [
    (s.remote.port === 0 ? 'UNCONN' : 'ESTAB').padEnd(10),
    String(s.rxQueue).padStart(6),
    String(s.txQueue).padStart(6),
    endpointText(s.local).padEnd(22),
    endpointText(s.remote, true).padEnd(22),
    r.mine !== null ? t('udp.ports.mine', { id: r.mine }) : ownerText(r.owner),
  ].join(' ');
}

/** What the kernel holds for a UDP socket, in a sentence of the ports view. */
export function udpPortExplain(r: UdpPortRow): string {
  const s = r.socket;
  if (s.rxQueue === 0 && s.drops === 0) return t('udp.ports.idle');
  return t('udp.ports.explain', { rx: formatCount(s.rxQueue), drops: formatCount(s.drops) });
}
