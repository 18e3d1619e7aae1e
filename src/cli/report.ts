import { t } from '../i18n/i18n.js';
import { buildReport } from '../report/buildReport.js';
import { type Saved, saveReport } from '../report/reportFile.js';
import type { Session } from '../session.js';
import { VERSION } from '../version.js';

/** `--report` without a dashboard: the same report, with no screen to show. */
export function writeHeadlessReport(file: string, session: Session, name: string | null): Saved {
  session.store.flush();
  const snap = session.store.getSnapshot();
  return saveReport(file, () =>
    buildReport({
      snap,
      version: VERSION,
      name,
      labs: [],
      screen: t('report.headlessScreen'),
      run: { snap, listener: snap.listeners[0] ?? null },
    }),
  );
}
