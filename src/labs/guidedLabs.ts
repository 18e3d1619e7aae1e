import { ephemeralRange } from '../core/ephemeralRange.js';
import { formatAddress, getOsContext } from '../core/explainErrno.js';
import type { Lab } from '../core/lab.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import { listenerStateText } from '../i18n/labels.js';
import type { ListenerView, Snapshot } from '../state/types.js';

export const LAB_MESSAGE = 'Estou enviando uma mensagem!';

export interface LabStep {
  text: MessageKey;
  /** The Python socket call this step corresponds to, so students map the screen to their code. */
  python: string;
}

/** What a lab's answer is filled from: the live state, no sockets. */
export interface AnswerContext {
  snap: Snapshot;
  listener: ListenerView | null;
}

export interface RunContext extends AnswerContext {
  lab: Lab;
}

export interface GuidedLab {
  id: string;
  steps: LabStep[];
  /** Performs the steps on the live dashboard; returns what it did, to show. */
  run(ctx: RunContext): string;
  /** Values for the answer text, read from this machine. */
  answerVars(ctx: AnswerContext): Record<string, string | number>;
}

const key = (id: string, part: string) => `lab.${id}.${part}` as MessageKey;

/** The facts of this machine the lab texts quote: files under /proc, read once, not per frame. */
let machine: { limit: number; range: [number, number] | null } | null = null;
const machineFacts = () =>
  (machine ??= {
    limit: getOsContext().unprivilegedPortStart ?? 1024,
    range: ephemeralRange(),
  });
export const labTitle = (l: GuidedLab) => t(key(l.id, 'title'));
export const labText = (
  l: GuidedLab,
  part: 'observe' | 'question' | 'answer' | 'wrong',
  vars: Record<string, string | number> = {},
) => t(key(l.id, part), { limit: machineFacts().limit, ...vars });

function target(l: ListenerView): { host: string; port: number } {
  const host = l.host === '0.0.0.0' ? '127.0.0.1' : l.host === '::' ? '::1' : l.host;
  return { host, port: l.boundPort ?? l.port };
}

/** Connect a socklab client that sends the lab's message once connected. */
function clientSending(lab: Lab, host: string, port: number): number {
  const id = lab.connect(host, port);
  const stop = lab.store.tap({
    event: (e) => {
      if (e.type === 'client-connected' && e.connection === id) {
        lab.send(id, Buffer.from(LAB_MESSAGE));
        queueMicrotask(stop);
      } else if (e.type === 'closed' && e.connection === id) {
        queueMicrotask(stop);
      }
    },
  });
  return id;
}

function needListener(ctx: RunContext): ListenerView | null {
  return ctx.listener?.state === 'listening' ? ctx.listener : null;
}

const noListener = () => t('lab.noListener');

export const GUIDED_LABS: readonly GuidedLab[] = [
  {
    id: '1',
    steps: [
      { text: 'lab.1.step1', python: "s.bind(('127.0.0.1', 9999)); s.listen()" },
      { text: 'lab.1.step2', python: 'conn, addr = s.accept()  # addr = (ip, ephemeral port)' },
      { text: 'lab.1.step3', python: "c.connect(('127.0.0.1', 9999)); c.getsockname()[1]" },
    ],
    run(ctx) {
      const l = needListener(ctx);
      if (!l) return noListener();
      const { host, port } = target(l);
      const ids = [0, 1, 2].map(() => ctx.lab.connect(host, port));
      return t('lab.1.ran', {
        target: formatAddress(host, port),
        ids: ids.map((i) => `#${i}`).join(', '),
      });
    },
    answerVars(ctx) {
      const r = machineFacts().range;
      return {
        range: r ? `${r[0]}–${r[1]}` : 'ip_local_port_range',
        port: ctx.listener?.boundPort ?? 9999,
      };
    },
  },
  {
    id: '2a',
    steps: [
      { text: 'lab.2a.step1', python: "s.bind(('127.0.0.1', porta)); s.listen()" },
      { text: 'lab.2a.step2', python: "s2.bind(('127.0.0.1', porta))  # OSError: EADDRINUSE" },
    ],
    run(ctx) {
      const l = needListener(ctx);
      if (!l) return noListener();
      const { port } = target(l);
      ctx.lab.listen(l.host, port);
      return t('lab.2a.ran', { target: formatAddress(l.host, port) });
    },
    answerVars: () => ({}),
  },
  {
    id: '2b',
    steps: [{ text: 'lab.2b.step1', python: "s.bind(('127.0.0.1', 700))" }],
    run(ctx) {
      ctx.lab.listen('127.0.0.1', 700);
      return t('lab.2b.ran', { target: '127.0.0.1:700' });
    },
    answerVars(ctx) {
      const l = ctx.snap.listeners.filter((x) => x.port === 700).at(-1);
      const here = !l
        ? '—'
        : l.state === 'failed'
          ? (l.error?.code ?? t('errors.error'))
          : (l.note ?? listenerStateText(l.state));
      return { here };
    },
  },
  {
    id: '3',
    steps: [
      { text: 'lab.3.step1', python: 'data = conn.recv(1024)' },
      { text: 'lab.3.step2', python: "c.sendall(b'Estou enviando uma mensagem!')" },
      { text: 'lab.3.step3', python: 'if not data: break' },
    ],
    run(ctx) {
      const l = needListener(ctx);
      if (!l) return noListener();
      ctx.lab.setBufferSize(1024);
      const { host, port } = target(l);
      clientSending(ctx.lab, host, port);
      return t('lab.3.ran');
    },
    answerVars: () => ({}),
  },
  {
    id: '3a',
    steps: [
      { text: 'lab.3a.step1', python: 'while True: conn, addr = s.accept()  # one at a time' },
      { text: 'lab.3a.step2', python: 'c1.connect(...); c2.connect(...)  # both succeed' },
    ],
    run(ctx) {
      const l = needListener(ctx);
      if (!l) return noListener();
      ctx.lab.setMode('sequential');
      const { host, port } = target(l);
      clientSending(ctx.lab, host, port);
      // The second connects a moment later so the order on screen is the order of arrival.
      setTimeout(() => clientSending(ctx.lab, host, port), 150).unref();
      return t('lab.3a.ran');
    },
    answerVars: () => ({}),
  },
  {
    id: '3b',
    steps: [
      { text: 'lab.3b.step1', python: 'c1.close()' },
      { text: 'lab.3b.step2', python: "data = conn.recv(1024)  # b'' → break; conn.close()" },
      { text: 'lab.3b.step3', python: 'conn, addr = s.accept()  # the queued client' },
    ],
    run(ctx) {
      const served = ctx.snap.connections.find(
        (c) =>
          c.kind === 'client' &&
          c.closedAt === null &&
          c.linkedId !== null &&
          ctx.snap.connections.find((a) => a.id === c.linkedId)?.state === 'open',
      );
      if (!served) return t('lab.3b.none');
      ctx.lab.close(served.id);
      return t('lab.3b.ran', { id: served.id });
    },
    answerVars: () => ({}),
  },
  {
    id: '3c',
    steps: [
      { text: 'lab.3c.step1', python: 'data = conn.recv(5)' },
      { text: 'lab.3c.step2', python: "c.sendall(b'Estou enviando uma mensagem!')" },
    ],
    run(ctx) {
      const l = needListener(ctx);
      if (!l) return noListener();
      ctx.lab.setBufferSize(5);
      const { host, port } = target(l);
      clientSending(ctx.lab, host, port);
      return t('lab.3c.ran');
    },
    answerVars: () => ({}),
  },
];

export function findLab(id: string): GuidedLab | undefined {
  return GUIDED_LABS.find((l) => l.id === id.toLowerCase());
}

export function labStepText(step: LabStep): string {
  return t(step.text);
}
