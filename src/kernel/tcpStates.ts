/**
 * The kernel's TCP states by the number /proc/net/tcp writes (include/net/tcp_states.h), with
 * the name the kernel uses (NDJSON, codes) and the one `ss` prints (the screen), so a student
 * can move between socklab and `ss -tan`.
 */
export const TCP_STATES = {
  1: { name: 'ESTABLISHED', ss: 'ESTAB' },
  2: { name: 'SYN_SENT', ss: 'SYN-SENT' },
  3: { name: 'SYN_RECV', ss: 'SYN-RECV' },
  4: { name: 'FIN_WAIT1', ss: 'FIN-WAIT-1' },
  5: { name: 'FIN_WAIT2', ss: 'FIN-WAIT-2' },
  6: { name: 'TIME_WAIT', ss: 'TIME-WAIT' },
  7: { name: 'CLOSE', ss: 'UNCONN' },
  8: { name: 'CLOSE_WAIT', ss: 'CLOSE-WAIT' },
  9: { name: 'LAST_ACK', ss: 'LAST-ACK' },
  10: { name: 'LISTEN', ss: 'LISTEN' },
  11: { name: 'CLOSING', ss: 'CLOSING' },
} as const;

export type TcpStateNumber = keyof typeof TCP_STATES;
export type TcpState = (typeof TCP_STATES)[TcpStateNumber]['name'];

export const TCP_STATE_NAMES: readonly TcpState[] = Object.values(TCP_STATES).map((s) => s.name);

/** The state for the kernel's number, or null for one this table does not know (NEW_SYN_RECV is never listed). */
export function tcpState(n: number): TcpState | null {
  return Object.hasOwn(TCP_STATES, n) ? TCP_STATES[n as TcpStateNumber].name : null;
}

/** What `ss` prints for the state. */
export function ssName(state: TcpState): string {
  for (const s of Object.values(TCP_STATES)) if (s.name === state) return s.ss;
  return state;
}
