import type { PortsFilter } from '../kernel/portsReport.js';
import type { ActionContext } from './actions.js';
import type { Action } from './keymap.js';
import type { Selection } from './selection.js';
import type { UiState } from './uiState.js';

/** The most rows the ports view asks the engine for: what crosses stays bounded. */
export const PORTS_LIMIT = 500;

/** What the ports view shows: the selected listener's port (bound, or asked for), or every port. */
export function portsFilter(ui: UiState, sel: Selection): PortsFilter | null {
  if (!ui.ports) return null;
  // A UDP socket selected in the listeners pane (src/udp): its port.
  const l = sel.udp ?? sel.listener;
  const port = l ? (l.boundPort ?? l.port) : null;
  if (ui.ports.all || port === null || port === 0) return { limit: PORTS_LIMIT };
  return { port, limit: PORTS_LIMIT };
}

/** `k` opens or closes it, `a` switches this port / all, ↑↓ scroll. */
export function portsAction(action: Action, ctx: ActionContext): void {
  const { ui, set } = ctx;
  const p = ui.ports;
  switch (action) {
    case 'ports':
      return set({ ports: { all: false, scroll: 0 }, help: false });
    case 'ports-close':
      return set({ ports: null });
    case 'ports-all':
      return set({ ports: p ? { all: !p.all, scroll: 0 } : null });
    case 'ports-up':
    case 'ports-down':
      if (!p) return;
      return set({
        ports: { ...p, scroll: Math.max(0, p.scroll + (action === 'ports-up' ? -1 : 1)) },
      });
  }
}
