import { expect, it } from 'vitest';
import { RATE_SECONDS, RateMeter } from '../../../src/state/rateMeter.js';

it('the rate is the last complete second; old seconds fall out; the series is 60 s, oldest first', () => {
  const m = new RateMeter();
  const t0 = 1_700_000_000;
  for (let i = 0; i < 10; i++) m.add(t0, 1024);
  m.add(t0 + 1, 5);
  expect(m.rate(t0 + 1)).toEqual({ bytesPerSec: 10_240, readsPerSec: 10 });
  expect(m.rate(t0 + 2)).toEqual({ bytesPerSec: 5, readsPerSec: 1 });
  expect(m.rate(t0 + 3)).toEqual({ bytesPerSec: 0, readsPerSec: 0 }); // a quiet second
  const s = m.series(t0 + 2);
  expect(s).toHaveLength(RATE_SECONDS);
  expect(s.slice(-2)).toEqual([10_240, 5]);
  // 60 s later the buckets are reused, not summed into.
  m.add(t0 + 61, 7);
  expect(m.rate(t0 + 62)).toEqual({ bytesPerSec: 7, readsPerSec: 1 });
  expect(m.series(t0 + 62).reduce((a, b) => a + b, 0)).toBe(7);
  expect(m.rate(t0 + 200)).toEqual({ bytesPerSec: 0, readsPerSec: 0 });
});
