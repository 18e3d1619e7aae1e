/** `[HOST:]PORT` as typed on the command line or in a prompt; IPv6 as `[::1]:PORT`. */
export interface Endpoint {
  host: string;
  port: number;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 9999;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function parsePort(text: string): Parsed<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t)) {
    return { ok: false, error: `port "${t}" is not a number: use 0–65535 (0 lets the OS pick)` };
  }
  const n = Number(t);
  if (n > 65_535) {
    return { ok: false, error: `port ${t} is out of range: use 0–65535 (0 lets the OS pick)` };
  }
  return { ok: true, value: n };
}

export function parseEndpoint(text: string, defaultHost = DEFAULT_HOST): Parsed<Endpoint> {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'empty address: type [HOST:]PORT, e.g. 127.0.0.1:9999' };
  let host = defaultHost;
  let portText = t;
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(t);
  if (v6) {
    host = v6[1];
    portText = v6[2];
  } else if (t.includes(':')) {
    const i = t.lastIndexOf(':');
    host = t.slice(0, i);
    portText = t.slice(i + 1);
    if (host.includes(':')) {
      return { ok: false, error: `"${t}": write an IPv6 address in brackets, e.g. [::1]:9999` };
    }
  }
  if (host === '') return { ok: false, error: `"${t}" has an empty host: type [HOST:]PORT` };
  if (/\s/.test(host)) return { ok: false, error: `host "${host}" contains spaces` };
  const port = parsePort(portText);
  if (!port.ok) return { ok: false, error: portText === t ? port.error : `"${t}": ${port.error}` };
  return { ok: true, value: { host, port: port.value } };
}
