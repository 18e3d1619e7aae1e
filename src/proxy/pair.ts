import type { ConnHandle } from '../core/connection.js';
import type { ProxyFaults } from '../state/proxyTypes.js';
import { Forwarder } from './forwarder.js';

/**
 * The two legs of one proxied connection, relayed faithfully: each read forwarded as its own
 * write (through the direction's faults), FIN as FIN (half-close kept), RST as RST. A leg
 * whose writes back up stops the other leg's reading until it drains.
 */
export class ProxyPair {
  readonly upstream: Forwarder;
  readonly downstream: Forwarder;

  constructor(
    readonly accepted: ConnHandle,
    readonly dialled: ConnHandle,
    faults: () => ProxyFaults,
    onDone: () => void,
  ) {
    const resetBoth = () => this.resetBoth();
    this.upstream = new Forwarder(() => faults().upstream, dialled, {
      resume: () => accepted.resumeReading(),
      resetBoth,
    });
    this.downstream = new Forwarder(() => faults().downstream, accepted, {
      resume: () => dialled.resumeReading(),
      resetBoth,
    });
    accepted.relay = relayTo(this.upstream);
    dialled.relay = relayTo(this.downstream);
    let open = 2;
    const closed = (leg: ConnHandle, other: ConnHandle, into: Forwarder) => () => {
      const reason = leg.rec.closeReason;
      if (reason === 'peer-reset' || reason === 'error') {
        this.stop();
        end(other);
      } else if (reason === 'local-close' || reason === 'peer-fin') {
        // Closed whole (both FINs, or `x`): the other leg gets what is held, then FIN.
        into.fin();
      }
      if (--open === 0) onDone();
    };
    accepted.socket.once('close', closed(accepted, dialled, this.upstream));
    dialled.socket.once('close', closed(dialled, accepted, this.downstream));
  }

  refresh(): void {
    this.upstream.refresh();
    this.downstream.refresh();
  }

  private stop(): void {
    this.upstream.stop();
    this.downstream.stop();
  }

  private resetBoth(): void {
    this.stop();
    end(this.accepted);
    end(this.dialled);
  }
}

const relayTo = (f: Forwarder) => ({
  read: (chunk: Buffer) => f.push(chunk),
  canRead: () => f.open,
  fin: () => f.fin(),
});

/** RST an open leg; a dial still under way is abandoned (there is nothing to reset yet). */
function end(h: ConnHandle): void {
  if (h.socket.destroyed) return;
  if (h.rec.state === 'connecting') h.abort();
  else h.reset();
}
