import { Engine } from '../../src/core/engine.js';
import type { ListenerRec } from '../../src/state/records.js';
import { Store } from '../../src/state/store.js';
import type { Snapshot } from '../../src/state/types.js';
import { until } from './clock.js';
import { type Dashboard, mountDashboard } from './dashboard.js';

/**
 * socklab under test: store + lab + one listener on 127.0.0.1:0, the dashboard rendering.
 * Counts come from the store's own exact counters.
 */
export class LabServer {
  accepted = 0;
  ended = 0;
  closed = 0;
  /** performance.now() of the last accept / FIN read / close, from the store's events. */
  lastAccept = 0;
  lastEnd = 0;
  lastClose = 0;

  private constructor(
    readonly engine: Engine,
    readonly store: Store,
    readonly listener: ListenerRec,
    readonly port: number,
    readonly dashboard: Dashboard | null,
  ) {
    store.tap({
      event: (e) => {
        if (e.type === 'accepted') {
          this.accepted++;
          this.lastAccept = performance.now();
        } else if (e.type === 'peer-closed') {
          this.ended++;
          this.lastEnd = performance.now();
        } else if (e.type === 'closed') {
          this.closed++;
          this.lastClose = performance.now();
        }
      },
    });
  }

  static async start(
    bufferSize: number,
    opts: { dashboard?: boolean; onScreen?: (text: string) => void } = {},
  ): Promise<LabServer> {
    const store = new Store({ bufferSize });
    const lab = new Engine(store);
    const id = lab.listen('127.0.0.1', 0);
    const rec = store.listeners.get(id) as ListenerRec;
    await until(() => rec.state === 'listening' || rec.state === 'failed', 'listening', 5000);
    if (rec.state !== 'listening') throw new Error(`listen failed: ${rec.error?.code}`);
    const dash = opts.dashboard === false ? null : await mountDashboard(lab, opts.onScreen);
    return new LabServer(lab, store, rec, rec.boundPort as number, dash);
  }

  /** Exact, live. */
  get bytes(): number {
    return this.listener.bytesIn;
  }
  get reads(): number {
    return this.listener.reads;
  }
  /** The published total (what the dashboard shows): the figure checked against what was sent. */
  counted(): number {
    return this.snapshot().totals.bytesIn;
  }

  /** The published totals, after a flush (what the dashboard shows). */
  snapshot(): Snapshot {
    this.store.flush();
    return this.store.getSnapshot();
  }

  async close(): Promise<void> {
    await this.dashboard?.unmount();
    await this.engine.closeAll();
  }
}
