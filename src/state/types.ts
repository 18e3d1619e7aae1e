/** Everything the store publishes. Views are immutable: a new object whenever something in it changed. */

import type { UdpSocketView } from '../udp/udpTypes.js';
import type { EngineEvent } from './events.js';
import type { KernelConnView, PortHolder } from './kernelTypes.js';
import type { ProxyLeg, ProxyView } from './proxyTypes.js';
import type { Rate } from './rateMeter.js';

export type { KernelConnView, PortHolder } from './kernelTypes.js';
export type { Rate } from './rateMeter.js';
export type Mode = 'concurrent' | 'sequential';
export type ListenerState = 'starting' | 'listening' | 'closed' | 'failed';
export type ConnState =
  | 'connecting'
  | 'queued'
  | 'open'
  | 'peer-half-closed'
  | 'half-closed'
  | 'closed'
  | 'reset'
  | 'error';
export type ConnKind = 'accepted' | 'client';

/**
 * How a connection ended, as a code (NDJSON, tests; the words are src/i18n's): the first FIN
 * tells who closed (the side that closes first is the one left in TIME_WAIT); an RST or an
 * error, whenever it came, is what ended it.
 */
export type CloseReason = 'peer-fin' | 'local-close' | 'peer-reset' | 'local-reset' | 'error';

export interface Endpoint {
  readonly address: string;
  readonly port: number;
}

/**
 * A failure as codes and values: what the OS said and what the explanation needs to say it.
 * The words are chosen when it is shown (src/i18n), so it reads in the language of the moment.
 */
export interface ErrorInfo {
  readonly code: string;
  readonly errno?: number;
  readonly syscall?: string;
  readonly address?: string;
  readonly port?: number;
  readonly message: string;
  /** The host asked for (as typed, or the name a lookup failed on), which the explanation names. */
  readonly host?: string;
  /** A name that resolved to several addresses (Node 20's AggregateError): how each one failed. */
  readonly tried?: readonly Failure[];
  /** What this OS says about low ports, for a bind refused (EACCES). */
  readonly os?: PortRules;
  /** The log file that could not be written. */
  readonly logPath?: string;
  /** For EADDRINUSE: who holds the port, from the kernel (null: nothing found or no kernel view). */
  readonly holder?: PortHolder | null;
  /** A UDP socket's error (src/udp): explained as UDP's. */
  readonly udp?: true;
}

/** One address's failure inside an AggregateError. */
export interface Failure {
  readonly code?: string;
  readonly errno?: number;
  readonly syscall?: string;
  readonly address?: string;
  readonly port?: number;
  readonly message?: string;
}

export interface PortRules {
  readonly platform: string;
  /** Ports below this need privilege here. */
  readonly privilegedBelow: number;
}

/** Why a port bound without privilege: what the OS allowed (see core/portNotes.ts). */
export type PrivilegedWhy = 'win32' | 'root' | 'cap' | 'darwinAny' | 'unenforced';

/** What deserves a word about a bind that worked, as values (words at the edge). */
export interface PortNote {
  /** A port below the privileged limit bound anyway, and why it could here. */
  readonly privileged: {
    readonly why: PrivilegedWhy;
    readonly port: number;
    readonly limit: number;
  } | null;
  /** Bound to every interface (others can connect): the host typed and the address bound. */
  readonly exposed: { readonly typed: string; readonly bound: string } | null;
  /** A UDP socket's note: others send to it rather than connect. */
  readonly udp?: boolean;
}

/** What a guided lab opened: the lab's id and which of its runs (each `g` is a new run). */
export interface LabOwner {
  readonly lab: string;
  readonly run: number;
}

export interface ListenerView {
  readonly id: number;
  /** The guided lab run that opened it; null for the user's own. */
  readonly owner: LabOwner | null;
  readonly host: string;
  /** The port asked for (0 = let the OS pick). */
  readonly port: number;
  /** The port actually bound, once listening. */
  readonly boundPort: number | null;
  /** The address actually bound (server.address()), once listening: "0x0" binds 0.0.0.0. */
  readonly boundAddress: string | null;
  readonly state: ListenerState;
  readonly error: ErrorInfo | null;
  readonly note: PortNote | null;
  readonly echo: boolean;
  /** Half-open mode: an accepted connection stays writable after the peer's FIN (`--half-open`, `o`). */
  readonly halfOpen: boolean;
  readonly open: number;
  readonly queued: number;
  readonly total: number;
  readonly refused: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly reads: number;
  /** Bytes and reads in the last complete second, over its accepted connections. */
  readonly rate: Rate;
  /** The backlog socklab passed to listen() (the kernel caps it at net.core.somaxconn); 0 before. */
  readonly backlog: number;
  /** Connections in the kernel's accept queue (LISTEN Recv-Q); null when not sampled. */
  readonly acceptQueue: number | null;
  /** A proxy (`--proxy`): where it relays and its faults; null for a plain listener. */
  readonly proxy: ProxyView | null;
}

export interface ReadRecord {
  readonly seq: number;
  readonly conn: number;
  readonly size: number;
  readonly time: number;
  readonly burst: number;
  /** The first bytes of the read, raw: escape before drawing. */
  readonly preview: Uint8Array;
}

/** What a connection's timeline tells besides its reads (words at the edge, src/i18n). */
export type TimelineKind =
  | 'accepted'
  | 'connected'
  | 'queued'
  | 'dequeued'
  | 'sent'
  | 'read-paused'
  | 'read-resumed'
  | 'fin-in'
  | 'fin-out'
  | 'rst-in'
  | 'rst-out'
  | 'error'
  | 'closed';

export interface TimelineEntry {
  /** The store's one order, shared with ReadRecord.seq. */
  readonly seq: number;
  readonly time: number;
  readonly kind: TimelineKind;
  /** Bytes sent, for 'sent'. */
  readonly size: number;
  /** The first bytes sent, raw: escape before drawing. */
  readonly preview: Uint8Array | null;
  /** How long it waited in the sequential queue, for 'dequeued'. */
  readonly waitedMs: number | null;
  /** The error's code ('error', and 'closed' by an error). */
  readonly code: string | null;
  /** Who closed it, and how ('closed'). */
  readonly reason: CloseReason | null;
}

export interface BurstView {
  readonly conn: number;
  readonly burst: number;
  readonly time: number;
  readonly bytes: number;
  readonly reads: number;
  /** Sizes of every read when the burst is still whole in the read ring, else null. */
  readonly sizes: readonly number[] | null;
  readonly minSize: number;
  readonly maxSize: number;
}

export interface ConnectionView {
  readonly id: number;
  /** The guided lab run whose client this is (for an accepted connection: its client's). */
  readonly owner: LabOwner | null;
  readonly kind: ConnKind;
  readonly listenerId: number | null;
  /** For a client: the target as typed. */
  readonly target: string | null;
  /** Address '' and port 0 when the OS could not give it (an RST before accept). */
  readonly peer: Endpoint;
  readonly local: Endpoint;
  readonly family: string;
  readonly openedAt: number;
  readonly closedAt: number | null;
  readonly state: ConnState;
  /** Once closed: who closed it, and how. */
  readonly closeReason: CloseReason | null;
  readonly queuePosition: number | null;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly reads: number;
  /** The store's seq of its newest read (0: none): which connections read last, without their rings. */
  readonly lastReadSeq: number;
  /** Bytes and reads in the last complete second. */
  readonly rate: Rate;
  /** Bytes per second over the last 60 s, oldest first (watched connections only: else empty). */
  readonly spark: readonly number[];
  readonly noDelay: boolean;
  /**
   * Bytes socklab holds for this socket while the peer's window is shut (it stopped reading
   * the data it echoes, and repeats wait); null when writes flow.
   */
  readonly writeWaiting: number | null;
  /** The user paused reading it (`p`): nothing is read, so the kernel's queues fill. */
  readonly readPaused: boolean;
  /** While paused: bytes Node read ahead before it stopped reading the kernel's buffer. */
  readonly heldUnread: number | null;
  readonly error: ErrorInfo | null;
  /** Its kernel socket's state and queues, while the kernel has it; null when not sampled or gone. */
  readonly kernel: KernelConnView | null;
  /** The other end, when both ends live in this process (a socklab client and its accepted connection). */
  readonly linkedId: number | null;
  /** A leg of a proxied pair (src/proxy), else null. */
  readonly proxy: ProxyLeg | null;
  readonly recentReads: readonly ReadRecord[];
  readonly bursts: readonly BurstView[];
  /** What socklab sent and the events, in `seq` order with the reads (watched connections only). */
  readonly timeline: readonly TimelineEntry[];
}

export interface Totals {
  readonly listeners: number;
  /** Open TCP connections: one whose two ends are both socklab's counts once. */
  readonly openConnections: number;
  /** Of those, the ones with both ends in this process (a socklab client and its accepted end). */
  readonly bothEndsHere: number;
  readonly accepted: number;
  readonly clients: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly reads: number;
  /** Bytes and reads in the last complete second, all connections. */
  readonly rate: Rate;
  readonly evicted: number;
}

export interface ErrorEntry {
  readonly id: number;
  readonly time: number;
  readonly kind: 'bind' | 'client' | 'connection' | 'note' | 'input' | 'log';
  /** Listener or connection the entry is about. */
  readonly subject: string;
  readonly error: ErrorInfo | null;
  /** For a note (kind 'note'): what it is about. */
  readonly note: PortNote | null;
}

export interface Snapshot {
  readonly version: number;
  readonly bufferSize: number;
  readonly mode: Mode;
  readonly totals: Totals;
  readonly listeners: readonly ListenerView[];
  readonly connections: readonly ConnectionView[];
  /** Newest first, until dismissed. */
  readonly errors: readonly ErrorEntry[];
  readonly events: readonly EngineEvent[];
  /** UDP sockets (src/udp): each with its peers and last datagrams. */
  readonly udp?: readonly UdpSocketView[];
}

export type { EngineEvent, EngineEventInput, EngineEventType } from './events.js';
export type * from './proxyTypes.js';
