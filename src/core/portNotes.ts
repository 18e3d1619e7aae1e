// What deserves a word about a bind that worked: a privileged port that bound anyway, or an
// address that listens on every interface. Values only: src/i18n/portNoteText.ts says them.
import { isAllInterfaces } from '../format/address.js';
import type { PortNote } from '../state/types.js';
import { type OsContext, privilegedLimit } from './osProbe.js';

/**
 * Why a bind below the privileged limit worked, so the student knows it will not everywhere.
 * `host` is the address bound: macOS (10.14 and later) lets anyone bind low ports on the
 * wildcard address only.
 */
export function privilegedBind(port: number, os: OsContext, host?: string): PortNote['privileged'] {
  const limit = privilegedLimit(os);
  if (port <= 0 || port >= limit) return null;
  const why =
    os.platform === 'win32'
      ? 'win32'
      : os.uid === 0
        ? 'root'
        : os.capNetBindService
          ? 'cap'
          : os.platform === 'darwin' && host !== undefined && isAllInterfaces(host)
            ? 'darwinAny'
            : 'unenforced';
  return { why, port, limit };
}

/** A listener bound to every interface: the host as typed and the address it bound. */
export function exposure(typed: string, bound: string): PortNote['exposed'] {
  return isAllInterfaces(bound) ? { typed, bound } : null;
}

/** The note for a listener bound to `bound`:`port`, typed as `typed`; null when none is due. */
export function portNote(
  port: number,
  os: OsContext,
  typed: string,
  bound: string,
): PortNote | null {
  const privileged = privilegedBind(port, os, bound);
  const exposed = exposure(typed, bound);
  return privileged || exposed ? { privileged, exposed } : null;
}
