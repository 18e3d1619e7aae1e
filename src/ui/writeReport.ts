import { writeFileSync } from 'node:fs';
import { t } from '../i18n/i18n.js';
import { buildReport } from '../report/buildReport.js';
import type { DashboardProps } from './Dashboard.js';
import { screenText } from './screenText.js';

/** A file name that sorts by time and never overwrites an earlier report. */
export function defaultReportName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `socklab-report-${stamp}.md`;
}

/** Write the session's report; returns the line to show (written, or why not). */
export function writeReport(file: string, view: DashboardProps): string {
  const { ui, snap, sel } = view;
  try {
    const md = buildReport({
      snap,
      version: view.version,
      labs: ui.labsDone,
      screen: screenText({ ...view, prompt: undefined }),
      run: { snap, listener: sel.listener },
    });
    writeFileSync(file, md);
    return t('report.written', { file });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return t('report.failed', { file, error: e.code ?? e.message });
  }
}
