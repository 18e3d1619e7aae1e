// The keys of UDP: open a socket (u), make a client in the client pane (u there), show the
// UDP clients (U), type a datagram, close. Commands only: the engine thread has the sockets.
import { formatAddress } from '../format/address.js';
import { formatCount } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import { notSentText } from '../i18n/outcomeText.js';
import { parseEndpoint } from '../input/endpoint.js';
import { parseEscapes } from '../input/parseEscapes.js';
import type { ActionContext, Done } from './actions.js';
import { type Prompt, newPrompt as prompt } from './uiState.js';

/** Where a new UDP socket or client points by default: the selected socket, else listener. */
function initialTarget(ctx: ActionContext): string {
  const u = ctx.sel.udp ?? ctx.sel.udpSockets.at(-1);
  if (u?.boundPort) return formatAddress(u.host, u.boundPort);
  const l = ctx.sel.listener;
  return l ? formatAddress(l.host, l.boundPort ?? l.port) : '127.0.0.1:9999';
}

export type UdpAction = 'udp-open' | 'udp-client' | 'udp-clients';

export function runUdpAction(action: UdpAction, ctx: ActionContext): Done {
  const { set, ui } = ctx;
  switch (action) {
    case 'udp-open':
      set({ prompt: prompt('udp-listen', initialTarget(ctx)), status: null });
      return true;
    case 'udp-client':
      set({ prompt: prompt('udp-target', initialTarget(ctx)), status: null });
      return true;
    case 'udp-clients':
      set({ clientsUdp: !ui.clientsUdp, status: null });
      return true;
  }
}

/** Enter in the client pane while it shows UDP clients: a datagram to the selected one. */
export function udpMessage(ctx: ActionContext): Done {
  const c = ctx.sel.udpClient;
  if (!c) {
    ctx.set({ status: t('udp.status.noClient') });
    return true;
  }
  ctx.set({ prompt: prompt('udp-message', '', c.id), status: null });
  return true;
}

/** x on a UDP socket (listeners pane) or a UDP client (client pane). */
export function udpClose(ctx: ActionContext, id: number): Done {
  return ctx.engine.call('udpClose', id).then((o) => {
    ctx.set({ status: t(o === 'closed' ? 'udp.status.closed' : 'udp.status.gone', { id }) });
  });
}

/** What a UDP prompt does with what was typed; an error to show, or null when done. */
export function submitUdpPrompt(p: Prompt, value: string, ctx: ActionContext): string | null {
  const { engine, set } = ctx;
  switch (p.kind) {
    case 'udp-listen': {
      const e = parseEndpoint(value);
      if (!e.ok) return e.error;
      set({ prompt: null });
      void engine.call('udpOpen', e.value.host, e.value.port).then((id) => {
        set({ udpId: id, focus: 'listeners', status: t('udp.status.opening', { id }) });
      });
      return null;
    }
    case 'udp-target': {
      // "HOST:PORT connect": connect() the socket, so ICMP errors come back (ECONNREFUSED).
      const m = /^(.*?)(?:\s+connect)?\s*$/i.exec(value.trim());
      const connect = /\s+connect\s*$/i.test(value.trim());
      const e = parseEndpoint(m?.[1] ?? value);
      if (!e.ok) return e.error;
      set({ prompt: null });
      void engine.call('udpClient', e.value.host, e.value.port, connect).then((id) => {
        set({ clientsUdp: true, udpClientId: id, focus: 'client' });
        set({ prompt: prompt('udp-message', '', id) });
      });
      return null;
    }
    default: {
      if (value === '') return t('prompt.emptyMessage');
      const bytes = parseEscapes(value);
      if (!bytes.ok) return bytes.error;
      const id = p.connection;
      if (id === null) return t('udp.status.noClient');
      set({ prompt: { ...p, initial: '', error: null, typed: '', serial: p.serial + 1 } });
      void engine.call('udpSend', id, bytes.bytes).then((o) => {
        if (o === 'sent')
          set({ status: t('udp.status.sent', { bytes: formatCount(bytes.bytes.length), id }) });
        else
          set({
            prompt: null,
            status:
              o === 'not-open' ? t('udp.status.notOpen', { id }) : notSentText('not-found', id),
          });
      });
      return null;
    }
  }
}
