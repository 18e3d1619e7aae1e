// Plain-language explanations of socket errors for students: what the OS is telling
// them and what to do next, instead of a bare "EACCES". Output is safe to draw as-is:
// anything that came from outside (host names, messages) goes through escapeText.
import { formatAddress, isAllInterfaces, unbracket } from '../format/address.js';
import { escapeText } from '../format/escapeBytes.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import { type OsContext, privilegedLimit } from './osProbe.js';

export interface ErrLike {
  code?: string;
  errno?: number;
  syscall?: string;
  address?: string;
  port?: number;
  message?: string;
  errors?: ErrLike[];
  /** Set by getaddrinfo errors (ENOTFOUND, EAI_AGAIN) instead of `address`. */
  hostname?: string;
}

export interface ExplainContext {
  host?: string;
  port?: number;
  os?: OsContext;
}

type Explainer = (where: string, e: ErrLike, ctx: ExplainContext, port?: number) => string;

const EXPLAIN: Readonly<Record<string, Explainer>> = {
  EADDRINUSE: (where) => t('errno.EADDRINUSE', { where }),
  EACCES: (where, e, ctx, port) => {
    const limit = privilegedLimit(ctx.os);
    if (!(e.syscall === 'listen' || e.syscall === 'bind')) {
      return e.syscall === undefined
        ? t('errno.EACCES.operation', { where })
        : t('errno.EACCES.call', { where, syscall: escapeText(e.syscall) });
    }
    // Windows has no privileged ports: there EACCES on bind is a policy or a reserved range.
    if (ctx.os?.platform === 'win32') return t('errno.EACCES.policy', { where });
    if (port === undefined || (port > 0 && port < limit)) {
      const thePort =
        port === undefined ? t('errno.EACCES.thePort') : t('errno.EACCES.portN', { port });
      if (ctx.os?.platform === 'darwin') {
        // A failed bind has no bound address: judge the host as written (brackets off).
        return isAllInterfaces(unbracket(ctx.host ?? e.address ?? ''))
          ? t('errno.EACCES.privilegedMacAny', { thePort })
          : t('errno.EACCES.privilegedMac', { thePort, where });
      }
      return t('errno.EACCES.privileged', { thePort, limit });
    }
    return t('errno.EACCES.policy', { where });
  },
  EADDRNOTAVAIL: (where) => t('errno.EADDRNOTAVAIL', { where }),
  ENOTFOUND: (_w, e, ctx) => {
    const host = ctx.host ?? e.hostname ?? '?';
    // The resolver answers "not found" for a name with a control character in it (EINVAL
    // is for the IDNA check's refusals): no DNS could have it, so say the name is invalid.
    if (/\p{Cc}/u.test(host)) return t('errno.EINVAL.host', { host: `"${escapeText(host)}"` });
    return t('errno.ENOTFOUND', { host: escapeText(host) });
  },
  EAI_AGAIN: (_w, e, ctx) =>
    t('errno.EAI_AGAIN', {
      host: escapeText(ctx.host ?? e.hostname ?? t('errno.EAI_AGAIN.host')),
    }),
  ERR_SOCKET_BAD_PORT: (_w, _e, _c, port) =>
    port === undefined
      ? t('errno.ERR_SOCKET_BAD_PORT')
      : t('errno.ERR_SOCKET_BAD_PORT.got', { port }),
  ECONNREFUSED: (where) => t('errno.ECONNREFUSED', { where }),
  ETIMEDOUT: (where) => t('errno.ETIMEDOUT', { where }),
  ECONNRESET: (where) => t('errno.ECONNRESET', { where }),
  EPIPE: (where) => t('errno.EPIPE', { where }),
  EMFILE: () => t('errno.EMFILE'),
  ENFILE: () => t('errno.ENFILE'),
  EINVAL: (where, e, ctx) =>
    // From the resolver, EINVAL is about the name itself (libuv's IDNA conversion refuses
    // C1 controls, bidi marks, "xn--", names over 253 characters), not about a socket.
    e.syscall === 'getaddrinfo' || e.syscall === 'lookup'
      ? t('errno.EINVAL.host', { host: `"${escapeText(ctx.host ?? e.hostname ?? '?')}"` })
      : t('errno.EINVAL', { where, syscall: escapeText(e.syscall ?? t('errno.EINVAL.call')) }),
  EHOSTUNREACH: (where) => t('errno.EHOSTUNREACH', { where }),
  ENETUNREACH: (where) => t('errno.ENETUNREACH', { where }),
};

function explainOne(err: ErrLike, ctx: ExplainContext): string {
  const port = ctx.port ?? err.port;
  const host = ctx.host ?? err.address ?? err.hostname;
  const where =
    host === undefined
      ? t('errno.thatAddress')
      : escapeText(port === undefined ? host : formatAddress(host, port));
  // Own keys only: a code is outside text, and "__proto__" or "toString" must not pick a method.
  const explain =
    err.code !== undefined && Object.hasOwn(EXPLAIN, err.code) ? EXPLAIN[err.code] : undefined;
  if (explain) return explain(where, err, ctx, port);
  const what = escapeText(err.code ?? t('errno.unknown'));
  const message = escapeText(err.message ?? t('errno.noDetails'));
  return err.syscall
    ? t('errno.genericDuring', { what, syscall: escapeText(err.syscall), where, message })
    : t('errno.generic', { what, where, message });
}

/**
 * One or two sentences. An AggregateError (Node 20's happy-eyeballs: "localhost" tried as
 * ::1 and 127.0.0.1) carries the first error's code on the outside, which hides that
 * several addresses were tried, so the list is spelled out.
 */
export function explainError(err: ErrLike, ctx: ExplainContext): string {
  const subs = err.errors;
  if (!Array.isArray(subs) || subs.length === 0) return explainOne(err, ctx);
  if (subs.length === 1) return explainOne({ ...subs[0], port: subs[0].port ?? err.port }, ctx);
  const port = ctx.port ?? err.port;
  const list = subs
    .map((s) => {
      const p = s.port ?? port;
      const a = s.address ?? '?';
      return `${escapeText(p === undefined ? a : formatAddress(a, p))} ${escapeText(s.code ?? t('errno.error'))}`;
    })
    .join(', ');
  const name = escapeText(ctx.host ?? t('errno.aggregate.host'));
  const first = t('errno.aggregate', { name, count: subs.length, list });
  const codes = new Set(subs.map((s) => s.code));
  // Same failure everywhere: the single-code explanation still applies, for the name.
  return codes.size === 1 ? `${first} ${explainOne(subs[0], { ...ctx, port })}` : first;
}

const FILE_REASON: Readonly<Record<string, MessageKey>> = {
  ENOSPC: 'file.ENOSPC',
  EFBIG: 'file.EFBIG',
  EDQUOT: 'file.EDQUOT',
  EPIPE: 'file.EPIPE',
  EIO: 'file.EIO',
  EACCES: 'file.EACCES',
  EPERM: 'file.EPERM',
  EROFS: 'file.EROFS',
  ENOENT: 'file.ENOENT',
  EISDIR: 'file.EISDIR',
  ENOTDIR: 'file.ENOTDIR',
};

/** "ENOSPC: no space left on the device": why a file (the log, a report) cannot be written. */
export function explainFileError(err: ErrLike): string {
  const key =
    err.code !== undefined && Object.hasOwn(FILE_REASON, err.code)
      ? FILE_REASON[err.code]
      : undefined;
  if (key) return `${err.code}: ${t(key)}`;
  // Node's own message already starts with the code: "EXDEV: cross-device link not permitted".
  return escapeText(err.message ?? err.code ?? t('errno.noDetails'));
}
