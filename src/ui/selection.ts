import type { ConnectionView, ErrorEntry, ListenerView, Snapshot } from '../state/types.js';
import { type UdpSelection, udpSelect } from './udpSelection.js';
import type { UiState } from './uiState.js';

export interface Selection extends UdpSelection {
  listener: ListenerView | null;
  /** Accepted connections of the selected listener, oldest first. */
  connections: readonly ConnectionView[];
  connection: ConnectionView | null;
  /** A proxy's upstream legs (dialled to its target), by id: each is the other half of a row. */
  legs: ReadonlyMap<number, ConnectionView>;
  clients: readonly ConnectionView[];
  client: ConnectionView | null;
  error: ErrorEntry | null;
}

/** Resolve the UI's ids against the snapshot; a missing or unset id falls back sensibly. */
export function select(snap: Snapshot, ui: UiState): Selection {
  const udp = udpSelect(snap, ui);
  // A UDP row selected is the selection: no TCP listener (nor its connections) stays selected
  // behind it for a TCP key to reach; likewise no TCP client while the pane shows UDP ones.
  const listener = udp.udp
    ? null
    : (snap.listeners.find((l) => l.id === ui.listenerId) ??
      snap.listeners.find((l) => l.state === 'listening') ??
      snap.listeners[0] ??
      null);
  const connections = listener
    ? snap.connections.filter((c) => c.kind === 'accepted' && c.listenerId === listener.id)
    : [];
  // A proxy's dialled legs are not the user's clients: they show on their pair's row.
  const clients = snap.connections.filter((c) => c.kind === 'client' && !c.proxy);
  const legs = new Map<number, ConnectionView>();
  for (const c of snap.connections) {
    if (listener && c.proxy?.role === 'upstream' && c.proxy.listener === listener.id) {
      legs.set(c.id, c);
    }
  }
  return {
    listener,
    connections,
    connection: pick(connections, ui.connectionId),
    legs,
    clients,
    client: ui.clientsUdp ? null : pick(clients, ui.clientId),
    error: snap.errors.find((e) => e.id === ui.errorId) ?? snap.errors[0] ?? null,
    ...udp,
  };
}

/** The chosen one, or the newest when nothing (still existing) is chosen. */
function pick<T extends { id: number }>(list: readonly T[], id: number | null): T | null {
  return list.find((x) => x.id === id) ?? list[list.length - 1] ?? null;
}

/** The id one step up or down from `current` in `list`. */
export function moveId<T extends { id: number }>(
  list: readonly T[],
  current: T | null,
  dir: 1 | -1,
): number | null {
  if (list.length === 0) return null;
  const i = current ? list.findIndex((x) => x.id === current.id) : -1;
  const next = Math.max(0, Math.min(list.length - 1, (i < 0 ? list.length : i) + dir));
  return list[next].id;
}
