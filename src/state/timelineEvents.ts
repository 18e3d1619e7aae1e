import type { EngineEvent } from './events.js';
import type { TimelineRing } from './timelineRing.js';
import type { TimelineKind } from './types.js';

/**
 * The entry an engine event puts on its connection's timeline (words at the edge), or false
 * for an event the timeline does not tell. 'sent' is recorded with its bytes by the store.
 */
export function timelineEntry(e: EngineEvent, tl: TimelineRing): boolean {
  const at = (kind: TimelineKind, extra = {}) => {
    tl.push(e.seq, e.time, kind, extra);
    return true;
  };
  switch (e.type) {
    case 'accepted':
      return at('accepted');
    case 'client-connected':
      return at('connected');
    case 'queued':
      tl.queuedAt = e.time;
      return at('queued');
    case 'dequeued':
      return at('dequeued', { waitedMs: tl.queuedAt === null ? null : e.time - tl.queuedAt });
    case 'peer-closed':
      return at('fin-in');
    case 'half-closed':
      return at('fin-out');
    case 'read-paused':
    case 'read-resumed':
      return at(e.type);
    case 'reset':
      return at(e.by === 'local' ? 'rst-out' : 'rst-in');
    case 'connection-error':
      return at('error', { code: e.code });
    case 'closed':
      return at('closed', { reason: e.reason, code: e.code ?? null });
    default:
      return false;
  }
}
