// What a program calling recvfrom(N) would get for a datagram of `bytes`: socklab itself is
// handed the whole datagram by Node, so this is computed, and the screen says so.

export interface RecvfromResult {
  /** Bytes recvfrom(N) returns (Linux, macOS: the first N; Windows: the call fails). */
  kept: number;
  /** Bytes the kernel drops with the datagram's tail: they are never read. */
  discarded: number;
  /** Windows fails the call instead (WSAEMSGSIZE), filling the buffer all the same. */
  fails: 'WSAEMSGSIZE' | null;
}

export function recvfrom(bytes: number, n: number, platform: string): RecvfromResult {
  const kept = Math.min(bytes, n);
  const discarded = bytes - kept;
  return { kept, discarded, fails: discarded > 0 && platform === 'win32' ? 'WSAEMSGSIZE' : null };
}

/** The largest UDP payload over IPv4: 65,535 − 20 (IP header) − 8 (UDP header). */
export const MAX_UDP4_PAYLOAD = 65_507;
/** Over IPv6 (no jumbograms): 65,535 − 8; the IPv6 header is not counted in its length. */
export const MAX_UDP6_PAYLOAD = 65_527;
