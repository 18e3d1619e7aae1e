import { readFileSync } from 'node:fs';

/** One row of /proc/net/tcp{,6}, only what the tests compare with the screen. */
export interface ProcTcpRow {
  localPort: number;
  remotePort: number;
  /** The kernel's state number (0x01 ESTABLISHED, 0x0A LISTEN). */
  state: number;
  txQueue: number;
  rxQueue: number;
}

/** Every IPv4 and IPv6 TCP socket the kernel lists now (Linux only). */
export function procTcpRows(): ProcTcpRow[] {
  const rows: ProcTcpRow[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 5) continue;
      const [tx, rx] = (f[4] as string).split(':');
      rows.push({
        localPort: Number.parseInt((f[1] as string).split(':')[1] as string, 16),
        remotePort: Number.parseInt((f[2] as string).split(':')[1] as string, 16),
        state: Number.parseInt(f[3] as string, 16),
        txQueue: Number.parseInt(tx as string, 16),
        rxQueue: Number.parseInt(rx as string, 16),
      });
    }
  }
  return rows;
}

/** The socket from local port `local` to remote port `remote`, if the kernel has it. */
export const procTcp = (local: number, remote: number) =>
  procTcpRows().find((r) => r.localPort === local && r.remotePort === remote);
