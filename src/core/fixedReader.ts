import type { Socket } from 'node:net';

export interface FixedReader {
  /** Read what waits, after `canRead` said no (the gate opened again). */
  resume(): void;
}

/**
 * Reads a socket the way Python's `conn.recv(N)` does: every chunk handed on is at most
 * N bytes, N asked afresh before each read so the buffer size can change mid-stream.
 *
 * Method: paused mode, `socket.read(min(N, readableLength))` on 'readable'. Each record is
 * one application read of ≤ N bytes — what the user's program would see — not one read(2)
 * syscall (Node hides those; re-wrapping the accepted handle with `onread` needs a private
 * field). A burst is everything drained from one 'readable': one arrival of data.
 *
 * `canRead` is asked before each read: while it says no, nothing is read, Node's buffer
 * fills and stops reading the handle, and the kernel's window shuts on the peer (TCP
 * backpressure). Call `resume()` when it would say yes again.
 */
export function readFixed(
  socket: Socket,
  bufferSize: () => number,
  onRead: (chunk: Buffer, burst: number) => void,
  canRead: () => boolean = () => true,
): FixedReader {
  let burst = 0;
  const drain = () => {
    burst++;
    let available = socket.readableLength;
    while (available > 0) {
      if (!canRead()) return;
      const n = Math.min(bufferSize(), available);
      const chunk: Buffer | null = socket.read(n);
      if (chunk === null) break;
      onRead(chunk, burst);
      if (socket.destroyed) return;
      available = socket.readableLength;
    }
    // An empty read lets the stream notice EOF and emit 'end'.
    socket.read(0);
  };
  socket.on('readable', drain);
  return {
    resume: () => {
      if (!socket.destroyed && canRead()) drain();
    },
  };
}
