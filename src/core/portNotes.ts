// The note a listener gets when its bind worked but deserves a word: a privileged port that
// bound anyway, or an address that listens on every interface.
import { isAllInterfaces } from '../format/address.js';
import { t } from '../i18n/i18n.js';
import { type OsContext, privilegedLimit } from './osProbe.js';

/**
 * Why a bind below the privileged limit worked, so the student knows it will not everywhere.
 * `host` is the address bound: macOS (10.14 and later) lets anyone bind low ports on the
 * wildcard address only.
 */
export function privilegedBindNote(port: number, os: OsContext, host?: string): string | null {
  const limit = privilegedLimit(os);
  if (port <= 0 || port >= limit) return null;
  const elsewhere = t('note.elsewhere', { limit });
  if (os.platform === 'win32') return t('note.win32', { port, elsewhere });
  if (os.uid === 0) return t('note.root', { port, elsewhere });
  if (os.capNetBindService) return t('note.cap', { port, elsewhere });
  if (os.platform === 'darwin' && host !== undefined && isAllInterfaces(host))
    return t('note.darwinAny', { port });
  return t('note.unenforced', { port, limit, elsewhere });
}

/** The warning for a listener bound to every interface, in the current language. */
export function exposureNote(typed: string, bound: string): string | null {
  if (!isAllInterfaces(bound)) return null;
  const host = typed === bound ? bound : `${typed} (${bound})`;
  return t('note.exposed', { host });
}
