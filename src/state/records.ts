import type { ProxyLeg, ProxyView } from './proxyTypes.js';
import { nowSecond, RateMeter } from './rateMeter.js';
import { BurstRing, ReadRing } from './readRing.js';
import { TimelineRing } from './timelineRing.js';
import type {
  CloseReason,
  ConnectionView,
  ConnKind,
  ConnState,
  Endpoint,
  ErrorInfo,
  KernelConnView,
  LabOwner,
  ListenerState,
  ListenerView,
  PortNote,
} from './types.js';

/** The store's mutable side: the engine updates these; views are derived at flush time. */
export class ListenerRec {
  readonly meter = new RateMeter();
  state: ListenerState = 'starting';
  boundPort: number | null = null;
  boundAddress: string | null = null;
  error: ErrorInfo | null = null;
  note: PortNote | null = null;
  open = 0;
  queued = 0;
  total = 0;
  refused = 0;
  bytesIn = 0;
  bytesOut = 0;
  reads = 0;
  owner: LabOwner | null = null;
  /** Accepted connections stay writable after the peer's FIN, until the user closes them. */
  halfOpen = false;
  backlog = 0;
  acceptQueue: number | null = null;
  proxy: ProxyView | null = null;
  dirty = true;
  view: ListenerView | null = null;

  constructor(
    readonly id: number,
    readonly host: string,
    /** The port asked for; a guided lab may learn it only later (Engine.listen's `wait`). */
    public port: number,
    public echo: boolean,
  ) {}

  toView(): ListenerView {
    if (this.view && !this.dirty) return this.view;
    this.dirty = false;
    this.view = {
      id: this.id,
      owner: this.owner,
      host: this.host,
      port: this.port,
      boundPort: this.boundPort,
      boundAddress: this.boundAddress,
      state: this.state,
      error: this.error,
      note: this.note,
      echo: this.echo,
      halfOpen: this.halfOpen,
      open: this.open,
      queued: this.queued,
      total: this.total,
      refused: this.refused,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      reads: this.reads,
      rate: this.meter.rate(nowSecond()),
      backlog: this.backlog,
      acceptQueue: this.acceptQueue,
      proxy: this.proxy,
    };
    return this.view;
  }
}

export class ConnRec {
  state: ConnState;
  peer: Endpoint;
  local: Endpoint;
  family = '';
  closedAt: number | null = null;
  closeReason: CloseReason | null = null;
  queuePosition: number | null = null;
  bytesIn = 0;
  bytesOut = 0;
  reads = 0;
  /** The store's seq of the newest read (0: none yet). */
  lastReadSeq = 0;
  readonly meter = new RateMeter();
  noDelay = false;
  writeWaiting: number | null = null;
  /** When writeWaiting last went between blocked and not (performance.now()). */
  writeChangedAt = Number.NEGATIVE_INFINITY;
  readPaused = false;
  heldUnread: number | null = null;
  error: ErrorInfo | null = null;
  kernel: KernelConnView | null = null;
  linked: ConnRec | null = null;
  owner: LabOwner | null = null;
  proxy: ProxyLeg | null = null;
  dirty = true;
  readsDirty = true;
  /** The burst being read and when it began (Date.now(), taken once per burst). */
  burstId = -1;
  burstTime = Number.NEGATIVE_INFINITY;
  view: ConnectionView | null = null;
  readonly ring: ReadRing;
  readonly bursts: BurstRing;
  readonly timeline: TimelineRing;

  constructor(
    readonly id: number,
    readonly kind: ConnKind,
    readonly listener: ListenerRec | null,
    readonly target: string | null,
    readonly openedAt: number,
    ringSize: number,
    burstRingSize: number,
    timelineSize = 200,
  ) {
    this.state = kind === 'client' ? 'connecting' : 'open';
    this.peer = { address: '', port: 0 };
    this.local = { address: '', port: 0 };
    this.ring = new ReadRing(ringSize);
    this.bursts = new BurstRing(burstRingSize);
    this.timeline = new TimelineRing(timelineSize);
  }

  get isOpen(): boolean {
    return this.closedAt === null;
  }

  toView(): ConnectionView {
    if (this.view && !this.dirty) return this.view;
    const prev = this.view;
    const recentReads = prev && !this.readsDirty ? prev.recentReads : this.ring.toArray(this.id);
    const bursts =
      prev && !this.readsDirty ? prev.bursts : this.bursts.toArray(this.id, recentReads);
    this.dirty = false;
    this.readsDirty = false;
    this.view = {
      id: this.id,
      owner: this.owner ?? (this.kind === 'accepted' ? (this.linked?.owner ?? null) : null),
      kind: this.kind,
      listenerId: this.listener?.id ?? null,
      target: this.target,
      peer: this.peer,
      local: this.local,
      family: this.family,
      openedAt: this.openedAt,
      closedAt: this.closedAt,
      state: this.state,
      closeReason: this.closeReason,
      queuePosition: this.queuePosition,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      reads: this.reads,
      lastReadSeq: this.lastReadSeq,
      rate: this.meter.rate(nowSecond()),
      spark: this.meter.series(nowSecond()),
      noDelay: this.noDelay,
      writeWaiting: this.writeWaiting,
      readPaused: this.readPaused,
      heldUnread: this.heldUnread,
      error: this.error,
      kernel: this.kernel,
      linkedId: this.linked?.id ?? null,
      proxy: this.proxy,
      recentReads,
      bursts,
      timeline: this.timeline.toArray(),
    };
    return this.view;
  }
}
