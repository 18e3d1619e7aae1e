import { Writable } from 'node:stream';

/**
 * A terminal that is not there: claims to be a TTY of a fixed size, so Ink renders live
 * frames for it, and throws every byte away after showing it to `onWrite`.
 */
export class NullTty extends Writable {
  readonly isTTY = true;
  bytes = 0;
  writes = 0;

  constructor(
    readonly columns: number,
    readonly rows: number,
    private readonly onWrite: (text: string) => void = () => {},
  ) {
    super({ decodeStrings: false });
  }

  override _write(chunk: unknown, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    const text = typeof chunk === 'string' ? chunk : String(chunk);
    this.bytes += text.length;
    this.writes++;
    this.onWrite(text);
    done();
  }

  // What Ink and its helpers may call on a TTY.
  getColorDepth(): number {
    return 8;
  }
  hasColors(): boolean {
    return true;
  }
  cursorTo(): boolean {
    return true;
  }
  moveCursor(): boolean {
    return true;
  }
  clearLine(): boolean {
    return true;
  }
  clearScreenDown(): boolean {
    return true;
  }
  getWindowSize(): [number, number] {
    return [this.columns, this.rows];
  }
}
