import { formatAddress } from '../core/explainErrno.js';
import { formatClock } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import { connStateText, listenerStateText } from '../i18n/labels.js';
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
import { type LabDone, ofRun } from './labRuns.js';
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
    .filter((x): x is { done: LabDone; lab: GuidedLab; runs: LabRunRecord[] } =>
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
    for (const run of runs) out.push(...observed(snap, run));
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
 * One run: `g` and when, then the sockets it opened or acted on, and every connection its
 * own listener accepted (a student's Python client too), nested.
 */
function observed(snap: Snapshot, run: LabRunRecord): string[] {
  const listeners = snap.listeners.filter((l) => ofRun(l.owner, run));
  const own = new Set(listeners.map((l) => l.id));
  const conns = snap.connections.filter(
    (c) => ofRun(c.owner, run) || (c.listenerId !== null && own.has(c.listenerId)),
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
