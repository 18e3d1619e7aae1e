import { escapeBytes, jsonLine } from '../format/escapeBytes.js';
import { explainError } from '../i18n/explainError.js';
import { portNoteText } from '../i18n/portNoteText.js';
import { refusedReason } from '../i18n/refusedReason.js';
import { PREVIEW_BYTES } from '../state/readRing.js';
import type { ConnRec } from '../state/records.js';
import type { Tap } from '../state/storeOptions.js';
import type { EngineEvent } from '../state/types.js';

/**
 * The NDJSON shape of an event: `type`, ISO `time`, then the event's own fields, with the
 * words a person reads (an error's `explanation`, a listener's `note`, a refusal's `reason`)
 * in the user's language. The values only explanations need stay out of the record.
 */
export function eventRecord(e: EngineEvent): Record<string, unknown> {
  const head = { type: e.type, time: new Date(e.time).toISOString(), seq: e.seq };
  switch (e.type) {
    case 'bind-error':
    case 'accept-error':
    case 'connection-error':
    case 'client-error':
    case 'udp-bind-error':
    case 'udp-error': {
      const { type, time, seq, message, host, tried, os, logPath, ...fields } = e;
      return { ...head, ...fields, explanation: explainError(e) };
    }
    case 'listening': {
      const { type, time, seq, note, ...fields } = e;
      return { ...head, ...fields, note: note ? portNoteText(note) : null };
    }
    case 'datagram': {
      const { type, time, seq, preview, ...fields } = e;
      const shown = Math.min(fields.kept, preview.length);
      // What recvfrom(N) would return, escaped: the preview is the kept part's start.
      return {
        ...head,
        ...fields,
        preview: escapeBytes(preview, 0, shown),
        truncated: shown < fields.kept,
      };
    }
    case 'refused': {
      const { type, time, seq, cap, ...fields } = e;
      return { ...head, ...fields, cap, reason: refusedReason(cap) };
    }
    default: {
      const { type, time, seq, ...fields } = e;
      return { ...head, ...fields };
    }
  }
}

/** Reads are not stored as events (they would cost an object each); they get a record here. */
export function readRecord(
  conn: ConnRec,
  chunk: Uint8Array,
  time: number,
  seq: number,
): Record<string, unknown> {
  const shown = Math.min(chunk.length, PREVIEW_BYTES);
  return {
    type: 'read',
    time: new Date(time).toISOString(),
    seq,
    connection: conn.id,
    listener: conn.listener?.id ?? null,
    // A proxy's legs: `accepted` reads client → server (upstream), `upstream` the way back.
    side: conn.proxy ? conn.proxy.role : conn.kind === 'client' ? 'client' : 'server',
    ...(conn.proxy
      ? { direction: conn.proxy.role === 'accepted' ? 'upstream' : 'downstream' }
      : {}),
    bytes: chunk.length,
    preview: escapeBytes(chunk, 0, shown),
    truncated: shown < chunk.length,
  };
}

/** Every event and read as one NDJSON line (stdout with --json, and --log). */
export function ndjsonTap(line: (text: string) => void): Tap {
  return {
    event: (e) => line(jsonLine(eventRecord(e))),
    read: (c, chunk, time, seq) => line(jsonLine(readRecord(c, chunk, time, seq))),
  };
}
