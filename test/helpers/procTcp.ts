import { LinuxProcSource } from '../../src/kernel/linuxSource.js';
import type { TcpState } from '../../src/kernel/tcpStates.js';

/** One kernel TCP socket, only what the tests compare with the screen (from src/kernel). */
export interface ProcTcpRow {
  localPort: number;
  remotePort: number;
  state: TcpState;
  txQueue: number;
  rxQueue: number;
}

const source = new LinuxProcSource();

/** Every IPv4 and IPv6 TCP socket the kernel lists now (Linux only). */
export function procTcpRows(): ProcTcpRow[] {
  return source.sample().map((s) => ({
    localPort: s.local.port,
    remotePort: s.remote.port,
    state: s.state,
    txQueue: s.sendQ,
    rxQueue: s.recvQ,
  }));
}

/** The socket from local port `local` to remote port `remote`, if the kernel has it. */
export const procTcp = (local: number, remote: number) =>
  procTcpRows().find((r) => r.localPort === local && r.remotePort === remote);
