import type { ConnRec, ListenerRec } from './records.js';
import type { EngineEvent, ErrorEntry, Mode, Snapshot, Totals } from './types.js';

export interface SnapshotParts {
  version: number;
  bufferSize: number;
  mode: Mode;
  /** The store's exact counters, copied (the snapshot must not change under a reader). */
  counters: Omit<Totals, 'listeners' | 'openConnections' | 'bothEndsHere'>;
  listeners: Iterable<ListenerRec>;
  connections: Iterable<ConnRec>;
  errors: readonly ErrorEntry[];
  events: readonly EngineEvent[];
  udp?: Snapshot['udp'];
}

/** The immutable picture the panes draw from. Records reuse their last view while clean. */
export function buildSnapshot(p: SnapshotParts): Snapshot {
  const listeners = [...p.listeners].map((l) => l.toView());
  let open = 0;
  // A socklab client and the connection its listener accepted are two ends of one
  // connection: counted once, and said to have both ends here.
  let both = 0;
  const connections = [];
  for (const c of p.connections) {
    if (c.isOpen) {
      open++;
      if (c.kind === 'client' && c.linked?.isOpen) both++;
    }
    connections.push(c.toView());
  }
  const totals: Totals = {
    ...p.counters,
    listeners: listeners.filter((l) => l.state === 'listening').length,
    openConnections: open - both,
    bothEndsHere: both,
  };
  return {
    version: p.version,
    bufferSize: p.bufferSize,
    mode: p.mode,
    totals,
    listeners,
    connections,
    errors: p.errors,
    events: p.events,
    ...(p.udp && { udp: p.udp }),
  };
}
