import { formatAddress } from '../format/address.js';
import { escapeText } from '../format/escapeBytes.js';
import { formatClock } from '../format/units.js';
import type { Endpoint, EngineEvent } from '../state/types.js';

const at = (e: Endpoint) => formatAddress(e.address, e.port);

/**
 * One readable line per event, for people watching headless output. Controls are escaped;
 * our own text keeps its "—" and accents (bytes from the network never get here: reads go
 * through readLine with an escaped preview).
 */
export function eventLine(e: EngineEvent): string {
  return `${formatClock(e.time)}  ${e.type.padEnd(16)} ${escapeText(describe(e))}`;
}

export function readLine(
  time: number,
  conn: number,
  bytes: number,
  preview: string,
  side: string,
): string {
  return `${formatClock(time)}  ${'read'.padEnd(16)} conn ${conn} (${side}) ${bytes} B "${preview}"`;
}

function describe(e: EngineEvent): string {
  switch (e.type) {
    case 'listening':
      return `listener ${e.listener} on ${formatAddress(e.address, e.port)}${e.note ? ` — ${e.note}` : ''}`;
    case 'bind-error':
      return `listener ${e.listener} ${formatAddress(e.address ?? '?', e.port ?? 0)} ${e.code} (${e.syscall ?? '?'}): ${e.explanation}`;
    case 'accept-error':
      return `listener ${e.listener} could not accept a connection: ${e.code} (${e.syscall ?? '?'}): ${e.explanation}`;
    case 'listener-closed':
      return `listener ${e.listener}`;
    case 'accepted':
      return `conn ${e.connection} on listener ${e.listener} from ${at(e.peer)} (peer's ephemeral port ${e.peer.port}) to ${at(e.local)}${e.client ? ` — socklab client ${e.client}` : ''}`;
    case 'queued':
      return `conn ${e.connection} waits in listener ${e.listener}'s queue at position ${e.position}`;
    case 'dequeued':
      return `conn ${e.connection} is now served by listener ${e.listener}`;
    case 'refused':
      return `listener ${e.listener} refused ${at(e.peer)}: ${e.reason}`;
    case 'peer-closed':
      return `conn ${e.connection}: the peer sent FIN (read returned 0 bytes)`;
    case 'closed':
      return `conn ${e.connection}: ${e.bytesIn} B in (${e.reads} reads), ${e.bytesOut} B out`;
    case 'reset':
      return `conn ${e.connection}: RST`;
    case 'connection-error':
      return `conn ${e.connection} ${e.code}: ${e.explanation}`;
    case 'client-connecting':
      return `client ${e.connection} to ${e.target}`;
    case 'client-connected':
      return `client ${e.connection} from local port ${e.local.port} (${at(e.local)}) to ${at(e.peer)}`;
    case 'client-error':
      return `client ${e.connection} to ${e.target} ${e.code}: ${e.explanation}`;
    case 'sent':
      return `conn ${e.connection} ${e.bytes} B`;
    case 'write-blocked':
      return `conn ${e.connection}: blocked by the peer's window, ${e.waiting} B waiting (reads of echoed data and repeats paused)`;
    case 'write-unblocked':
      return `conn ${e.connection}: the peer's window opened, writing again`;
    case 'half-closed':
      return `conn ${e.connection}: sent FIN, can still read`;
    case 'buffer-changed':
      return `reads now take at most ${e.bytes} B`;
    case 'mode-changed':
      return e.mode === 'sequential'
        ? 'sequential: one connection at a time'
        : 'concurrent: every connection served';
    case 'echo-changed':
      return `listener ${e.listener} echo ${e.echo ? 'on' : 'off'}`;
  }
}
