import { ARROW, faultText } from '../i18n/faultText.js';
import { t } from '../i18n/i18n.js';
import { parseFaultCommand, parseProxySpec } from '../input/proxySpec.js';
import type { ActionContext } from './actions.js';
import { newPrompt, type Prompt } from './uiState.js';

/**
 * F opens the fault prompt for the selected proxy: text, because `latency down:100` says more
 * than a key. (A proxy itself is made in n's prompt: `[HOST:]PORT=HOST:PORT`.)
 */
export function proxyAction(ctx: ActionContext): void {
  const { sel, set } = ctx;
  const l = sel.listener;
  if (!l?.proxy) return set({ status: t('fault.noProxy') });
  set({ prompt: { ...newPrompt('fault'), listener: l.id }, status: null });
}

/**
 * What was typed in n's prompt as a proxy, or in the fault prompt; an error to show under it,
 * or null when done.
 */
export function submitProxyPrompt(p: Prompt, value: string, ctx: ActionContext): string | null {
  const { engine, set } = ctx;
  if (p.kind === 'listen') {
    const spec = parseProxySpec(value);
    if (!spec.ok) return spec.error;
    const { listen, target } = spec.value;
    set({ prompt: null });
    void engine
      .call('proxy', listen.host, listen.port, target.host, target.port)
      .then((id) => set({ listenerId: id, statusLive: { kind: 'listener', id } }));
    return null;
  }
  const f = parseFaultCommand(value);
  if (!f.ok) return f.error;
  const id = p.listener ?? -1;
  const proxy = ctx.sel.listener?.id === id ? ctx.sel.listener.proxy : null;
  set({ prompt: null });
  void Promise.all(
    f.value.directions.map((d) => engine.call('setFaults', id, d, f.value.patch)),
  ).then((outcomes) => {
    if (outcomes.some((o) => o !== 'set') || !proxy) return set({ status: t('fault.noProxy') });
    const status = f.value.directions
      .map((d) =>
        t('fault.set', {
          id,
          direction: ARROW[d],
          faults: faultText({ ...proxy.faults[d], ...f.value.patch }),
        }),
      )
      .join(' · ');
    set({ status });
  });
  return null;
}
