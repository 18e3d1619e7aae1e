// Plain-language explanations of socket errors for students: what the OS is telling them
// and what to do next, instead of a bare "EACCES". Chosen when shown, in the language of the
// moment, from the codes and values the engine kept (ErrorInfo). Output is safe to draw
// as-is: anything that came from outside (host names, messages) goes through escapeText.
import { formatAddress, isAllInterfaces, unbracket } from '../format/address.js';
import { escapeText } from '../format/escapeBytes.js';
import type { ErrorInfo, Failure } from '../state/types.js';
import { explainFileError } from './explainFileError.js';
import { t } from './i18n.js';
import { holderText } from './kernelText.js';
import { explainUdp } from './udpText.js';

type Explainer = (where: string, f: Failure, info: ErrorInfo) => string;

const EXPLAIN: Readonly<Record<string, Explainer>> = {
  // With the kernel's view, who holds the port: a process, this socklab, or only TIME_WAIT.
  EADDRINUSE: (where, _f, info) =>
    info.holder ? holderText(where, info.holder) : t('errno.EADDRINUSE', { where }),
  EACCES: (where, f, info) => {
    const limit = info.os?.privilegedBelow ?? 1024;
    const { port } = f;
    if (!(f.syscall === 'listen' || f.syscall === 'bind')) {
      return f.syscall === undefined
        ? t('errno.EACCES.operation', { where })
        : t('errno.EACCES.call', { where, syscall: escapeText(f.syscall) });
    }
    // Windows has no privileged ports: there EACCES on bind is a policy or a reserved range.
    if (info.os?.platform === 'win32') return t('errno.EACCES.policy', { where });
    if (port === undefined || (port > 0 && port < limit)) {
      const thePort =
        port === undefined ? t('errno.EACCES.thePort') : t('errno.EACCES.portN', { port });
      if (info.os?.platform === 'darwin') {
        // A failed bind has no bound address: judge the host as written (brackets off).
        return isAllInterfaces(unbracket(info.host ?? f.address ?? ''))
          ? t('errno.EACCES.privilegedMacAny', { thePort })
          : t('errno.EACCES.privilegedMac', { thePort, where });
      }
      return t('errno.EACCES.privileged', { thePort, limit });
    }
    return t('errno.EACCES.policy', { where });
  },
  EADDRNOTAVAIL: (where) => t('errno.EADDRNOTAVAIL', { where }),
  ENOTFOUND: (_w, _f, info) => {
    const host = info.host ?? '?';
    // The resolver answers "not found" for a name with a control character in it (EINVAL
    // is for the IDNA check's refusals): no DNS could have it, so say the name is invalid.
    if (/\p{Cc}/u.test(host)) return t('errno.EINVAL.host', { host: `"${escapeText(host)}"` });
    return t('errno.ENOTFOUND', { host: escapeText(host) });
  },
  EAI_AGAIN: (_w, _f, info) =>
    t('errno.EAI_AGAIN', { host: escapeText(info.host ?? t('errno.EAI_AGAIN.host')) }),
  ERR_SOCKET_BAD_PORT: (_w, f) =>
    f.port === undefined
      ? t('errno.ERR_SOCKET_BAD_PORT')
      : t('errno.ERR_SOCKET_BAD_PORT.got', { port: f.port }),
  ECONNREFUSED: (where) => t('errno.ECONNREFUSED', { where }),
  ETIMEDOUT: (where) => t('errno.ETIMEDOUT', { where }),
  ECONNRESET: (where) => t('errno.ECONNRESET', { where }),
  EPIPE: (where) => t('errno.EPIPE', { where }),
  EMFILE: () => t('errno.EMFILE'),
  ENFILE: () => t('errno.ENFILE'),
  EINVAL: (where, f, info) =>
    // From the resolver, EINVAL is about the name itself (libuv's IDNA conversion refuses
    // C1 controls, bidi marks, "xn--", names over 253 characters), not about a socket.
    f.syscall === 'getaddrinfo' || f.syscall === 'lookup'
      ? t('errno.EINVAL.host', { host: `"${escapeText(info.host ?? '?')}"` })
      : t('errno.EINVAL', { where, syscall: escapeText(f.syscall ?? t('errno.EINVAL.call')) }),
  EHOSTUNREACH: (where) => t('errno.EHOSTUNREACH', { where }),
  ENETUNREACH: (where) => t('errno.ENETUNREACH', { where }),
};

/** One failure `f` of the error `info` (itself, or one address of an AggregateError). */
function explainOne(f: Failure, info: ErrorInfo): string {
  const host = info.host ?? f.address;
  const where =
    host === undefined
      ? t('errno.thatAddress')
      : escapeText(f.port === undefined ? host : formatAddress(host, f.port));
  // Own keys only: a code is outside text, and "__proto__" or "toString" must not pick a method.
  const explain =
    f.code !== undefined && Object.hasOwn(EXPLAIN, f.code) ? EXPLAIN[f.code] : undefined;
  const udp = info.udp ? explainUdp(info, where) : null;
  if (udp) return udp;
  if (explain) return explain(where, f, info);
  const what = escapeText(f.code ?? t('errno.unknown'));
  const message = escapeText(f.message ?? t('errno.noDetails'));
  return f.syscall
    ? t('errno.genericDuring', { what, syscall: escapeText(f.syscall), where, message })
    : t('errno.generic', { what, where, message });
}

/**
 * One or two sentences. An AggregateError (Node 20's happy-eyeballs: "localhost" tried as
 * ::1 and 127.0.0.1) carries the first error's code on the outside, which hides that
 * several addresses were tried, so the list is spelled out. The log's own failure (a full
 * disk) says which file.
 */
export function explainError(info: ErrorInfo): string {
  if (info.logPath !== undefined) {
    return t('log.failed', { path: info.logPath, error: explainFileError(info) });
  }
  const subs = info.tried ?? [];
  if (subs.length === 0) return explainOne(info, info);
  if (subs.length === 1) return explainOne({ ...subs[0], port: subs[0].port ?? info.port }, info);
  const list = subs
    .map((s) => {
      const p = s.port ?? info.port;
      const a = s.address ?? '?';
      return `${escapeText(p === undefined ? a : formatAddress(a, p))} ${escapeText(s.code ?? t('errno.error'))}`;
    })
    .join(', ');
  const name = escapeText(info.host ?? t('errno.aggregate.host'));
  const first = t('errno.aggregate', { name, count: subs.length, list });
  const codes = new Set(subs.map((s) => s.code));
  // Same failure everywhere: the single-code explanation still applies, for the name.
  return codes.size === 1
    ? `${first} ${explainOne({ ...subs[0], port: info.port ?? subs[0].port }, info)}`
    : first;
}
