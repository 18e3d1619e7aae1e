import type { ErrorInfo, Failure } from '../state/types.js';
import { type OsContext, privilegedLimit } from './osProbe.js';

/** A Node socket error as thrown: every field may be missing. */
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

/** Where the failing socket was pointed: the host and port asked for, and this OS. */
export interface ErrorContext {
  host?: string;
  port?: number;
  os?: OsContext;
}

const failure = (e: ErrLike): Failure => ({
  code: e.code,
  errno: e.errno,
  syscall: e.syscall,
  address: e.address,
  port: e.port,
  message: e.message,
});

/**
 * The fields of a Node socket error that the store keeps, and the values its explanation
 * needs (src/i18n/explainError.ts says it when shown).
 */
export function toErrorInfo(err: unknown, ctx: ErrorContext): ErrorInfo {
  const e = (err ?? {}) as ErrLike & { name?: string };
  const subs = Array.isArray(e.errors) ? e.errors : [];
  const first = subs[0];
  const code = e.code ?? first?.code ?? e.name ?? 'ERROR';
  const host = ctx.host ?? e.hostname;
  return {
    code,
    errno: e.errno ?? first?.errno,
    syscall: e.syscall ?? first?.syscall,
    address: e.address ?? first?.address ?? ctx.host,
    port: e.port ?? first?.port ?? ctx.port,
    message: e.message ?? String(err),
    ...(host !== undefined && { host }),
    ...(subs.length > 0 && { tried: subs.map(failure) }),
    ...(ctx.os && {
      os: { platform: ctx.os.platform, privilegedBelow: privilegedLimit(ctx.os) },
    }),
  };
}

/** Node's errors as thrown objects: code/errno/syscall also for `new Error` we make ourselves. */
export function makeError(code: string, message: string, extra: Partial<ErrLike> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}
