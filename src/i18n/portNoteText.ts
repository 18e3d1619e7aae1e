import type { PortNote } from '../state/types.js';
import { t } from './i18n.js';

/** A listener's note in the current language: why its port bound, and a warning if exposed. */
export function portNoteText(note: PortNote): string {
  const parts: string[] = [];
  const p = note.privileged;
  if (p) {
    const { port, limit } = p;
    const elsewhere = t('note.elsewhere', { limit });
    parts.push(
      p.why === 'darwinAny'
        ? t('note.darwinAny', { port })
        : p.why === 'unenforced'
          ? t('note.unenforced', { port, limit, elsewhere })
          : t(`note.${p.why}`, { port, elsewhere }),
    );
  }
  const x = note.exposed;
  if (x)
    parts.push(
      t(note.udp ? 'note.exposedUdp' : 'note.exposed', {
        host: x.typed === x.bound ? x.bound : `${x.typed} (${x.bound})`,
      }),
    );
  return parts.join('; ');
}
