/** What the engine says happened, in one order (seq) with the reads: the store's event log. */
import type { TcpState } from '../kernel/tcpStates.js';
import type { UdpEvent } from '../udp/udpTypes.js';
import type { Direction, DirectionFaults } from './proxyTypes.js';
import type { CloseReason, Endpoint, ErrorInfo, Mode, PortNote } from './types.js';

interface Base {
  readonly seq: number;
  readonly time: number;
}

/** TCP's events; UDP's are src/udp's (udpTypes.ts). */
type TcpEvent = Base &
  (
    | { type: 'listening'; listener: number; address: string; port: number; note: PortNote | null }
    | ({ type: 'bind-error'; listener: number } & ErrorInfo)
    /** accept() failed (EMFILE, ENFILE): the listener stays open and accepts again later. */
    | ({ type: 'accept-error'; listener: number } & ErrorInfo)
    | { type: 'listener-closed'; listener: number }
    | {
        type: 'accepted';
        connection: number;
        listener: number;
        /** Null when getpeername(2) failed: the peer reset before it was accepted. */
        peer: Endpoint | null;
        local: Endpoint;
        client: number | null;
      }
    | { type: 'queued'; connection: number; listener: number; position: number }
    | { type: 'dequeued'; connection: number; listener: number }
    /** Closed at once: the listener already had `cap` connections open (--max-connections). */
    | { type: 'refused'; listener: number; peer: Endpoint | null; cap: number }
    | { type: 'peer-closed'; connection: number }
    | {
        type: 'closed';
        connection: number;
        reason: CloseReason;
        /** The error's code, for reason 'error'. */
        code?: string;
        bytesIn: number;
        bytesOut: number;
        reads: number;
      }
    /** `by`: who sent the RST, when the engine knows. */
    | { type: 'reset'; connection: number; by?: 'local' | 'peer' }
    | ({ type: 'connection-error'; connection: number } & ErrorInfo)
    | { type: 'client-connecting'; connection: number; target: string }
    | { type: 'client-connected'; connection: number; local: Endpoint; peer: Endpoint }
    | ({ type: 'client-error'; connection: number; target: string } & ErrorInfo)
    | { type: 'sent'; connection: number; bytes: number }
    /** socklab's write buffer for the connection passed its bound: `waiting` bytes held. */
    | { type: 'write-blocked'; connection: number; waiting: number }
    /** Everything held was handed to the kernel ('drain'): socklab reads and sends again. */
    | { type: 'write-unblocked'; connection: number }
    | { type: 'half-closed'; connection: number }
    /** socklab stopped reading the connection (as a server that stops calling recv()); `held`: bytes Node had read ahead. */
    | { type: 'read-paused'; connection: number; held: number }
    | { type: 'read-resumed'; connection: number }
    | { type: 'buffer-changed'; bytes: number }
    | { type: 'mode-changed'; mode: Mode }
    | { type: 'echo-changed'; listener: number; echo: boolean }
    | { type: 'half-open-changed'; listener: number; halfOpen: boolean }
    /** The kernel's state or queues of a connection's socket changed; state null: the kernel let it go. */
    | {
        type: 'tcp-state';
        connection: number;
        state: TcpState | null;
        recvQ: number;
        sendQ: number;
      }
    /** A proxy's two legs are connected: `connection` accepted, `upstream` dialled to `target`. */
    | {
        type: 'proxy-opened';
        listener: number;
        connection: number;
        upstream: number;
        target: Endpoint;
      }
    /** A proxy's faults for one direction changed: all of them as they are now. */
    | { type: 'fault-changed'; listener: number; direction: Direction; faults: DirectionFaults }
  );

export type EngineEvent = TcpEvent | UdpEvent;

export type EngineEventType = EngineEvent['type'];
/** What a caller passes to emit(): the event without the stamp the store puts on it. */
export type EngineEventInput = EngineEvent extends infer E
  ? E extends EngineEvent
    ? Omit<E, 'seq' | 'time'>
    : never
  : never;
