/** Seconds of history a meter keeps: the sparkline's width. */
export const RATE_SECONDS = 60;

export interface Rate {
  readonly bytesPerSec: number;
  readonly readsPerSec: number;
}

/** The wall clock's current second, as the meters count them. */
export const nowSecond = (): number => Math.floor(Date.now() / 1000);

export const NO_RATE: Rate = Object.freeze({ bytesPerSec: 0, readsPerSec: 0 });

/**
 * Bytes and reads per second over the last RATE_SECONDS, in one-second buckets: recording a
 * read is two additions (the hot path), the rate is the last complete second.
 */
export class RateMeter {
  private readonly bytes = new Float64Array(RATE_SECONDS);
  private readonly reads = new Float64Array(RATE_SECONDS);
  /** The newest second (Date.now() / 1000, floored) with a bucket, or -Infinity. */
  newest = Number.NEGATIVE_INFINITY;

  add(sec: number, bytes: number): void {
    if (sec > this.newest) this.roll(sec);
    else if (sec <= this.newest - RATE_SECONDS) return; // older than what is kept
    const i = sec % RATE_SECONDS;
    this.bytes[i] += bytes;
    this.reads[i]++;
  }

  /** The last complete second before `nowSec`. */
  rate(nowSec: number): Rate {
    const s = nowSec - 1;
    if (s > this.newest || s <= this.newest - RATE_SECONDS) return NO_RATE;
    const i = s % RATE_SECONDS;
    return { bytesPerSec: this.bytes[i], readsPerSec: this.reads[i] };
  }

  /** Bytes per second for each of the RATE_SECONDS complete seconds before `nowSec`, oldest first. */
  series(nowSec: number): number[] {
    const out: number[] = [];
    for (let s = nowSec - RATE_SECONDS; s < nowSec; s++) {
      out.push(
        s > this.newest || s <= this.newest - RATE_SECONDS ? 0 : this.bytes[s % RATE_SECONDS],
      );
    }
    return out;
  }

  private roll(sec: number): void {
    const gap = Math.min(RATE_SECONDS, sec - this.newest);
    for (let k = 1; k <= gap; k++) {
      const i = (((sec - gap + k) % RATE_SECONDS) + RATE_SECONDS) % RATE_SECONDS;
      this.bytes[i] = 0;
      this.reads[i] = 0;
    }
    this.newest = sec;
  }
}
