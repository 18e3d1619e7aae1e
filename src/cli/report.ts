import { writeFileSync } from 'node:fs';
import { t } from '../i18n/i18n.js';
import { buildReport } from '../report/buildReport.js';
import { VERSION } from '../version.js';
import type { Session } from './session.js';

/** `--report` without a dashboard: the same report, with no screen to show. */
export function writeHeadlessReport(file: string, session: Session): string {
  session.store.flush();
  const snap = session.store.getSnapshot();
  try {
    const md = buildReport({
      snap,
      version: VERSION,
      labs: [],
      screen: t('report.headlessScreen'),
      run: { snap, listener: snap.listeners[0] ?? null },
    });
    writeFileSync(file, md);
    return t('report.written', { file });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return t('report.failed', { file, error: e.code ?? e.message });
  }
}
