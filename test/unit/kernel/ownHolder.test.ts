// Who holds a port socklab holds itself: known from its own records, not from a scan of every
// process's descriptors (/proc/PID/fd), which runs at most once a second and may predate it.
import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, type TestEngine } from '../../helpers/lab.js';

let t: TestEngine | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe.skipIf(process.platform !== 'linux')('who holds a port socklab itself holds', () => {
  it('is this socklab, even right after a scan of /proc/PID/fd (they are at most once a second)', async () => {
    t = makeEngine();
    const lab = t;
    await lab.listenAndWait();
    lab.engine.kernel.ports(); // a scan of every process's descriptors, now
    const port = await lab.listenAndWait(); // a socket that scan did not see
    const again = lab.engine.listen('127.0.0.1', port);
    const failed = await lab.until((s) => {
      const l = s.listeners.find((x) => x.id === again);
      return l?.state === 'failed' ? l : undefined;
    });
    expect(failed.error?.holder).toMatchObject({ pid: process.pid, listener: 2, state: 'LISTEN' });
  });
});
