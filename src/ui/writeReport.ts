import { buildReport } from '../report/buildReport.js';
import { type Saved, saveReport } from '../report/reportFile.js';
import type { DashboardProps } from './Dashboard.js';
import { screenText } from './screenText.js';

/** A file name that sorts by time and never overwrites an earlier report. */
export function defaultReportName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `socklab-report-${stamp}.md`;
}

/** Write the session's report; says what to show (written, or why not). */
export function writeReport(file: string, view: DashboardProps, name: string | null): Saved {
  const { ui, snap, sel } = view;
  return saveReport(file, () =>
    buildReport({
      snap,
      version: view.version,
      name,
      labs: ui.labsDone,
      screen: screenText({ ...view, prompt: undefined }),
      run: { snap, listener: sel.listener },
    }),
  );
}
