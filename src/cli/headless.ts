import { escapeBytes, escapeText } from '../format/escapeBytes.js';
import { formatCount } from '../format/units.js';
import { explainFileError } from '../i18n/explainFileError.js';
import { t } from '../i18n/i18n.js';
import { ndjsonTap } from '../log/eventRecord.js';
import { LineWriter } from '../log/lineWriter.js';
import { onSignals, type Session, startListeners } from '../session.js';
import { PREVIEW_BYTES } from '../state/readRing.js';
import type { RunOptions } from './args.js';
import { eventLine, readLine } from './eventLine.js';
import { writeHeadlessReport } from './report.js';

/**
 * No dashboard: every event as a line (or NDJSON) on stdout until a signal. When stdout's
 * reader goes away (`| head -1`: EPIPE), socklab ends quietly with exit 0, closing every
 * socket, as Unix tools do; with --log the events still have somewhere to go, so it keeps
 * serving and only stops printing. Any other stdout error is said on stderr (exit 1).
 */
export function runHeadless(session: Session, opts: RunOptions): void {
  let finishing: Promise<number> | null = null;
  const finish = () => {
    finishing ??= (async () => {
      // On stderr: stdout is the events (NDJSON with --json). A report not written is exit 1.
      const saved = opts.report ? writeHeadlessReport(opts.report, session, opts.name) : null;
      await session.shutdown();
      await out.end();
      if (saved) process.stderr.write(`socklab: ${saved.line}\n`);
      return saved?.failed ? 1 : 0;
    })();
    return finishing;
  };
  const out = new LineWriter(process.stdout, (err) => {
    untap();
    const quiet = err.code === 'EPIPE';
    if (!quiet) {
      const error = explainFileError(err);
      const key = opts.log ? 'headless.stdoutFailedLog' : 'headless.stdoutFailed';
      process.stderr.write(`socklab: ${escapeText(t(key, { error }))}\n`);
    }
    if (!opts.log) void finish().then((code) => process.exit(quiet ? code : 1));
  });
  const untap = session.store.tap(
    opts.json
      ? ndjsonTap((text) => out.line(text))
      : {
          event: (e) => out.line(eventLine(e)),
          read: (c, chunk, time) => {
            const preview = escapeBytes(chunk, 0, Math.min(chunk.length, PREVIEW_BYTES));
            const more = chunk.length > PREVIEW_BYTES ? '…' : '';
            out.line(
              readLine(
                time,
                c.id,
                chunk.length,
                preview + more,
                c.kind === 'client' ? 'client' : 'server',
              ),
            );
          },
        },
  );
  onSignals(finish);
  // Nothing left to keep the process alive and no signal came: every socket asked for failed
  // (or closed). Say so, and exit 1, so a script does not take it for a served run.
  let failed = 0;
  session.store.tap({
    event: (e) => {
      if (e.type === 'bind-error' || e.type === 'udp-bind-error') failed++;
    },
  });
  process.once('beforeExit', () => {
    if (finishing || failed === 0) return;
    process.stderr.write(`socklab: ${t('headless.nothingLeft')}\n`);
    process.exitCode = 1;
  });
  if (!opts.json) {
    const mode = t(opts.sequential ? 'mode.sequential' : 'mode.concurrent');
    out.line(t('line.start', { buffer: formatCount(opts.buffer), mode }));
  }
  startListeners(session, opts);
}
