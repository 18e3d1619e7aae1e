import { escapeBytes, jsonLine } from '../format/escapeBytes.js';
import { PREVIEW_BYTES } from '../state/readRing.js';
import type { ConnRec } from '../state/records.js';
import type { Tap } from '../state/storeOptions.js';
import type { EngineEvent } from '../state/types.js';

/** The NDJSON shape of an event: `type`, ISO `time`, then the event's own fields. */
export function eventRecord(e: EngineEvent): Record<string, unknown> {
  const { type, time, seq, ...rest } = e;
  return { type, time: new Date(time).toISOString(), seq, ...rest };
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
    side: conn.kind === 'client' ? 'client' : 'server',
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
