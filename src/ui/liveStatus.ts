import { formatAddress } from '../format/address.js';
import { t } from '../i18n/i18n.js';
import { findLab } from '../labs/guidedLabs.js';
import type { Snapshot } from '../state/types.js';
import { connState } from './components/ConnectionsPane.js';
import type { LiveStatus } from './uiState.js';

/** The status row for something under way, as the snapshot has it now. */
export function liveStatusText(live: LiveStatus, snap: Snapshot): string {
  switch (live.kind) {
    case 'lab':
      return findLab(live.run.lab)?.status(live.run, snap) ?? '';
    case 'listener': {
      const l = snap.listeners.find((x) => x.id === live.id);
      if (!l) return '';
      const vars = { id: l.id, address: formatAddress(l.host, l.boundPort ?? l.port) };
      if (l.state === 'starting') return t('status.listenerStarting', vars);
      if (l.state === 'listening') return t('status.listenerListening', vars);
      if (l.state === 'closed') return t('status.listenerClosed', vars);
      return t('status.listenerFailed', { ...vars, code: l.error?.code ?? t('errors.error') });
    }
    case 'client': {
      const c = snap.connections.find((x) => x.id === live.id);
      if (!c) return '';
      const vars = { id: c.id, target: c.target ?? '' };
      if (c.state === 'connecting') return t('status.clientConnectingTo', vars);
      if (c.error && c.local.port === 0) {
        return t('status.clientFailed', { ...vars, code: c.error.code });
      }
      if (c.state === 'open') return t('status.clientConnected', { ...vars, port: c.local.port });
      return t('status.clientState', { ...vars, state: connState(c) });
    }
  }
}
