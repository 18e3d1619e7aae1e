import { t } from '../i18n/i18n.js';
import { closeListenerText, closeText } from '../i18n/outcomeText.js';
import type { ConnectionView } from '../state/types.js';
import type { ActionContext, Done } from './actions.js';
import { udpClose } from './udpActions.js';

// x, in whichever pane has the focus: a listener, a connection, a client (TCP or UDP), an
// error. The engine's code says what it did.

const done = (_: unknown): true => true;

function closeConnection(ctx: ActionContext, c: ConnectionView | null): Done {
  if (!c) return done(ctx.set({ status: t('status.nothingSelected') }));
  return ctx.engine.call('close', c.id).then((o) => ctx.set({ status: closeText(o, c.id) }));
}

export function closeSelected(ctx: ActionContext): Done {
  const { ui, engine, sel, set } = ctx;
  switch (ui.focus) {
    case 'listeners': {
      if (sel.udp) return udpClose(ctx, sel.udp.id);
      const l = sel.listener;
      if (!l) return done(set({ status: t('status.noListener') }));
      return engine.call('closeListener', l.id).then((o) => {
        const text = closeListenerText(o, l.id, l.error?.code ?? '');
        set(text === null ? { statusLive: { kind: 'listener', id: l.id } } : { status: text });
      });
    }
    case 'connections':
    case 'reads':
      return closeConnection(ctx, sel.connection);
    case 'client':
      if (sel.udpClient) return udpClose(ctx, sel.udpClient.id);
      return closeConnection(ctx, sel.client);
    case 'errors': {
      set({ errorId: null });
      return sel.error ? engine.call('dismissError', sel.error.id) : true;
    }
    default:
      return true;
  }
}
