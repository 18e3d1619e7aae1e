import type { LogTarget, RunOptions } from '../session.js';
import type { Snapshot } from '../state/types.js';
import type { CommandMessage } from './commands.js';
import type { SnapshotDelta } from './snapshotDelta.js';

/** What the engine thread starts from. */
export interface EngineStart {
  opts: RunOptions;
  log: LogTarget | null;
  lang: string;
}

export type ToEngine =
  | ({ type: 'call'; id: number } & CommandMessage)
  | { type: 'watch'; ids: number[] }
  /**
   * The UI applied a delta and drew it in `ms`: the engine may send the next (one in flight
   * at a time).
   */
  | { type: 'ack'; ms: number }
  | { type: 'full'; id: number }
  | { type: 'shutdown' };

export type FromEngine =
  | { type: 'delta'; delta: SnapshotDelta }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string }
  | { type: 'full'; id: number; snapshot: Snapshot }
  /** Every socket closed and the log flushed, after a shutdown. */
  | { type: 'closed' };
