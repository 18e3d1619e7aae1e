import { formatAddress, loopbackFor } from '../format/address.js';
import { t } from '../i18n/i18n.js';
import { GUIDED_LABS } from '../labs/guidedLabs.js';
import type { Mode, Snapshot } from '../state/types.js';
import type { EngineLink } from '../thread/link.js';
import type { Action } from './keymap.js';
import { moveInLabList, openChosenLab, runOpenLab, scrollLab, toggleAnswer } from './labActions.js';
import { moveId, type Selection } from './selection.js';
import { stepBuffer } from './slider.js';
import { cycleFocus, type PaneId, type Prompt, type UiState } from './uiState.js';

export interface ActionContext {
  ui: UiState;
  set(patch: Partial<UiState>): void;
  /** The UI state now (a command's answer comes after other keys may have changed it). */
  current(): UiState;
  engine: EngineLink;
  snap: Snapshot;
  sel: Selection;
  size: { columns: number; rows: number };
  quit(): void;
  report(): void;
}

/**
 * What an action did: false when it does not apply here (the key goes on to the next
 * binding), a promise while the engine answers (the next key waits for it).
 */
export type Done = boolean | Promise<void>;

const prompt = (kind: Prompt['kind'], initial = '', connection: number | null = null): Prompt => ({
  kind,
  initial,
  connection,
  error: null,
  serial: 0,
});

/** Keys become commands to the engine (or changes of what is selected); nothing here touches a socket. */
export function runAction(action: Action, ctx: ActionContext): Done {
  const { ui, set, engine, sel, snap } = ctx;
  const focus: PaneId = ui.focus;
  switch (action) {
    case 'focus-next':
    case 'focus-prev':
      return done(
        set({ focus: cycleFocus(focus, action === 'focus-next' ? 1 : -1), status: null }),
      );
    case 'up':
    case 'down':
      return move(ctx, action === 'up' ? -1 : 1);
    case 'buffer-down':
    case 'buffer-up': {
      const next = stepBuffer(snap.bufferSize, action === 'buffer-up' ? 1 : -1);
      return engine
        .call('setBufferSize', next)
        .then(() => set({ status: t('status.buffer', { bytes: next }) }));
    }
    case 'mode': {
      const mode: Mode = snap.mode === 'concurrent' ? 'sequential' : 'concurrent';
      return engine
        .call('setMode', mode)
        .then(() =>
          set({ status: t(mode === 'sequential' ? 'status.sequential' : 'status.concurrent') }),
        );
    }
    case 'new-listener': {
      const l = sel.listener;
      const initial = l ? formatAddress(l.host, l.boundPort ?? l.port) : '127.0.0.1:9999';
      return done(set({ prompt: prompt('listen', initial), status: null }));
    }
    case 'client': {
      const l = sel.listener;
      if (l?.state !== 'listening' || l.boundPort === null) {
        return done(set({ status: t('status.selectListener') }));
      }
      return engine
        .call('connect', loopbackFor(l.host, l.boundAddress), l.boundPort)
        .then((id) => set({ clientId: id, focus: 'client', statusLive: { kind: 'client', id } }));
    }
    case 'target': {
      const l = sel.listener;
      const initial = l?.boundPort ? formatAddress(l.host, l.boundPort) : '127.0.0.1:9999';
      return done(set({ prompt: prompt('target', initial), status: null }));
    }
    case 'message':
      if (!sel.client || sel.client.closedAt !== null) {
        return done(set({ status: t('status.noClient') }));
      }
      return done(set({ prompt: prompt('message', '', sel.client.id), status: null }));
    case 'server-send':
      if (!sel.connection || sel.connection.closedAt !== null) {
        return done(set({ status: t('status.noConnection') }));
      }
      return done(set({ prompt: prompt('server-send', '', sel.connection.id), status: null }));
    case 'close':
      return closeSelected(ctx);
    case 'retry':
      return sel.listener ? engine.call('retryListener', sel.listener.id) : true;
    case 'reset':
    case 'half-close': {
      const c = focus === 'client' ? sel.client : sel.connection;
      if (!c) return done(set({ status: t('status.nothingSelected') }));
      const status = t(action === 'reset' ? 'status.sentRst' : 'status.sentFin', { id: c.id });
      return engine
        .call(action === 'reset' ? 'reset' : 'halfClose', c.id)
        .then(() => set({ status }));
    }
    case 'nodelay':
      return sel.client ? engine.call('setNoDelay', sel.client.id, !sel.client.noDelay) : true;
    case 'hex':
      return done(set({ hex: !ui.hex }));
    case 'scope':
      return done(set({ readsScope: ui.readsScope === 'connection' ? 'listener' : 'connection' }));
    case 'echo': {
      const l = sel.listener;
      if (!l) return done(set({ status: t('status.noListener') }));
      // The row's "echo" is cut off below ~150 columns: say it here too.
      const status = t(l.echo ? 'status.echoOff' : 'status.echoOn', { id: l.id });
      return engine.call('setEcho', l.id, !l.echo).then(() => set({ status }));
    }
    case 'half-open': {
      const l = sel.listener;
      if (!l) return done(set({ status: t('status.noListener') }));
      const status = t(l.halfOpen ? 'status.halfOpenOff' : 'status.halfOpenOn', { id: l.id });
      return engine.call('setHalfOpen', l.id, !l.halfOpen).then(() => set({ status }));
    }
    case 'dismiss-all':
      return engine.call('dismissError');
    case 'help':
      return done(set({ help: !ui.help }));
    case 'help-close':
      return done(set({ help: false }));
    case 'labs': {
      const open = GUIDED_LABS.findIndex((l) => l.id === ui.lab?.id);
      return done(set({ labList: true, help: false, labIndex: open >= 0 ? open : ui.labIndex }));
    }
    case 'lab-list-up':
    case 'lab-list-down':
      return done(moveInLabList(ctx, action === 'lab-list-up' ? -1 : 1));
    case 'lab-open':
      return done(openChosenLab(ctx));
    case 'lab-list-close':
      return done(set({ labList: false }));
    case 'lab-close':
      return done(set({ lab: null }));
    case 'lab-answer':
      return done(toggleAnswer(ctx));
    case 'lab-run':
      return runOpenLab(ctx);
    case 'lab-scroll-up':
      return scrollLab('up', ctx);
    case 'lab-scroll-down':
      return scrollLab('down', ctx);
    case 'lab-page-up':
      return scrollLab('pageup', ctx);
    case 'lab-page-down':
      return scrollLab('pagedown', ctx);
    case 'report':
      return done(ctx.report());
    case 'quit':
      return done(ctx.quit());
  }
}

/** For the actions that are done as soon as the UI state is set. */
const done = (_: unknown): true => true;

function move(ctx: ActionContext, dir: 1 | -1): Done {
  const { ui, set, snap, sel } = ctx;
  switch (ui.focus) {
    case 'listeners':
      return done(
        set({ listenerId: moveId(snap.listeners, sel.listener, dir), connectionId: null }),
      );
    case 'connections':
    case 'reads':
      return done(set({ connectionId: moveId(sel.connections, sel.connection, dir) }));
    case 'client':
      return done(set({ clientId: moveId(sel.clients, sel.client, dir) }));
    case 'errors':
      return done(set({ errorId: moveId(snap.errors, sel.error, dir) }));
    case 'slider':
      return runAction(dir < 0 ? 'buffer-up' : 'buffer-down', ctx);
  }
}

function closeSelected(ctx: ActionContext): Done {
  const { ui, engine, sel, set } = ctx;
  switch (ui.focus) {
    case 'listeners':
      return sel.listener ? engine.call('closeListener', sel.listener.id) : true;
    case 'connections':
    case 'reads':
      return sel.connection ? engine.call('close', sel.connection.id) : true;
    case 'client':
      return sel.client ? engine.call('close', sel.client.id) : true;
    case 'errors': {
      set({ errorId: null });
      return sel.error ? engine.call('dismissError', sel.error.id) : true;
    }
    default:
      return true;
  }
}
