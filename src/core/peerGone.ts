import type { Socket } from 'node:net';
import { getSystemErrorName } from 'node:util';

/** The one private field read here: Node's TCP handle, whose getpeername returns a libuv code. */
interface PeerNameHandle {
  getpeername?(out: object): number;
}

/**
 * Whether the kernel says this connection has no peer any more: getpeername(2) fails with
 * ENOTCONN, asked afresh (Node keeps the first answer in `remoteAddress`). A socket whose peer
 * sent FIN still has one (CLOSE_WAIT); one its peer reset (RST) is in CLOSE and has none.
 * Ask only while socklab has not sent FIN itself: past its own FIN, TIME_WAIT is CLOSE too.
 * Null when Node's handle cannot be asked (gone, or another Node): the caller decides alone.
 */
export function peerGone(socket: Socket): boolean | null {
  const handle = (socket as unknown as { _handle?: PeerNameHandle | null })._handle;
  if (typeof handle?.getpeername !== 'function') return null;
  const code = handle.getpeername({});
  if (code === 0) return false;
  return code < 0 && getSystemErrorName(code) === 'ENOTCONN' ? true : null;
}
