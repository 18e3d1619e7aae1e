import { escapeBytes, escapeText } from '../format/escapeBytes.js';
import { PREVIEW_BYTES } from '../state/readRing.js';
import type { RunOptions } from './args.js';
import { eventLine, readLine } from './eventLine.js';
import { ndjsonTap } from './eventRecord.js';
import { LineWriter } from './lineWriter.js';
import { writeHeadlessReport } from './report.js';
import { onSignals, type Session, startListeners } from './session.js';

/** No dashboard: every event as a line (or NDJSON) on stdout until a signal. */
export function runHeadless(session: Session, opts: RunOptions): void {
  const out = new LineWriter(process.stdout);
  session.store.tap(
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
  onSignals(async () => {
    if (opts.report) out.line(escapeText(writeHeadlessReport(opts.report, session)));
    await session.shutdown();
    await out.end();
  });
  if (!opts.json) {
    out.line(
      `socklab headless: buffer ${opts.buffer} B, ${opts.sequential ? 'sequential' : 'concurrent'} mode. Ctrl+C to stop.`,
    );
  }
  startListeners(session, opts);
}
