/** What the bench asks its sending child to do, and what it answers (over the IPC channel). */

export type SenderCommand =
  /** One connection: write `bytes` (1e15 = until `stop`) in `chunk`-sized writes, then FIN;
   *  with `ms`, stop writing after that long instead (a run bounded by time, not bytes). */
  | { cmd: 'stream'; port: number; bytes: number; chunk: number; ms?: number }
  /** End the running infinite stream. */
  | { cmd: 'stop' }
  /** Open `n` more connections, at most `inflight` connecting at a time, and keep them all open. */
  | { cmd: 'open'; port: number; n: number; inflight: number }
  /** Write `message` once on every held connection. */
  | { cmd: 'round'; message: string }
  /** Write `message` on held connections in turn, one every `intervalMs`, `count` times. */
  | { cmd: 'trickle'; message: string; intervalMs: number; count: number }
  /** FIN every held connection and wait until each is closed. */
  | { cmd: 'closeAll' }
  /** `n` connect–send–close cycles, `inflight` at a time; with `ms`, none started after that long. */
  | { cmd: 'cycles'; port: number; n: number; inflight: number; message: string; ms?: number }
  /** One connection (no Nagle): `prefix + seq + suffix` every `intervalMs`, `count` times, then FIN. */
  | { cmd: 'ticker'; port: number; intervalMs: number; count: number; prefix: string };

export interface SenderReply {
  id: number;
  error?: string;
  /** Payload bytes the kernel accepted (every write's callback came back without error). */
  sent?: number;
  connections?: number;
  /** stream, open, cycles: ms from the first connect to the last close (or open). */
  ms?: number;
  /** ticker: wall time (see clock.ts) just before each write, by seq. */
  sends?: number[];
}

export type SenderRequest = SenderCommand & { id: number };
