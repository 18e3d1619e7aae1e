import type { LabRunRecord } from '../labs/guidedLabs.js';
import type { LabDone } from '../report/labRuns.js';

export type PaneId = 'slider' | 'listeners' | 'connections' | 'reads' | 'client' | 'errors';

/** Tab order. */
export const PANES: readonly PaneId[] = [
  'listeners',
  'connections',
  'reads',
  'client',
  'errors',
  'slider',
];

export type PromptKind =
  | 'listen'
  | 'target'
  | 'message'
  | 'server-send'
  | 'fault'
  | 'udp-listen'
  | 'udp-target'
  | 'udp-message';

export interface Prompt {
  kind: PromptKind;
  initial: string;
  /** The connection a message goes to. */
  connection: number | null;
  /** The proxy a fault applies to. */
  listener?: number;
  error: string | null;
  /** Bumped to clear the text (after a message is sent). */
  serial: number;
  /**
   * Keys typed before the box was drawn, as they came (line breaks, Backspace, Ctrl+U, Esc
   * included): the box takes them as typed once it is (bounded by the box's own limit).
   */
  typed?: string;
}

/** A prompt just opened: nothing typed wrong yet. */
export const newPrompt = (
  kind: Prompt['kind'],
  initial = '',
  connection: number | null = null,
): Prompt => ({ kind, initial, connection, error: null, serial: 0 });

/** What the user has selected and opened; everything else is derived from the snapshot. */
export interface UiState {
  focus: PaneId;
  /** null = follow the newest. */
  listenerId: number | null;
  connectionId: number | null;
  clientId: number | null;
  errorId: number | null;
  hex: boolean;
  readsScope: 'connection' | 'listener';
  /** Which the connection-scope reads pane shows: the client pane had the user's attention last. */
  readsOf: 'connection' | 'client';
  /**
   * The reads pane scrolled back: `anchor` is the seq of its bottom row, `key` what it was
   * showing (readsView.readsKey). Null, or another key, follows the newest.
   */
  readsScroll: { key: string; anchor: number } | null;
  help: boolean;
  /** First row of the help shown, when it is taller than the screen. */
  helpScroll: number;
  prompt: Prompt | null;
  /** A one-line answer to the last key (what it did, or why it could not). */
  status: string | null;
  statusAt: number;
  /**
   * A status about something still happening (a listener starting, a client connecting, a
   * lab running): its text is derived from the snapshot each frame, so it stays true.
   */
  statusLive: LiveStatus | null;
  /** The guided lab shown beside the reads, and whether its answer is revealed. */
  lab: OpenLab | null;
  labList: boolean;
  labIndex: number;
  /** Labs opened this session, for the report: answer shown, each `g`. */
  labsDone: readonly LabDone[];
  /** The ports view (`k`): the selected listener's port, or every port; first row shown. */
  ports: PortsOpen | null;
  /** A UDP socket selected in the listeners pane (null: a TCP listener is). */
  udpId: number | null;
  /** The client pane shows UDP clients (U), and which one (null: the newest). */
  clientsUdp: boolean;
  udpClientId: number | null;
}

export interface PortsOpen {
  all: boolean;
  scroll: number;
}

export type LiveStatus =
  | { kind: 'listener'; id: number }
  | { kind: 'client'; id: number }
  | { kind: 'lab'; run: LabRunRecord };

export interface OpenLab {
  id: string;
  answer: boolean;
  /** First row of the lab's text shown, when it is taller than its panel. */
  scroll?: number;
}

export const initialUi: UiState = {
  focus: 'listeners',
  listenerId: null,
  connectionId: null,
  clientId: null,
  errorId: null,
  hex: false,
  readsScope: 'connection',
  readsOf: 'connection',
  readsScroll: null,
  help: false,
  helpScroll: 0,
  prompt: null,
  status: null,
  statusAt: 0,
  statusLive: null,
  lab: null,
  labList: false,
  labIndex: 0,
  labsDone: [],
  ports: null,
  udpId: null,
  clientsUdp: false,
  udpClientId: null,
};

export function cycleFocus(focus: PaneId, dir: 1 | -1): PaneId {
  const i = PANES.indexOf(focus);
  return PANES[(i + dir + PANES.length) % PANES.length];
}
