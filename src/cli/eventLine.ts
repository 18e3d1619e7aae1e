import { formatAddress } from '../format/address.js';
import { escapeText } from '../format/escapeBytes.js';
import { formatClock, formatCount } from '../format/units.js';
import { explainError } from '../i18n/explainError.js';
import { faultText } from '../i18n/faultText.js';
import { t } from '../i18n/i18n.js';
import { closeReasonText } from '../i18n/labels.js';
import { portNoteText } from '../i18n/portNoteText.js';
import { refusedReason } from '../i18n/refusedReason.js';
import { udpLine } from '../i18n/udpText.js';
import { ssName } from '../kernel/tcpStates.js';
import type { Endpoint, EngineEvent } from '../state/types.js';

const at = (e: Endpoint) => formatAddress(e.address, e.port);

/**
 * One readable line per event, for people watching headless output, in the user's language
 * (the event type stays a code, as in NDJSON). Controls are escaped; our own text keeps its
 * "—" and accents (bytes from the network never get here: reads go through readLine with an
 * escaped preview).
 */
export function eventLine(e: EngineEvent): string {
  return `${formatClock(e.time)}  ${e.type.padEnd(16)} ${escapeText(describe(e))}`;
}

export function readLine(
  time: number,
  conn: number,
  bytes: number,
  preview: string,
  side: 'client' | 'server',
): string {
  const text = t('line.read', {
    connection: conn,
    side: t(`side.${side}`),
    bytes: formatCount(bytes),
    preview,
  });
  return `${formatClock(time)}  ${'read'.padEnd(16)} ${text}`;
}

function describe(e: EngineEvent): string {
  switch (e.type) {
    case 'listening': {
      const line = t('line.listening', { listener: e.listener, address: at(e) });
      return e.note ? `${line} — ${portNoteText(e.note)}` : line;
    }
    case 'bind-error':
      return t('line.bindError', {
        listener: e.listener,
        address: formatAddress(e.address ?? '?', e.port ?? 0),
        code: e.code,
        syscall: e.syscall ?? '?',
        explanation: explainError(e),
      });
    case 'accept-error':
      return t('line.acceptError', {
        listener: e.listener,
        code: e.code,
        syscall: e.syscall ?? '?',
        explanation: explainError(e),
      });
    case 'listener-closed':
      return t('line.listenerClosed', { listener: e.listener });
    case 'accepted': {
      const ids = { connection: e.connection, listener: e.listener, local: at(e.local) };
      const line = !e.peer
        ? t('line.acceptedUnknownPeer', ids)
        : t('line.accepted', {
            ...ids,
            peer: at(e.peer),
            peerPort: e.peer.port,
          });
      return e.client ? `${line} — ${t('line.accepted.client', { client: e.client })}` : line;
    }
    case 'queued':
      return t('line.queued', {
        connection: e.connection,
        listener: e.listener,
        position: e.position,
      });
    case 'dequeued':
      return t('line.dequeued', { connection: e.connection, listener: e.listener });
    case 'refused':
      return t('line.refused', {
        listener: e.listener,
        peer: e.peer ? at(e.peer) : t('conns.peerUnknown'),
        reason: refusedReason(e.cap),
      });
    case 'peer-closed':
      return t('line.peerClosed', { connection: e.connection });
    case 'closed':
      return t('line.closed', {
        connection: e.connection,
        how: closeReasonText(e.reason, e.code),
        bytesIn: formatCount(e.bytesIn),
        reads: formatCount(e.reads),
        bytesOut: formatCount(e.bytesOut),
      });
    case 'reset':
      return t('line.reset', { connection: e.connection });
    case 'connection-error':
      return t('line.connectionError', {
        connection: e.connection,
        code: e.code,
        explanation: explainError(e),
      });
    case 'client-connecting':
      return t('line.clientConnecting', { connection: e.connection, target: e.target });
    case 'client-connected':
      return t('line.clientConnected', {
        connection: e.connection,
        port: e.local.port,
        local: at(e.local),
        peer: at(e.peer),
      });
    case 'client-error':
      return t('line.clientError', {
        connection: e.connection,
        target: e.target,
        code: e.code,
        explanation: explainError(e),
      });
    case 'sent':
      return t('line.sent', { connection: e.connection, bytes: formatCount(e.bytes) });
    case 'write-blocked':
      return t('line.writeBlocked', { connection: e.connection, waiting: formatCount(e.waiting) });
    case 'write-unblocked':
      return t('line.writeUnblocked', { connection: e.connection });
    case 'read-paused':
      return t('line.readPaused', { connection: e.connection, held: formatCount(e.held) });
    case 'read-resumed':
      return t('line.readResumed', { connection: e.connection });
    case 'half-closed':
      return t('line.halfClosed', { connection: e.connection });
    case 'buffer-changed':
      return t('line.bufferChanged', { bytes: formatCount(e.bytes) });
    case 'mode-changed':
      return t(e.mode === 'sequential' ? 'line.modeSequential' : 'line.modeConcurrent');
    case 'echo-changed':
      return t(e.echo ? 'line.echoOn' : 'line.echoOff', { listener: e.listener });
    case 'half-open-changed':
      return t(e.halfOpen ? 'line.halfOpenOn' : 'line.halfOpenOff', { listener: e.listener });
    case 'tcp-state':
      return e.state === null
        ? t('kernel.line.tcpGone', { connection: e.connection })
        : t('kernel.line.tcpState', { ...e, state: ssName(e.state) });
    case 'proxy-opened':
      return t('line.proxyOpened', { ...e, target: at(e.target) });
    case 'fault-changed':
      return t('line.faultChanged', { ...e, faults: faultText(e.faults) });
    case 'udp-listening':
    case 'udp-bind-error':
    case 'udp-error':
    case 'udp-connected':
    case 'datagram':
    case 'udp-sent':
    case 'udp-closed':
      return udpLine(e, explainError);
  }
}
