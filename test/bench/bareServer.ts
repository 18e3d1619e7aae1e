import net from 'node:net';
import { readFixed } from '../../src/core/fixedReader.js';

/**
 * The baseline: a bare `node:net` server that reads with socklab's own read method
 * (fixedReader.ts) and only counts. Accepted paused and half-open like socklab's listener,
 * and closed the same way when the peer sends FIN.
 */
export class BareServer {
  bytes = 0;
  reads = 0;
  accepted = 0;
  ended = 0;
  closed = 0;
  /** performance.now() of the last accept / FIN read / close. */
  lastAccept = 0;
  lastEnd = 0;
  lastClose = 0;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  /** Called with every chunk read (the latency scenario looks for its markers). */
  onRead: ((chunk: Buffer) => void) | null = null;

  static start(bufferSize: number): Promise<BareServer> {
    const server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: 0 }, () => {
        const bare = new BareServer(server, (server.address() as net.AddressInfo).port);
        server.on('connection', (s) => bare.accept(s, bufferSize));
        resolve(bare);
      });
    });
  }

  private accept(socket: net.Socket, bufferSize: number): void {
    this.accepted++;
    this.lastAccept = performance.now();
    this.sockets.add(socket);
    socket.on('error', () => {});
    socket.on('end', () => {
      this.ended++;
      this.lastEnd = performance.now();
      socket.end(() => socket.destroy());
    });
    socket.on('close', () => {
      this.closed++;
      this.lastClose = performance.now();
      this.sockets.delete(socket);
    });
    readFixed(
      socket,
      () => bufferSize,
      (chunk) => {
        this.bytes += chunk.length;
        this.reads++;
        this.onRead?.(chunk);
      },
    );
  }

  /** Bytes read in all: the figure checked against what was sent. */
  counted(): number {
    return this.bytes;
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((r) => this.server.close(() => r()));
  }
}
