import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { Engine } from './core/engine.js';
import { explainError } from './i18n/explainError.js';
import { explainFileError } from './i18n/explainFileError.js';
import { t } from './i18n/i18n.js';
import type { Endpoint } from './input/endpoint.js';
import type { ProxySpec } from './input/proxySpec.js';
import { ndjsonTap } from './log/eventRecord.js';
import { LineWriter } from './log/lineWriter.js';
import { Store } from './state/store.js';
import type { ErrorInfo, ProxyFaults } from './state/types.js';

/** What a run asks for, from the command line: both front ends start from it. */
export interface RunOptions {
  command: 'run';
  listen: Endpoint[];
  /** `-u, --udp`: UDP sockets that record each datagram (src/udp). */
  udp?: Endpoint[];
  buffer: number;
  sequential: boolean;
  echo: boolean;
  /** `--half-open`: the -l listeners keep a connection writable after the peer's FIN. */
  halfOpen: boolean;
  headless: boolean;
  json: boolean;
  log: string | null;
  maxConnections: number;
  lab: string | null;
  report: string | null;
  /** The student's name for the report (`--name`), as typed: sanitized where it is written. */
  name: string | null;
  /** `--proxy [HOST:]PORT=HOST:PORT`, each starting with `faults` (--pace, --latency, …). */
  proxies: ProxySpec[];
  faults: ProxyFaults;
}

export interface Session {
  store: Store;
  engine: Engine;
  /** Close every socket, flush the log. Safe to call twice. */
  shutdown(): Promise<void>;
}

export interface LogTarget {
  fd: number;
  path: string;
}

export interface SessionHooks {
  /** The log failed mid-run (already explained in the errors pane): headless says it on stderr. */
  logFailed?(text: string): void;
}

/** What both the dashboard and headless mode run on: one store, one engine, the NDJSON log. */
export function createSession(
  opts: RunOptions,
  logTarget: LogTarget | null,
  hooks: SessionHooks = {},
): Session {
  ignoreFileSizeSignal();
  const store = new Store({
    bufferSize: opts.buffer,
    mode: opts.sequential ? 'sequential' : 'concurrent',
  });
  const engine = new Engine(store, { echo: opts.echo, maxConnections: opts.maxConnections });
  // The rows' kernel columns and headless tcp-state events: sampled while sockets are open.
  engine.kernel.demand('rows', true);
  let untap = () => {};
  const log =
    logTarget === null
      ? null
      : new LineWriter(fs.createWriteStream('', { fd: logTarget.fd }), (err) => {
          // A full disk or a closed pipe: stop logging, say so once, keep every socket going.
          untap();
          const info = fileErrorInfo(err, logTarget.path);
          store.addError('log', 'log', info);
          hooks.logFailed?.(explainError(info));
        });
  if (log) untap = store.tap(ndjsonTap((text) => log.line(text)));
  let closing: Promise<void> | null = null;
  return {
    store,
    engine,
    shutdown() {
      closing ??= (async () => {
        await engine.closeAll();
        await log?.end();
      })();
      return closing;
    },
  };
}

/**
 * Open the log before any socket, so a bad path is a usage error and nothing is lost. The
 * empty write reaches the file's driver (/dev/full answers ENOSPC, a read-only one EBADF)
 * without adding a byte to a real log; a disk that fills later is caught by the writer.
 */
export function openLog(path: string | null): { log: LogTarget | null; error?: string } {
  if (path === null) return { log: null };
  let fd: number | null = null;
  try {
    fd = fs.openSync(path, 'a');
    fs.writeSync(fd, Buffer.alloc(0));
    return { log: { fd, path } };
  } catch (err) {
    if (fd !== null) fs.closeSync(fd);
    const error = explainFileError(err as NodeJS.ErrnoException);
    return { log: null, error: t('args.logOpen', { path, error }) };
  }
}

function fileErrorInfo(err: NodeJS.ErrnoException, path: string): ErrorInfo {
  return {
    code: err.code ?? 'ERROR',
    errno: err.errno,
    syscall: err.syscall,
    message: err.message,
    logPath: path,
  };
}

export function startListeners(session: Session, opts: RunOptions): void {
  for (const l of opts.listen) session.engine.listen(l.host, l.port, { halfOpen: opts.halfOpen });
  for (const p of opts.proxies ?? []) {
    const { host, port } = p.target;
    session.engine.proxies.open(p.listen.host, p.listen.port, { host, port }, opts.faults);
  }
  for (const u of opts.udp ?? []) session.engine.udp.open(u.host, u.port);
}

/**
 * Past RLIMIT_FSIZE (ulimit -f) the kernel sends SIGXFSZ, which Node ignores so the write
 * fails with EFBIG and the log writer can say so. But Ink's signal-exit listens to SIGXFSZ and,
 * finding no other listener, sends it again to kill the process: the dashboard died silently.
 * A listener of our own keeps the signal ignored.
 */
export function ignoreFileSizeSignal(): void {
  // Signals reach only the main thread (an engine thread's log is covered from there).
  if (!isMainThread) return;
  if (process.platform !== 'win32' && process.listenerCount('SIGXFSZ') === 0) {
    process.on('SIGXFSZ', () => {});
  }
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
