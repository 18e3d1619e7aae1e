import type { Engine } from '../core/engine.js';
import type {
  CloseListenerOutcome,
  CloseOutcome,
  HalfCloseOutcome,
  ListenerModeOutcome,
  NoDelayOutcome,
  PauseOutcome,
  ResetOutcome,
  RetryOutcome,
  SendOutcome,
} from '../core/outcomes.js';
import type { PortsFilter, PortsReport } from '../kernel/portsReport.js';
import { findLab } from '../labs/guidedLabs.js';
import type { LabRunRecord } from '../labs/labStatus.js';
import type { FaultOutcome } from '../proxy/proxies.js';
import type { Direction, DirectionFaults, Mode } from '../state/types.js';
import type { UdpCloseOutcome, UdpSendOutcome } from '../udp/udpEngine.js';

/**
 * What the screen may ask of the engine, as data: keys become these messages, so the same
 * request runs whether the engine lives in a worker thread or beside the UI.
 */
export interface Commands {
  listen(host: string, port: number): number;
  connect(host: string, port: number): number;
  /** A proxy: listen on host:port, relay to target:tport (P). */
  proxy(host: string, port: number, target: string, tport: number): number;
  /** Change one direction's faults on a proxy (F). */
  setFaults(id: number, direction: Direction, patch: Partial<DirectionFaults>): FaultOutcome;
  /** What each did, as a code (core/outcomes.ts): the screen says it in words. */
  send(id: number, bytes: Uint8Array): SendOutcome;
  close(id: number): CloseOutcome;
  reset(id: number): ResetOutcome;
  halfClose(id: number): HalfCloseOutcome;
  setNoDelay(id: number, on: boolean): NoDelayOutcome;
  pauseReading(id: number, on: boolean): PauseOutcome;
  setEcho(id: number, on: boolean): ListenerModeOutcome;
  setHalfOpen(id: number, on: boolean): ListenerModeOutcome;
  setBufferSize(bytes: number): void;
  setMode(mode: Mode): void;
  retryListener(id: number): RetryOutcome;
  closeListener(id: number): CloseListenerOutcome;
  dismissError(id?: number): void;
  /** `g` in a guided lab: its steps, on sockets of its own; null for an unknown lab. */
  runLab(lab: string, listener: number | null): LabRunRecord | null;
  /** The ports view: the kernel's TCP sockets on a port (all without one), with owners. */
  ports(filter: PortsFilter): PortsReport;
  /** UDP (src/udp): a socket that waits for datagrams; a client (connect() or not); a datagram; close. */
  udpOpen(host: string, port: number): number;
  udpClient(host: string, port: number, connect: boolean): number;
  udpSend(id: number, bytes: Uint8Array): UdpSendOutcome;
  udpClose(id: number): UdpCloseOutcome;
}

export type CommandName = keyof Commands;
export type CommandArgs<K extends CommandName> = Parameters<Commands[K]>;
export type CommandResult<K extends CommandName> = ReturnType<Commands[K]>;

export interface CommandMessage {
  name: CommandName;
  args: unknown[];
}

/** Run one command on the engine's own thread. */
export function runCommand(engine: Engine, msg: CommandMessage): unknown {
  const { store } = engine;
  const a = msg.args;
  switch (msg.name) {
    case 'dismissError':
      return store.dismissError(a[0] as number | undefined);
    case 'ports':
      return {
        ...engine.kernel.ports(a[0] as PortsFilter),
        udp: engine.udp.kernel.ports((a[0] as PortsFilter).port),
      };
    case 'proxy': {
      const [host, port, target, tport] = a as [string, number, string, number];
      return engine.proxies.open(host, port, { host: target, port: tport });
    }
    case 'setFaults':
      return engine.proxies.setFaults(...(a as Parameters<Commands['setFaults']>));
    case 'runLab': {
      const [id, listener] = a as [string, number | null];
      const lab = findLab(id);
      if (!lab) return null;
      store.flush();
      const snap = store.getSnapshot();
      const selected = snap.listeners.find((l) => l.id === listener) ?? null;
      return lab.run({ engine, snap, listener: selected });
    }
    case 'udpOpen':
      return engine.udp.open(a[0] as string, a[1] as number);
    case 'udpClient':
      return engine.udp.client(a[0] as string, a[1] as number, { connect: Boolean(a[2]) });
    case 'udpSend':
      return engine.udp.send(a[0] as number, a[1] as Uint8Array);
    case 'udpClose':
      return engine.udp.close(a[0] as number);
    default: {
      const method = engine[msg.name] as (...args: unknown[]) => unknown;
      return method.apply(engine, a);
    }
  }
}
