import { formatCount } from '../format/units.js';
import { t } from '../i18n/i18n.js';

/** `[HOST:]PORT` as typed on the command line or in a prompt; IPv6 as `[::1]:PORT`. */
export interface Endpoint {
  host: string;
  port: number;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 9999;
/** The longest host name DNS allows (RFC 1035: 255 octets on the wire, 253 characters written). */
export const MAX_HOST = 253;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function parsePort(text: string): Parsed<number> {
  const port = text.trim();
  if (!/^\d+$/.test(port)) return { ok: false, error: t('endpoint.notNumber', { port }) };
  const n = Number(port);
  if (n > 65_535) return { ok: false, error: t('endpoint.outOfRange', { port }) };
  return { ok: true, value: n };
}

export function parseEndpoint(text: string, defaultHost = DEFAULT_HOST): Parsed<Endpoint> {
  const typed = text.trim();
  if (typed === '') return { ok: false, error: t('endpoint.empty') };
  let host = defaultHost;
  let portText = typed;
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(typed);
  if (v6) {
    host = v6[1];
    portText = v6[2];
  } else if (typed.startsWith('[')) {
    // The brackets are there; what is wrong is after (or instead of) the "]".
    const closed = /^\[([^\]]*)\]$/.exec(typed);
    if (closed) return { ok: false, error: t('endpoint.noPort', { text: typed, host: closed[1] }) };
    if (!typed.includes(']')) return { ok: false, error: t('endpoint.unclosed', { text: typed }) };
    return { ok: false, error: t('endpoint.afterBracket', { text: typed }) };
  } else if (typed.includes(':')) {
    const i = typed.lastIndexOf(':');
    host = typed.slice(0, i);
    portText = typed.slice(i + 1);
    if (host.includes(':')) return { ok: false, error: t('endpoint.ipv6', { text: typed }) };
  }
  if (host === '') return { ok: false, error: t('endpoint.emptyHost', { text: typed }) };
  // Before anything quotes the host back: an error line must not carry 100 KB of it.
  const length = [...host].length;
  if (length > MAX_HOST)
    return { ok: false, error: t('endpoint.hostTooLong', { length: formatCount(length) }) };
  // Spaces only: a tab or a line separator is not a space to the reader; the resolver
  // refuses those and the error says the name is not valid.
  if (/\p{Zs}/u.test(host)) return { ok: false, error: t('endpoint.hostSpaces', { host }) };
  const port = parsePort(portText);
  if (!port.ok) {
    return { ok: false, error: portText === typed ? port.error : `"${typed}": ${port.error}` };
  }
  return { ok: true, value: { host, port: port.value } };
}
