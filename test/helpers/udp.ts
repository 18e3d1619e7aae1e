import type { Snapshot } from '../../src/state/types.js';
import type { UdpSocketView } from '../../src/udp/udpTypes.js';
import type { TestEngine } from './lab.js';

/** The UDP socket `id` in `s`. */
export const udpOf = (s: Snapshot, id: number): UdpSocketView | undefined =>
  s.udp?.find((u) => u.id === id);

/** Open a UDP socket on `host`, a free port; resolves with its id and port once bound. */
export async function udpBound(
  t: TestEngine,
  host = '127.0.0.1',
  port = 0,
): Promise<{ id: number; port: number }> {
  const id = t.engine.udp.open(host, port);
  const bound = await t.until((s) => {
    const u = udpOf(s, id);
    if (u?.state === 'failed') throw new Error(`udp bind failed: ${u.error?.code}`);
    return u?.state === 'listening' ? (u.boundPort as number) : undefined;
  });
  return { id, port: bound };
}
