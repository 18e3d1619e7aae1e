import net from 'node:net';
import { formatAddress } from '../format/address.js';
import type { Store } from '../state/store.js';
import { type ConnContext, ConnHandle } from './connection.js';
import { makeError, toErrorInfo } from './errorInfo.js';
import type { OsContext } from './osProbe.js';

export interface ClientContext {
  store: Store;
  os: OsContext;
  bufferSize(): number;
  connectTimeoutMs: number;
  register(handle: ConnHandle): void;
  unregister(handle: ConnHandle): void;
}

/**
 * Dial host:port like the lab's `cliente.py`. Node has no connect timeout of its own
 * (the kernel retries SYNs for about two minutes), so one is set here.
 */
export function dial(host: string, port: number, ctx: ClientContext): ConnHandle {
  const { store, os } = ctx;
  const target = formatAddress(host, port);
  const rec = store.addConnection('client', null, target);
  store.setEndpoints(rec, { address: '', port: 0 }, { address: host, port }, '');
  store.emit({ type: 'client-connecting', connection: rec.id, target });
  const socket = new net.Socket({ allowHalfOpen: true });
  const connContext: ConnContext = {
    store,
    os,
    bufferSize: ctx.bufferSize,
    echo: () => false,
    halfOpen: () => false,
    onClosed: (h) => ctx.unregister(h),
  };
  const handle = new ConnHandle(rec, socket, connContext);
  ctx.register(handle);
  let connected = false;
  const timer = setTimeout(() => {
    socket.destroy(
      makeError('ETIMEDOUT', `connect ETIMEDOUT ${target}`, {
        syscall: 'connect',
        address: host,
        port,
      }),
    );
  }, ctx.connectTimeoutMs);
  timer.unref();
  // A connect abandoned (x, r while connecting) ends without 'connect' or 'error'.
  socket.once('close', () => clearTimeout(timer));
  socket.once('connect', () => {
    connected = true;
    clearTimeout(timer);
    store.setEndpoints(
      rec,
      { address: socket.localAddress ?? '?', port: socket.localPort ?? 0 },
      { address: socket.remoteAddress ?? host, port: socket.remotePort ?? port },
      socket.remoteFamily ?? '',
    );
    store.connState(
      rec,
      { state: 'open' },
      {
        type: 'client-connected',
        connection: rec.id,
        local: rec.local,
        peer: rec.peer,
      },
    );
    handle.serve();
  });
  socket.prependListener('error', (err) => {
    clearTimeout(timer);
    if (connected) return;
    const info = toErrorInfo(err, { host, port, os });
    store.emit({ type: 'client-error', connection: rec.id, target, ...info });
  });
  socket.connect({ host, port });
  return handle;
}
