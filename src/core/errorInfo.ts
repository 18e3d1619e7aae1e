import type { ErrorInfo } from '../state/types.js';
import { type ErrLike, explainError } from './explainErrno.js';
import type { OsContext } from './osProbe.js';

/** The fields of a Node socket error that the store keeps, with its plain explanation. */
export function toErrorInfo(
  err: unknown,
  ctx: { host?: string; port?: number; os?: OsContext },
): ErrorInfo {
  const e = (err ?? {}) as ErrLike & { name?: string };
  const first = e.errors?.[0];
  const code = e.code ?? first?.code ?? e.name ?? 'ERROR';
  return {
    code,
    errno: e.errno ?? first?.errno,
    syscall: e.syscall ?? first?.syscall,
    address: e.address ?? first?.address ?? ctx.host,
    port: e.port ?? first?.port ?? ctx.port,
    message: e.message ?? String(err),
    explanation: explainError(e, ctx),
  };
}

/** Node's errors as thrown objects: code/errno/syscall also for `new Error` we make ourselves. */
export function makeError(code: string, message: string, extra: Partial<ErrLike> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}
