/**
 * Keys in the order typed, one at a time: a key whose action waits for the engine (c opens a
 * client) holds the keys after it until the engine has answered, so `c` then Enter types to
 * the client `c` made, even when both arrive in one chunk or the engine is in another thread.
 */
export class KeyQueue {
  private readonly keys: string[][] = [];
  private running = false;

  constructor(
    private readonly handle: (names: string[]) => boolean | Promise<unknown> | undefined,
    private readonly limit = 256,
  ) {}

  /** Key names that came in one chunk. Past `limit` waiting keys, more are dropped. */
  push(names: string[]): void {
    if (this.keys.length >= this.limit) return;
    this.keys.push(names);
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let next = this.keys.shift(); next; next = this.keys.shift()) {
        const r = this.handle(next);
        if (r instanceof Promise) await r.catch(() => {});
      }
    } finally {
      this.running = false;
    }
  }
}
