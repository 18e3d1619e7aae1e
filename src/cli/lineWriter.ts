import type { Writable } from 'node:stream';

/** Batches lines into one write per tick: a write per read would dominate at N = 5. */
export class LineWriter {
  private pending: string[] = [];
  private scheduled = false;

  constructor(private readonly out: Writable) {}

  line(text: string): void {
    this.pending.push(text);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.out.write(text);
  }

  /** Flush and wait until the stream has taken everything. */
  end(): Promise<void> {
    this.flush();
    return new Promise((resolve) => {
      if (this.out === process.stdout || this.out === process.stderr) {
        this.out.write('', () => resolve());
      } else {
        this.out.end(() => resolve());
      }
    });
  }
}
