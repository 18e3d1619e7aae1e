/**
 * Bytes socklab holds for one socket before it stops feeding it: past this, an echo stops
 * reading the socket it echoes and repeated sends wait, until Node's 'drain' (everything held
 * handed to the kernel). The kernel's own buffers then fill, the peer's window shuts, and TCP
 * blocks the sender — memory stays bounded whatever a peer does. Without it, echo to a peer
 * that never read held 8 GB after 30 s.
 *
 * It is checked after each write, so a socket holds at most this plus one write (one read of
 * ≤ 64 KiB for echo, one message for a send).
 */
export const WRITE_BOUND = 1024 * 1024;
