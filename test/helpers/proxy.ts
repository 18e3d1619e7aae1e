// Proxy tests' helpers: a socklab engine with one proxy in front of a target, and plain
// node:net targets. Loopback only, port 0 only.
import net from 'node:net';
import type { ProxyFaults } from '../../src/state/proxyTypes.js';
import { makeEngine, type TestEngine } from './lab.js';

export async function proxyTo(
  lab: TestEngine,
  targetPort: number,
  faults?: ProxyFaults,
  targetHost = '127.0.0.1',
): Promise<{ id: number; port: number }> {
  const id = lab.engine.proxies.open(
    '127.0.0.1',
    0,
    { host: targetHost, port: targetPort },
    faults,
  );
  const port = await lab.until((s) => {
    const l = s.listeners.find((x) => x.id === id);
    if (l?.state === 'failed') throw new Error(`proxy listen failed: ${l.error?.code}`);
    return l?.state === 'listening' ? (l.boundPort as number) : undefined;
  });
  return { id, port };
}

/** A target server whose accepted sockets the test gets (allowHalfOpen, as a faithful peer). */
export async function target(): Promise<{
  server: net.Server;
  port: number;
  next(): Promise<net.Socket>;
}> {
  const waiting: ((s: net.Socket) => void)[] = [];
  const ready: net.Socket[] = [];
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    const w = waiting.shift();
    if (w) w(s);
    else ready.push(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    server,
    port: (server.address() as net.AddressInfo).port,
    next: () => {
      const s = ready.shift();
      return s ? Promise.resolve(s) : new Promise((r) => waiting.push(r));
    },
  };
}

/** A port nothing listens on: bound, then closed. */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

export { makeEngine };
