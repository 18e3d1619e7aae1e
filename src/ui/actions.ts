import { formatAddress, loopbackFor } from '../format/address.js';
import { formatCount } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import {
  halfCloseText,
  noDelayText,
  pauseText,
  resetText,
  retryText,
} from '../i18n/outcomeText.js';
import { GUIDED_LABS } from '../labs/guidedLabs.js';
import type { Mode, Snapshot } from '../state/types.js';
import type { EngineLink } from '../thread/link.js';
import { cannotSend, modeStatus } from './actionStatus.js';
import { closeSelected } from './closeActions.js';
import { scrollHelp } from './helpScroll.js';
import type { Action } from './keymap.js';
import { moveInLabList, openChosenLab, runOpenLab, scrollLab, toggleAnswer } from './labActions.js';
import { portsAction } from './portsView.js';
import { proxyAction } from './proxyActions.js';
import { scrollReads } from './readsView.js';
import { moveId, type Selection } from './selection.js';
import { stepBuffer } from './slider.js';
import { runUdpAction, udpMessage } from './udpActions.js';
import { udpRefusal } from './udpGuard.js';
import { moveListenerRow } from './udpSelection.js';
import { cycleFocus, type PaneId, newPrompt as prompt, type UiState } from './uiState.js';
import { whenConnected } from './whenConnected.js';

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

/** Keys become commands to the engine (or changes of what is selected); nothing here touches a socket. */
export function runAction(action: Action, ctx: ActionContext): Done {
  const { ui, set, engine, sel, snap } = ctx;
  const focus: PaneId = ui.focus;
  const refused = udpRefusal(action, ui, sel);
  if (refused) return done(set({ status: refused }));
  switch (action) {
    case 'focus-next':
    case 'focus-prev':
      return done(set(focusPatch(cycleFocus(focus, action === 'focus-next' ? 1 : -1))));
    case 'up':
    case 'down':
      return move(ctx, action === 'up' ? -1 : 1);
    case 'buffer-down':
    case 'buffer-up': {
      const next = stepBuffer(snap.bufferSize, action === 'buffer-up' ? 1 : -1);
      return engine
        .call('setBufferSize', next)
        .then(() => set({ status: t('status.buffer', { size: formatCount(next), bytes: next }) }));
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
    case 'fault':
      return done(proxyAction(ctx));
    case 'client': {
      const l = sel.listener;
      if (l?.state !== 'listening' || l.boundPort === null) {
        return done(set({ status: t('status.selectListener') }));
      }
      return engine.call('connect', loopbackFor(l.host, l.boundAddress), l.boundPort).then((id) => {
        set({
          clientId: id,
          clientsUdp: false,
          focus: 'client',
          statusLive: { kind: 'client', id },
        });
        // The next key waits for the connect to end (a millisecond on loopback).
        return whenConnected(engine, id);
      });
    }
    case 'target': {
      const l = sel.listener;
      const initial = l?.boundPort ? formatAddress(l.host, l.boundPort) : '127.0.0.1:9999';
      return done(set({ prompt: prompt('target', initial), status: null }));
    }
    case 'udp-open':
    case 'udp-client':
    case 'udp-clients':
      return runUdpAction(action, ctx);
    case 'message': {
      if (ui.clientsUdp) return udpMessage(ctx);
      const why = cannotSend(sel.client, 'status.noClient');
      if (why || !sel.client) return done(set({ status: why }));
      return done(set({ prompt: prompt('message', '', sel.client.id), status: null }));
    }
    case 'server-send': {
      const why = cannotSend(sel.connection, 'status.noConnection');
      if (why || !sel.connection) return done(set({ status: why }));
      return done(set({ prompt: prompt('server-send', '', sel.connection.id), status: null }));
    }
    case 'close':
      return closeSelected(ctx);
    case 'retry': {
      const l = sel.listener;
      if (!l) return done(set({ status: t('status.noListener') }));
      const address = formatAddress(l.host, l.boundPort ?? l.port);
      return engine.call('retryListener', l.id).then((o) => {
        const text = retryText(o, l.id, address);
        set(text === null ? { statusLive: { kind: 'listener', id: l.id } } : { status: text });
      });
    }
    case 'reset':
    case 'half-close': {
      const c = focus === 'client' ? sel.client : sel.connection;
      if (!c) return done(set({ status: t('status.nothingSelected') }));
      const id = c.id;
      // The engine says what it did: nothing, on one already closed or still connecting.
      return action === 'reset'
        ? engine.call('reset', id).then((o) => set({ status: resetText(o, id) }))
        : engine.call('halfClose', id).then((o) => set({ status: halfCloseText(o, id) }));
    }
    case 'nodelay': {
      const c = sel.client;
      if (!c) return done(set({ status: t('status.noClient') }));
      const on = !c.noDelay;
      return engine
        .call('setNoDelay', c.id, on)
        .then((o) => set({ status: noDelayText(o, c.id, on) }));
    }
    case 'pause-reading': {
      const c = focus === 'client' ? sel.client : sel.connection;
      if (!c) return done(set({ status: t('status.nothingSelected') }));
      const on = !c.readPaused;
      return engine.call('pauseReading', c.id, on).then((o) => set({ status: pauseText(o, c.id) }));
    }
    case 'hex':
      return done(set({ hex: !ui.hex }));
    case 'scope':
      return done(set({ readsScope: ui.readsScope === 'connection' ? 'listener' : 'connection' }));
    case 'echo': {
      const l = sel.listener;
      if (!l) return done(set({ status: t('status.noListener') }));
      // The row's "echo" is cut off below ~150 columns: say it here too.
      const status = modeStatus(l, 'echo', !l.echo);
      return engine
        .call('setEcho', l.id, !l.echo)
        .then((o) =>
          set({ status: o === 'set' ? status : t('outcome.listenerGone', { id: l.id }) }),
        );
    }
    case 'half-open': {
      const l = sel.listener;
      if (!l) return done(set({ status: t('status.noListener') }));
      const on = !l.halfOpen;
      const status = modeStatus(l, 'halfOpen', on);
      return engine
        .call('setHalfOpen', l.id, on)
        .then((o) =>
          set({ status: o === 'set' ? status : t('outcome.listenerGone', { id: l.id }) }),
        );
    }
    case 'dismiss-all':
      return engine.call('dismissError');
    case 'help':
      return done(set({ help: !ui.help, helpScroll: 0 }));
    case 'help-close':
      return done(set({ help: false }));
    case 'help-scroll-up':
    case 'help-scroll-down':
    case 'help-page-up':
    case 'help-page-down':
      return done(scrollHelp(action, ctx));
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
    case 'reads-up':
    case 'reads-down':
    case 'reads-page-up':
    case 'reads-page-down':
    case 'reads-home':
    case 'reads-end':
      return scrollReads(READS_SCROLL[action], ctx);
    case 'ports':
    case 'ports-close':
    case 'ports-all':
    case 'ports-up':
    case 'ports-down':
      return done(portsAction(action, ctx));
    case 'report':
      return done(ctx.report());
    case 'quit':
      return done(ctx.quit());
  }
}

const READS_SCROLL = {
  'reads-up': 'up',
  'reads-down': 'down',
  'reads-page-up': 'pageup',
  'reads-page-down': 'pagedown',
  'reads-home': 'home',
  'reads-end': 'end',
} as const;

/** A new focus; the client pane and the connection panes decide whose timeline the reads show. */
function focusPatch(focus: PaneId): Partial<UiState> {
  const readsOf: UiState['readsOf'] | null =
    focus === 'client'
      ? 'client'
      : focus === 'listeners' || focus === 'connections'
        ? 'connection'
        : null;
  return readsOf ? { focus, status: null, readsOf } : { focus, status: null };
}

const listenerRow = (sel: Selection) =>
  sel.udp
    ? { udp: true, id: sel.udp.id }
    : sel.listener
      ? { udp: false, id: sel.listener.id }
      : null;

/** For the actions that are done as soon as the UI state is set. */
const done = (_: unknown): true => true;

function move(ctx: ActionContext, dir: 1 | -1): Done {
  const { ui, set, snap, sel } = ctx;
  switch (ui.focus) {
    case 'listeners':
      return done(set(moveListenerRow(snap.listeners, sel.udpSockets, listenerRow(sel), dir)));
    case 'connections':
    case 'reads':
      return done(set({ connectionId: moveId(sel.connections, sel.connection, dir) }));
    case 'client':
      if (ui.clientsUdp)
        return done(set({ udpClientId: moveId(sel.udpClients, sel.udpClient, dir) }));
      return done(set({ clientId: moveId(sel.clients, sel.client, dir) }));
    case 'errors':
      return done(set({ errorId: moveId(snap.errors, sel.error, dir) }));
    case 'slider':
      return runAction(dir < 0 ? 'buffer-up' : 'buffer-down', ctx);
  }
}
