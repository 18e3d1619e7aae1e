import { escapeBytes } from '../format/escapeBytes.js';
import { PREVIEW_BYTES } from '../state/readRing.js';
import type { RunOptions } from './args.js';
import { eventLine, readLine } from './eventLine.js';
import { eventRecord, readRecord } from './eventRecord.js';
import { LineWriter } from './lineWriter.js';
import { writeHeadlessReport } from './report.js';
import { onSignals, type Session, startListeners } from './session.js';

/** No dashboard: every event as a line (or NDJSON) on stdout until a signal. */
export function runHeadless(session: Session, opts: RunOptions): void {
  const out = new LineWriter(process.stdout);
  session.store.tap(
    opts.json
      ? {
          event: (e) => out.line(JSON.stringify(eventRecord(e))),
          read: (c, chunk, time, seq) => out.line(JSON.stringify(readRecord(c, chunk, time, seq))),
        }
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
    // On stderr: stdout is the events (NDJSON with --json). A report not written is exit 1.
    const saved = opts.report ? writeHeadlessReport(opts.report, session, opts.name) : null;
    await session.shutdown();
    await out.end();
    if (saved) process.stderr.write(`socklab: ${saved.line}\n`);
    return saved?.failed ? 1 : 0;
  });
  if (!opts.json) {
    out.line(
      `socklab headless: buffer ${opts.buffer} B, ${opts.sequential ? 'sequential' : 'concurrent'} mode. Ctrl+C to stop.`,
    );
  }
  startListeners(session, opts);
}
