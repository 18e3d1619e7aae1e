import type { Snapshot } from '../state/types.js';
import type { CommandArgs, CommandName, CommandResult } from './commands.js';

/**
 * All the screen holds of the engine: snapshots to draw, commands to send. Whether the engine
 * runs in a worker thread (the dashboard) or beside the UI (tests), the screen cannot tell.
 */
export interface EngineLink {
  subscribe(fn: () => void): () => void;
  getSnapshot(): Snapshot;
  /**
   * Resolves with the command's result once the snapshot showing its effect is the current
   * one, so a key may act on what the key before it made.
   */
  call<K extends CommandName>(name: K, ...args: CommandArgs<K>): Promise<CommandResult<K>>;
  /**
   * The connections whose reads the screen shows (its selection, the labs' own): the others'
   * views come without their read rings, so what crosses per frame does not grow with reads.
   */
  watch(ids: readonly number[]): void;
  /** Everything, every connection's reads included: the report. */
  fullSnapshot(): Promise<Snapshot>;
}
