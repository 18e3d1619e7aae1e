import { formatAddress } from '../format/address.js';
import { escapeText } from '../format/escapeBytes.js';
import { formatClock, formatCount } from '../format/units.js';
import { entryText } from '../i18n/entryText.js';
import { getLang, t } from '../i18n/i18n.js';
import {
  connectionStateText,
  listenerStateText,
  modeText,
  sideText,
  subjectText,
} from '../i18n/labels.js';
import { ssName } from '../kernel/tcpStates.js';
import type { AnswerContext } from '../labs/guidedLabs.js';
import type { Snapshot } from '../state/types.js';
import { burstLines } from './bursts.js';
import type { LabDone } from './labRuns.js';
import { labsSection } from './labsSection.js';
import { mdFence, mdRow, mdText } from './markdown.js';
import { proxySection } from './proxySection.js';
import { udpSection } from './udpSection.js';

export interface ReportInput {
  snap: Snapshot;
  version: string;
  /** Labs opened, whether their answer was shown, and each time they were run. */
  labs: readonly LabDone[];
  /** The student's name (`--name`), heading the report. */
  name?: string | null;
  /** The dashboard as text, colours stripped. */
  screen: string;
  run: AnswerContext;
  now?: number;
}

/** A Markdown report of the session, for the lab's questions in place of screenshots. */
export function buildReport(input: ReportInput): string {
  const { snap } = input;
  const out: string[] = [];
  out.push(`# ${t('report.title')}`, '');
  if (input.name) out.push(`**${t('report.student')}:** ${mdText(input.name)}`, '');
  out.push(
    t('report.generated', {
      time: new Date(input.now ?? Date.now()).toISOString(),
      version: input.version,
      lang: getLang(),
    }),
    t('report.settings', { buffer: formatCount(snap.bufferSize), mode: modeText(snap.mode) }),
    '',
  );

  out.push(`## ${t('report.listeners')}`, '');
  if (snap.listeners.length === 0) out.push(t('report.noListeners'));
  for (const l of snap.listeners) {
    // The code comes from outside too (an error's own field): text, not Markdown.
    const state = listenerStateText(l.state, mdText(l.error?.code ?? ''));
    out.push(
      t('report.listenerRow', {
        id: l.id,
        address: mdText(formatAddress(l.host, l.boundPort ?? l.port)),
        state,
        total: formatCount(l.total),
        bytes: formatCount(l.bytesIn),
      }),
    );
  }
  out.push('', `## ${t('report.errors')}`, '');
  if (snap.errors.length === 0) out.push(t('report.noErrors'));
  for (const e of [...snap.errors].reverse()) {
    const where =
      e.error?.address !== undefined && e.error.port !== undefined
        ? ` ${mdText(formatAddress(e.error.address, e.error.port))}`
        : '';
    const code = e.error
      ? `${bold(e.error.code)}${syscall(e.error.syscall)}`
      : `*${t('errors.note')}*`;
    out.push(
      `- ${formatClock(e.time)} ${code}${where} — ${mdText(subjectText(e.subject))}: ${mdText(entryText(e))}`,
    );
  }

  out.push('', `## ${t('report.connections')}`, '');
  if (snap.connections.length === 0) out.push(t('report.noConnections'));
  else out.push(t('report.connHeader'), '|---|---|---|---|---|---|---|---|---|---|');
  for (const c of snap.connections) {
    out.push(
      mdRow([
        c.id,
        sideText(c.kind),
        ep(c.peer),
        ep(c.local),
        // A closed one says who closed it and how, as on its row.
        connectionStateText(c),
        formatCount(c.bytesIn),
        formatCount(c.reads),
        // The kernel's view at the report, in ss's words; — where it has none (gone, not sampled).
        ...(c.kernel
          ? [ssName(c.kernel.state), formatCount(c.kernel.recvQ), formatCount(c.kernel.sendQ)]
          : ['—', '—', '—']),
      ]),
    );
  }

  out.push('', ...proxySection(snap));
  out.push(`## ${t('report.reads')}`, '');
  for (const c of snap.connections) {
    if (c.reads === 0) continue;
    out.push(`### ${t('report.readsOf', { id: c.id, peer: mdText(ep(c.peer)) })}`, '');
    for (const line of burstLines(c)) out.push(line);
    out.push('');
  }

  out.push(...udpSection(snap));
  out.push(`## ${t('report.labs')}`, '', ...labsSection(input.labs, snap, input.run));

  // The labs section ends with its blank line.
  out.push(`## ${t('report.screen')}`, '', ...mdFence(input.screen.split('\n'), 'text'), '');
  // Outside text went through mdText / mdCode / mdFence, which sanitize first: no line holds
  // a control character or markup that is not socklab's own.
  // A last pass of the sanitizer over every line guards socklab's own text as well.
  return out.map(escapeText).join('\n');
}

function ep(e: { address: string; port: number }): string {
  return e.address ? formatAddress(e.address, e.port) : '—';
}

/** An outside word in bold; bold needs text at both ends, so blank edges stay outside it. */
function bold(s: string): string {
  const word = escapeText(s).trim();
  return word ? `**${mdText(word)}**` : '';
}

const syscall = (s: string | undefined) => (s && escapeText(s).trim() ? ` (${mdText(s)})` : '');
