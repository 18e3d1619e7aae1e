import type { Snapshot } from '../state/types.js';
import type { UdpSocketView } from '../udp/udpTypes.js';
import type { UiState } from './uiState.js';

/** The UDP side of the selection: a UDP socket picked in the listeners pane, a UDP client. */
export interface UdpSelection {
  udpSockets: readonly UdpSocketView[];
  /** Set when a UDP socket's row is the one selected in the listeners pane. */
  udp: UdpSocketView | null;
  udpClients: readonly UdpSocketView[];
  /** The UDP client the client pane shows, when it shows UDP (ui.clientsUdp). */
  udpClient: UdpSocketView | null;
}

export function udpSelect(snap: Snapshot, ui: UiState): UdpSelection {
  const all = snap.udp ?? [];
  const udpSockets = all.filter((u) => u.kind === 'socket');
  const udpClients = all.filter((u) => u.kind === 'client');
  // With no TCP listener at all (socklab -u alone), the first UDP socket is the selection.
  const udp =
    ui.udpId === null
      ? snap.listeners.length === 0
        ? (udpSockets[0] ?? null)
        : null
      : (udpSockets.find((u) => u.id === ui.udpId) ?? null);
  const udpClient = ui.clientsUdp
    ? (udpClients.find((u) => u.id === ui.udpClientId) ?? udpClients.at(-1) ?? null)
    : null;
  return { udpSockets, udp, udpClients, udpClient };
}

type Row = { udp: boolean; id: number };

/**
 * ↑↓ in the listeners pane: the TCP listeners, then the UDP sockets, as one list. Returns
 * the patch that selects the next row.
 */
export function moveListenerRow(
  tcp: readonly { id: number }[],
  udp: readonly { id: number }[],
  current: Row | null,
  dir: 1 | -1,
): Partial<UiState> {
  const rows: Row[] = [
    ...tcp.map((l) => ({ udp: false, id: l.id })),
    ...udp.map((u) => ({ udp: true, id: u.id })),
  ];
  if (rows.length === 0) return {};
  const i = current ? rows.findIndex((r) => r.udp === current.udp && r.id === current.id) : -1;
  const next = rows[Math.max(0, Math.min(rows.length - 1, (i < 0 ? rows.length : i) + dir))];
  return next.udp ? { udpId: next.id } : { udpId: null, listenerId: next.id, connectionId: null };
}
