import type { Writable } from 'node:stream';

/**
 * Batches lines into one write per tick: a write per read would dominate at N = 5.
 * A stream that fails (a full disk, a closed pipe) is reported once to `onError` and then
 * written no more: without an 'error' listener Node would end the process on the first one.
 */
export class LineWriter {
  private pending: string[] = [];
  private scheduled = false;
  private failed = false;

  constructor(
    private readonly out: Writable,
    onError: (err: NodeJS.ErrnoException) => void = () => {},
  ) {
    // Kept for good: an errored stream may emit again (a write already queued behind it).
    out.on('error', (err: NodeJS.ErrnoException) => {
      if (this.failed) return;
      this.failed = true;
      this.pending = [];
      onError(err);
    });
  }

  /** True once a write failed: nothing more is written. */
  get stopped(): boolean {
    return this.failed;
  }

  line(text: string): void {
    if (this.failed) return;
    this.pending.push(text);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.failed || this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.out.write(text);
  }

  /** Flush and wait until the stream has taken everything (or has failed). */
  end(): Promise<void> {
    this.flush();
    return new Promise((resolve) => {
      if (this.failed || this.out.destroyed) return resolve();
      this.out.once('error', () => resolve());
      if (this.out === process.stdout || this.out === process.stderr) {
        this.out.write('', () => resolve());
      } else {
        this.out.end(() => resolve());
      }
    });
  }
}
