import fs from 'node:fs';
import { Lab } from '../core/lab.js';
import { t } from '../i18n/i18n.js';
import { LabStore } from '../state/store.js';
import type { RunOptions } from './args.js';
import { eventRecord, readRecord } from './eventRecord.js';
import { LineWriter } from './lineWriter.js';

export interface Session {
  store: LabStore;
  lab: Lab;
  /** Close every socket, flush the log. Safe to call twice. */
  shutdown(): Promise<void>;
}

/** What both the dashboard and headless mode run on: one store, one lab, the NDJSON log. */
export function createSession(opts: RunOptions, logFd: number | null): Session {
  const store = new LabStore({
    bufferSize: opts.buffer,
    mode: opts.sequential ? 'sequential' : 'concurrent',
  });
  const lab = new Lab(store, { echo: opts.echo, maxConnections: opts.maxConnections });
  const log = logFd === null ? null : new LineWriter(fs.createWriteStream('', { fd: logFd }));
  if (log) {
    store.tap({
      event: (e) => log.line(JSON.stringify(eventRecord(e))),
      read: (c, chunk, time, seq) => log.line(JSON.stringify(readRecord(c, chunk, time, seq))),
    });
  }
  let closing: Promise<void> | null = null;
  return {
    store,
    lab,
    shutdown() {
      closing ??= (async () => {
        await lab.closeAll();
        await log?.end();
      })();
      return closing;
    },
  };
}

/** Open the log before any socket, so a bad path is a usage error and nothing is lost. */
export function openLog(path: string | null): { fd: number | null; error?: string } {
  if (path === null) return { fd: null };
  try {
    return { fd: fs.openSync(path, 'a') };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { fd: null, error: t('args.logOpen', { path, error: e.code ?? e.message }) };
  }
}

export function startListeners(session: Session, opts: RunOptions): void {
  for (const l of opts.listen) session.lab.listen(l.host, l.port);
}

/** SIGINT / SIGTERM / SIGHUP: close everything, flush, exit 0 (or the status shutdown gives). */
export function onSignals(shutdown: () => Promise<number | undefined>): void {
  const stop = () => {
    void shutdown().then((code) => process.exit(code ?? 0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
}
