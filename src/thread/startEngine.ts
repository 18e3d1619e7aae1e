import {
  createSession,
  ignoreFileSizeSignal,
  type LogTarget,
  type RunOptions,
  startListeners,
} from '../session.js';
import type { EngineLink } from './link.js';
import { localLink } from './localLink.js';
import { startWorkerEngine } from './workerLink.js';

/** The engine as the dashboard holds it, wherever it runs. */
export interface RunningEngine {
  link: EngineLink;
  /** Close every socket, flush the log. Safe to call twice. */
  shutdown(): Promise<void>;
  /** Settles only if the engine thread died on its own: its error. */
  crashed: Promise<Error>;
}

/**
 * The dashboard's engine: in a worker thread, so no frame or terminal write ever waits a
 * socket. SOCKLAB_ENGINE=main keeps it on the UI's thread, as before (the bench compares both).
 */
export function startEngine(
  opts: RunOptions,
  log: LogTarget | null,
  lang: string,
  where = process.env.SOCKLAB_ENGINE === 'main' ? 'main' : 'worker',
): RunningEngine {
  // The log, written in the engine thread, may pass `ulimit -f`: the signal comes here.
  ignoreFileSizeSignal();
  if (where === 'main') {
    const session = createSession(opts, log);
    startListeners(session, opts);
    return {
      link: localLink(session.engine),
      shutdown: () => session.shutdown(),
      crashed: new Promise<Error>(() => {}),
    };
  }
  let crash: (e: Error) => void = () => {};
  const crashed = new Promise<Error>((r) => {
    crash = r;
  });
  const worker = startWorkerEngine(opts, log, lang, crash);
  return { link: worker, shutdown: () => worker.shutdown(), crashed };
}
