import { escapeText, jsonLine } from '../format/escapeBytes.js';
import { t } from '../i18n/i18n.js';
import { explainSocket, portRowText, unavailableText } from '../i18n/kernelText.js';
import { KernelWatch } from '../kernel/kernelWatch.js';
import { defaultSource, procRootFromEnv } from '../kernel/linuxSource.js';
import type { PortRow } from '../kernel/portsReport.js';
import { Store } from '../state/store.js';
import type { PortsCommand } from './args.js';

/** One socket as `--json` prints it: the fields of issue 15, nothing else. */
export function socketRecord(r: PortRow): Record<string, unknown> {
  const s = r.socket;
  return {
    type: 'socket',
    state: s.state,
    local: { address: s.local.address, port: s.local.port },
    remote: { address: s.remote.address, port: s.remote.port },
    recvQ: s.recvQ,
    sendQ: s.sendQ,
    inode: s.inode,
    uid: s.uid,
    owner: r.owner.pid === null ? null : { pid: r.owner.pid, command: r.owner.command },
  };
}

/**
 * `socklab ports [[HOST:]PORT] [--json]`: every kernel TCP socket whose local or remote port is
 * PORT, other programs' too, each with a line saying what it means. Exit 1 where the kernel's
 * view is not available (said on stderr).
 */
export function runPorts(cmd: PortsCommand, print: (line: string) => void): number {
  const store = new Store();
  const watch = new KernelWatch(store, defaultSource());
  store.stop();
  const available = watch.available();
  if (!available.ok) {
    process.stderr.write(`socklab: ${escapeText(unavailableText(available, procRootFromEnv()))}\n`);
    return 1;
  }
  const report = watch.ports({
    ...(cmd.port !== null && { port: cmd.port }),
    ...(cmd.host !== null && { host: cmd.host }),
  });
  if (cmd.json) {
    for (const r of report.sockets) print(jsonLine(socketRecord(r)));
    return 0;
  }
  if (report.sockets.length === 0) {
    print(t(cmd.port === null ? 'kernel.ports.noneAll' : 'kernel.ports.none'));
    return 0;
  }
  print(t('kernel.ports.header'));
  for (const r of report.sockets) {
    print(escapeText(portRowText(r)));
    print(`           ${explainSocket(r.socket)}`);
  }
  if (report.sockets.some((r) => r.socket.state === 'LISTEN')) print(t('kernel.ports.listenSendQ'));
  return 0;
}
