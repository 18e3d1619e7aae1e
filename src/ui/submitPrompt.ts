import { formatCount } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import { notSentText } from '../i18n/outcomeText.js';
import { parseEndpoint } from '../input/endpoint.js';
import { parseEscapes } from '../input/parseEscapes.js';
import type { ActionContext } from './actions.js';
import { promptLimit } from './promptLimit.js';
import { submitProxyPrompt } from './proxyActions.js';
import { submitUdpPrompt } from './udpActions.js';
import type { Prompt } from './uiState.js';

/** Act on what was typed. Returns an error to show under the prompt, or null when done. */
export function submitPrompt(
  p: Prompt,
  value: string,
  ctx: ActionContext,
  overflowed = false,
): string | null {
  const { engine, set } = ctx;
  // Text longer than the box holds: only its start is here, so acting on it would be wrong.
  if (overflowed) {
    const max = promptLimit(p.kind);
    return p.kind === 'listen' ||
      p.kind === 'target' ||
      p.kind === 'udp-listen' ||
      p.kind === 'udp-target'
      ? t('endpoint.hostTooLong', { length: `${formatCount(max)}+` })
      : t('prompt.full', { max: formatCount(max) });
  }
  switch (p.kind) {
    case 'fault':
      return submitProxyPrompt(p, value, ctx);
    case 'udp-listen':
    case 'udp-target':
    case 'udp-message':
      return submitUdpPrompt(p, value, ctx);
    case 'listen': {
      // `[HOST:]PORT=HOST:PORT`: a proxy in front of HOST:PORT.
      if (value.includes('=')) return submitProxyPrompt(p, value, ctx);
      const e = parseEndpoint(value);
      if (!e.ok) return e.error;
      set({ prompt: null });
      void engine
        .call('listen', e.value.host, e.value.port)
        .then((id) => set({ statusLive: { kind: 'listener', id } }));
      return null;
    }
    case 'target': {
      const e = parseEndpoint(value);
      if (!e.ok) return e.error;
      set({ prompt: null });
      void engine
        .call('connect', e.value.host, e.value.port)
        .then((id) => set({ clientId: id, focus: 'client', statusLive: { kind: 'client', id } }));
      return null;
    }
    case 'message':
    case 'server-send': {
      if (value === '') return t('prompt.emptyMessage');
      const bytes = parseEscapes(value);
      if (!bytes.ok) return bytes.error;
      const id = p.connection;
      if (id === null) {
        set({ prompt: null, status: t('status.nothingSelected') });
        return null;
      }
      // Stay open like a chat box; a fresh prompt object clears the text.
      set({ prompt: { ...p, initial: '', error: null, typed: '', serial: p.serial + 1 } });
      void engine.call('send', id, bytes.bytes).then((outcome) => {
        if (outcome === 'sent')
          set({ status: t('status.sent', { bytes: formatCount(bytes.bytes.length), id }) });
        // Closed, half-closed or not yet connected: the box has nothing to send to.
        else set({ prompt: null, status: notSentText(outcome, id) });
      });
      return null;
    }
  }
}
