import { formatAddress } from '../core/explainErrno.js';
import { formatClock } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import { connStateText, listenerStateText } from '../i18n/labels.js';
import {
  type AnswerContext,
  findLab,
  type GuidedLab,
  labText,
  labTitle,
} from '../labs/guidedLabs.js';
import type { ConnectionView, ListenerView, Snapshot } from '../state/types.js';
import { burstLines } from './bursts.js';
import type { LabDone, LabRunMark } from './labRuns.js';
import { mdText } from './markdown.js';

// The labs section: the labs that were run (`g`), each with what this session's sockets
// showed while it was the latest run — the ports, the reads, the errors and their
// explanations — and the built-in answer only where the student revealed it.

interface RunWindow {
  run: LabRunMark;
  /** The next run of any lab: what it opened is its own. */
  until: LabRunMark | null;
}

/** The section's lines (after its heading). */
export function labsSection(
  labs: readonly LabDone[],
  snap: Snapshot,
  answer: AnswerContext,
): string[] {
  const ran = labs
    .map((d) => ({ done: d, lab: findLab(d.id), runs: d.runs ?? [] }))
    .filter((x): x is { done: LabDone; lab: GuidedLab; runs: LabRunMark[] } =>
      Boolean(x.lab && x.runs.length),
    )
    .sort((a, b) => a.runs[0].time - b.runs[0].time);
  if (ran.length === 0) return [t('report.noLabs'), ''];
  const all = ran.flatMap((x) => x.runs).sort((a, b) => a.time - b.time);
  const windowOf = (run: LabRunMark): RunWindow => ({
    run,
    until: all[all.indexOf(run) + 1] ?? null,
  });

  const out: string[] = [];
  for (const { done, lab, runs } of ran) {
    out.push(
      `### ${labTitle(lab)}`,
      '',
      `**${t('lab.question')}** ${labText(lab, 'question')}`,
      '',
    );
    out.push(`**${t('report.observed')}**`, '');
    for (const run of runs) out.push(...observed(snap, windowOf(run)));
    out.push('');
    if (!done.answered) continue;
    out.push(`**${t('lab.answer')}** ${labText(lab, 'answer', lab.answerVars(answer))}`, '');
    const wrong = labText(lab, 'wrong');
    // A catalogue entry of only a dash means "no common wrong answer": nothing to say.
    if (/[\p{L}\p{N}]/u.test(wrong)) out.push(`*${t('lab.wrong')}:* ${wrong}`, '');
  }
  return out;
}

/** One run: `g` and when, then what it opened and what it closed or let in, nested. */
function observed(snap: Snapshot, w: RunWindow): string[] {
  const { run, until } = w;
  const inWindow = (time: number) => time >= run.time && (until === null || time < until.time);
  const opened = (id: number, from: number, to: number | undefined) =>
    id >= from && (to === undefined || id < to);
  const listeners = snap.listeners.filter((l) =>
    opened(l.id, run.next.listener, until?.next.listener),
  );
  // Dequeued (let in from the queue) during the run: 3b's queued client being served.
  const dequeued = new Set(
    snap.events
      .filter((e) => e.type === 'dequeued' && inWindow(e.time))
      .map((e) => (e.type === 'dequeued' ? e.connection : 0)),
  );
  const conns = snap.connections.filter(
    (c) =>
      opened(c.id, run.next.connection, until?.next.connection) ||
      (c.closedAt !== null && inWindow(c.closedAt)) ||
      dequeued.has(c.id),
  );
  const lines = [`- ${t('report.run', { time: formatClock(run.time) })}`];
  for (const l of listeners) lines.push(`  - ${listenerLine(l)}`);
  for (const c of conns) {
    lines.push(`  - ${connLine(c, snap)}`);
    lines.push(...burstLines(c, '    '));
  }
  if (lines.length === 1) lines.push(`  - ${t('report.obsNothing')}`);
  return lines;
}

function listenerLine(l: ListenerView): string {
  const head = t('report.obsListener', {
    id: l.id,
    address: mdText(formatAddress(l.host, l.boundPort ?? l.port)),
    state: listenerStateText(l.state, mdText(l.error?.code ?? '')),
  });
  const why = l.error?.explanation ?? l.note;
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
  return c.error ? `${head} — ${mdText(c.error.code)}: ${mdText(c.error.explanation)}` : head;
}
