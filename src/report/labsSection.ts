import { formatAddress } from '../format/address.js';
import { formatClock } from '../format/units.js';
import { explainError } from '../i18n/explainError.js';
import { t } from '../i18n/i18n.js';
import { connStateText, listenerStateText } from '../i18n/labels.js';
import { portNoteText } from '../i18n/portNoteText.js';
import {
  type AnswerContext,
  findLab,
  type GuidedLab,
  type LabRunRecord,
  labText,
  labTitle,
} from '../labs/guidedLabs.js';
import type { ConnectionView, ListenerView, Snapshot } from '../state/types.js';
import { burstLines } from './bursts.js';
import { type LabDone, type NotedRun, ofRun } from './labRuns.js';
import { mdText } from './markdown.js';

// The labs section: the labs that were run (`g`), each run with what its sockets showed —
// the ports, the reads, the errors and their explanations — and the built-in answer only
// where the student revealed it. A run's sockets are the ones the engine tagged with its
// owner (3b: also the 3a run it acted on), and whatever its own listeners accepted.

/** The section's lines (after its heading). */
export function labsSection(
  labs: readonly LabDone[],
  snap: Snapshot,
  answer: AnswerContext,
): string[] {
  const ran = labs
    .map((d) => ({ done: d, lab: findLab(d.id), runs: d.runs ?? [] }))
    .filter((x): x is { done: LabDone; lab: GuidedLab; runs: NotedRun[] } =>
      Boolean(x.lab && x.runs.length),
    )
    .sort((a, b) => a.runs[0].time - b.runs[0].time);
  if (ran.length === 0) return [t('report.noLabs'), ''];

  const out: string[] = [];
  for (const { done, lab, runs } of ran) {
    out.push(
      `### ${labTitle(lab)}`,
      '',
      `**${t('lab.question')}** ${labText(lab, 'question')}`,
      '',
    );
    out.push(`**${t('report.observed')}**`, '');
    for (const run of runs) out.push(...runLines(snap, run));
    out.push('');
    if (!done.answered) continue;
    out.push(`**${t('lab.answer')}** ${labText(lab, 'answer', lab.answerVars(answer))}`, '');
    const wrong = labText(lab, 'wrong');
    // A catalogue entry of only a dash means "no common wrong answer": nothing to say.
    if (/[\p{L}\p{N}]/u.test(wrong)) out.push(`*${t('lab.wrong')}:* ${wrong}`, '');
  }
  return out;
}

/**
 * One run: `g`, when, and what it showed when its result was on screen (its status line and
 * its sockets then), then any client its listener accepted since (a student's Python
 * client). A run that never got that far: its sockets as they are now, said so.
 */
function runLines(snap: Snapshot, run: NotedRun): string[] {
  const time = formatClock(run.time);
  if (!run.result) {
    return [`- ${t('report.runUnfinished', { time })}`, ...observedLines(snap, run)];
  }
  const { line, observed, lastConnection } = run.result;
  const own = new Set(snap.listeners.filter((l) => ofRun(l.owner, run)).map((l) => l.id));
  const later = snap.connections.filter(
    (c) => c.id > lastConnection && c.owner === null && own.has(c.listenerId ?? -1),
  );
  const after = later.length
    ? [`  - ${t('report.obsLater')}`, ...capped(socketLines(snap, [], later, '    '))]
    : [];
  return [`- ${t('report.runResult', { time, result: mdText(line) })}`, ...observed, ...after];
}

/** Lines kept for one run's sockets: a student's client may connect many times. */
export const OBSERVED_MAX = 30;

/**
 * A run's sockets in `snap`: those it opened or acted on, and every connection its own
 * listener accepted, nested; at most OBSERVED_MAX lines.
 */
export function observedLines(snap: Snapshot, run: LabRunRecord): string[] {
  const listeners = snap.listeners.filter((l) => ofRun(l.owner, run));
  const own = new Set(listeners.map((l) => l.id));
  const conns = snap.connections.filter(
    (c) => ofRun(c.owner, run) || (c.listenerId !== null && own.has(c.listenerId)),
  );
  const lines = socketLines(snap, listeners, conns, '  ');
  return lines.length ? capped(lines) : [`  - ${t('report.obsNothing')}`];
}

function socketLines(
  snap: Snapshot,
  listeners: readonly ListenerView[],
  conns: readonly ConnectionView[],
  indent: string,
): string[] {
  const lines: string[] = [];
  for (const l of listeners) lines.push(`${indent}- ${listenerLine(l)}`);
  for (const c of conns) {
    lines.push(`${indent}- ${connLine(c, snap)}`);
    lines.push(...burstLines(c, `${indent}  `));
  }
  return lines;
}

function capped(lines: string[]): string[] {
  if (lines.length <= OBSERVED_MAX) return lines;
  const more = lines.length - (OBSERVED_MAX - 1);
  const indent = /^ */.exec(lines[0])?.[0] ?? '';
  return [
    ...lines.slice(0, OBSERVED_MAX - 1),
    `${indent}- ${t('report.obsMore', { count: more })}`,
  ];
}

function listenerLine(l: ListenerView): string {
  const head = t('report.obsListener', {
    id: l.id,
    address: mdText(formatAddress(l.host, l.boundPort ?? l.port)),
    state: listenerStateText(l.state, mdText(l.error?.code ?? '')),
  });
  const why = l.error ? explainError(l.error) : l.note && portNoteText(l.note);
  return why ? `${head} — ${mdText(why)}` : head;
}

function connLine(c: ConnectionView, snap: Snapshot): string {
  const state = connStateText(c.state, c.queuePosition);
  let head: string;
  if (c.kind === 'client') {
    const target = mdText(c.target ?? formatAddress(c.peer.address, c.peer.port));
    head = c.local.port
      ? t('report.obsClient', { id: c.id, local: c.local.port, target, state })
      : t('report.obsClientOnly', { id: c.id, target, state });
  } else {
    const client = snap.connections.find((x) => x.id === c.linkedId && x.kind === 'client');
    head = client
      ? t('report.obsServer', { id: c.id, client: client.id, port: c.peer.port, state })
      : t('report.obsAccepted', {
          id: c.id,
          peer: mdText(formatAddress(c.peer.address, c.peer.port)),
          state,
        });
  }
  return c.error ? `${head} — ${mdText(c.error.code)}: ${mdText(explainError(c.error))}` : head;
}
