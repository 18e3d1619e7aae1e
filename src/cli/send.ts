import { Engine } from '../core/engine.js';
import { formatAddress } from '../format/address.js';
import { escapeBytes } from '../format/escapeBytes.js';
import { formatCount } from '../format/units.js';
import { explainError } from '../i18n/explainError.js';
import { t } from '../i18n/i18n.js';
import { parseEscapes } from '../input/parseEscapes.js';
import { Store } from '../state/store.js';
import type { SendCommand } from './args.js';

/** `socklab send`: the lab's client. Connect, print the local port, send, close. Returns the exit code. */
export async function runSend(cmd: SendCommand, print: (line: string) => void): Promise<number> {
  const parsed = parseEscapes(cmd.message);
  if (!parsed.ok) {
    print(t('cli.line', { message: t('args.sendMessage', { error: parsed.error }) }));
    return 2;
  }
  const store = new Store();
  const lab = new Engine(store);
  const { host, port } = cmd.target;
  let code = 0;
  const done = new Promise<void>((resolve) => {
    store.tap({
      event: (e) => {
        if (e.type === 'client-connected') {
          print(
            t('send.connected', {
              peer: formatAddress(e.peer.address, e.peer.port),
              port: e.local.port,
              local: formatAddress(e.local.address, e.local.port),
            }),
          );
          lab.send(e.connection, parsed.bytes);
        } else if (e.type === 'sent') {
          print(t('send.sent', { bytes: formatCount(e.bytes) }));
          lab.halfClose(e.connection);
        } else if (e.type === 'client-error' || e.type === 'connection-error') {
          print(t('send.error', { code: e.code, explanation: explainError(e) }));
          code = 1;
        } else if (e.type === 'closed') {
          resolve();
        }
      },
      read: (_c, chunk) =>
        print(t('send.received', { bytes: formatCount(chunk.length), text: escapeBytes(chunk) })),
    });
  });
  const id = lab.connect(host, port);
  // The peer may never close its side; after our FIN, give it a moment to answer.
  const giveUp = setTimeout(() => lab.close(id), 3000);
  await done;
  clearTimeout(giveUp);
  await lab.closeAll();
  return code;
}
