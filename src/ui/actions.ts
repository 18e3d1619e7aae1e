import type { Engine } from '../core/engine.js';
import { formatAddress, loopbackFor } from '../core/explainErrno.js';
import { t } from '../i18n/i18n.js';
import { GUIDED_LABS } from '../labs/guidedLabs.js';
import type { Mode, Snapshot } from '../state/types.js';
import type { Action } from './keymap.js';
import { moveId, type Selection } from './selection.js';
import { stepBuffer } from './slider.js';
import { cycleFocus, type PaneId, type Prompt, type UiState } from './uiState.js';

export interface ActionContext {
  ui: UiState;
  set(patch: Partial<UiState>): void;
  engine: Engine;
  snap: Snapshot;
  sel: Selection;
  quit(): void;
}

const prompt = (kind: Prompt['kind'], initial = '', connection: number | null = null): Prompt => ({
  kind,
  initial,
  connection,
  error: null,
  serial: 0,
});

/** Keys become calls on the core (or changes of what is selected); nothing here touches a socket. */
export function runAction(action: Action, ctx: ActionContext): void {
  const { ui, set, engine, sel } = ctx;
  const focus: PaneId = ui.focus;
  switch (action) {
    case 'focus-next':
    case 'focus-prev':
      return set({ focus: cycleFocus(focus, action === 'focus-next' ? 1 : -1), status: null });
    case 'up':
    case 'down':
      return move(ctx, action === 'up' ? -1 : 1);
    case 'buffer-down':
    case 'buffer-up': {
      const next = stepBuffer(engine.store.bufferSize, action === 'buffer-up' ? 1 : -1);
      engine.setBufferSize(next);
      return set({ status: t('status.buffer', { bytes: next }) });
    }
    case 'mode': {
      const mode: Mode = engine.store.mode === 'concurrent' ? 'sequential' : 'concurrent';
      engine.setMode(mode);
      return set({
        status: t(mode === 'sequential' ? 'status.sequential' : 'status.concurrent'),
      });
    }
    case 'new-listener': {
      const l = sel.listener;
      const initial = l ? formatAddress(l.host, l.boundPort ?? l.port) : '127.0.0.1:9999';
      return set({ prompt: prompt('listen', initial), status: null });
    }
    case 'client': {
      const l = sel.listener;
      if (l?.state !== 'listening' || l.boundPort === null) {
        return set({ status: t('status.selectListener') });
      }
      const id = engine.connect(loopbackFor(l.host, l.boundAddress), l.boundPort);
      return set({ clientId: id, focus: 'client', statusLive: { kind: 'client', id } });
    }
    case 'target': {
      const l = sel.listener;
      const initial = l?.boundPort ? formatAddress(l.host, l.boundPort) : '127.0.0.1:9999';
      return set({ prompt: prompt('target', initial), status: null });
    }
    case 'message':
      if (!sel.client || sel.client.closedAt !== null) {
        return set({ status: t('status.noClient') });
      }
      return set({ prompt: prompt('message', '', sel.client.id), status: null });
    case 'server-send':
      if (!sel.connection || sel.connection.closedAt !== null) {
        return set({ status: t('status.noConnection') });
      }
      return set({ prompt: prompt('server-send', '', sel.connection.id), status: null });
    case 'close':
      return closeSelected(ctx);
    case 'retry':
      if (sel.listener) engine.retryListener(sel.listener.id);
      return;
    case 'reset':
    case 'half-close': {
      const c = focus === 'client' ? sel.client : sel.connection;
      if (!c) return set({ status: t('status.nothingSelected') });
      if (action === 'reset') engine.reset(c.id);
      else engine.halfClose(c.id);
      return set({
        status: t(action === 'reset' ? 'status.sentRst' : 'status.sentFin', { id: c.id }),
      });
    }
    case 'nodelay':
      if (sel.client) engine.setNoDelay(sel.client.id, !sel.client.noDelay);
      return;
    case 'hex':
      return set({ hex: !ui.hex });
    case 'scope':
      return set({ readsScope: ui.readsScope === 'connection' ? 'listener' : 'connection' });
    case 'echo': {
      const l = sel.listener;
      if (!l) return set({ status: t('status.noListener') });
      engine.setEcho(l.id, !l.echo);
      // The row's "echo" is cut off below ~150 columns: say it here too.
      return set({ status: t(l.echo ? 'status.echoOff' : 'status.echoOn', { id: l.id }) });
    }
    case 'dismiss-all':
      engine.store.dismissError();
      return;
    case 'help':
      return set({ help: !ui.help });
    case 'labs': {
      const open = GUIDED_LABS.findIndex((l) => l.id === ui.lab?.id);
      return set({ labList: true, help: false, labIndex: open >= 0 ? open : ui.labIndex });
    }
    case 'report':
      return; // needs the whole view: App handles it
    case 'quit':
      return ctx.quit();
  }
}

function move(ctx: ActionContext, dir: 1 | -1): void {
  const { ui, set, snap, sel } = ctx;
  switch (ui.focus) {
    case 'listeners':
      return set({ listenerId: moveId(snap.listeners, sel.listener, dir), connectionId: null });
    case 'connections':
    case 'reads':
      return set({ connectionId: moveId(sel.connections, sel.connection, dir) });
    case 'client':
      return set({ clientId: moveId(sel.clients, sel.client, dir) });
    case 'errors':
      return set({ errorId: moveId(snap.errors, sel.error, dir) });
    case 'slider':
      return runAction(dir < 0 ? 'buffer-up' : 'buffer-down', ctx);
  }
}

function closeSelected(ctx: ActionContext): void {
  const { ui, engine, sel, set } = ctx;
  switch (ui.focus) {
    case 'listeners':
      if (sel.listener) engine.closeListener(sel.listener.id);
      return;
    case 'connections':
    case 'reads':
      if (sel.connection) engine.close(sel.connection.id);
      return;
    case 'client':
      if (sel.client) engine.close(sel.client.id);
      return;
    case 'errors':
      if (sel.error) engine.store.dismissError(sel.error.id);
      return set({ errorId: null });
    default:
      return;
  }
}
