import { type Key, useInput, useStdin } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatCount } from '../format/units.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import type { EngineLink } from '../thread/link.js';
import { type ActionContext, runAction } from './actions.js';
import { LineInput } from './components/LineInput.js';
import { Dashboard, type DashboardProps } from './Dashboard.js';
import { useLabResults } from './hooks/useLabResults.js';
import { useNow } from './hooks/useNow.js';
import { usePorts } from './hooks/usePorts.js';
import { useSnapshot } from './hooks/useSnapshot.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { type Action, actionsFor, isControlSequence, keyName } from './keymap.js';
import { KeyQueue } from './keyQueue.js';
import { openLab } from './labActions.js';
import { portsFilter } from './portsView.js';
import { promptLimit } from './promptLimit.js';
import { select } from './selection.js';
import { submitPrompt } from './submitPrompt.js';
import { initialUi, type Prompt, type UiState } from './uiState.js';
import { watchedConnections } from './watched.js';
import { defaultReportName, writeReport } from './writeReport.js';

interface Props {
  engine: EngineLink;
  version: string;
  /** Told, when the report written on quit (`--report`) failed, what to say after the terminal is back. */
  onQuit(reportFailure: string | null): void;
  /** Guided lab to open at start (`--lab`). */
  startLab?: string | null;
  /** Write the report here on quit (`--report`). */
  reportFile?: string | null;
  /** The student's name at the head of every report (`--name`). */
  studentName?: string | null;
  /** Filled with the app's own quit, so a signal ends the session the same way as q. */
  quitRef?: { current: (() => void) | null };
  /** Said on the status row while it is free (skipped Ink patches: runDashboard.tsx). */
  notes?: readonly string[];
}

const PROMPT_LABEL: Record<Prompt['kind'], MessageKey> = {
  listen: 'prompt.listen',
  target: 'prompt.target',
  message: 'prompt.message',
  'server-send': 'prompt.serverSend',
  fault: 'fault.prompt',
  'udp-listen': 'udp.prompt.open',
  'udp-target': 'udp.prompt.target',
  'udp-message': 'udp.prompt.message',
};

/** A key as the bytes a terminal sends for it, for a text box that is not drawn yet. */
function rawKey(input: string, key: Key): string {
  if (key.return) return '\r';
  if (key.backspace || key.delete) return '\x7f';
  if (key.escape) return '\x1b';
  if (key.ctrl && input === 'u') return '\x15';
  if (key.ctrl || key.meta) return '';
  return input;
}

const OPENS_PROMPT = new Set<Action>([
  'message',
  'server-send',
  'new-listener',
  'target',
  'fault',
  'udp-open',
  'udp-client',
]);

/** Layout and focus. Panes read the snapshot; keys become actions, sent to the engine as commands. */
export function App({
  engine,
  version,
  onQuit,
  startLab = null,
  reportFile = null,
  studentName = null,
  quitRef,
  notes,
}: Props) {
  const snap = useSnapshot(engine);
  const now = useNow(1000);
  const { columns, rows } = useTerminalSize();
  const { isRawModeSupported } = useStdin();
  const [ui, setUi] = useState<UiState>(() =>
    startLab ? { ...initialUi, ...openLab(initialUi, startLab) } : initialUi,
  );
  // Keys can arrive before React re-renders (two arrows in one chunk are two events in a
  // row): key handling reads and writes this ref; rendering reads the state.
  const uiNow = useRef(ui);
  const set = useCallback((patch: Partial<UiState>) => {
    // A plain status replaces a live one; either is stamped so it shows from now.
    const stamp =
      'statusLive' in patch
        ? { statusAt: Date.now() }
        : 'status' in patch
          ? { statusAt: Date.now(), statusLive: null }
          : {};
    uiNow.current = { ...uiNow.current, ...patch, ...stamp };
    setUi(uiNow.current);
  }, []);
  const current = useCallback(() => uiNow.current, []);
  useLabResults(snap, ui.labsDone, current, set);
  const sel = select(snap, ui);
  const ports = usePorts(engine, portsFilter(ui, sel));
  // Only the connections on screen bring their reads across from the engine.
  // Told again only when the ids change, not on every frame.
  const watchKey = watchedConnections(snap, ui, sel).join(',');
  useEffect(
    () => engine.watch(watchKey ? watchKey.split(',').map(Number) : []),
    [engine, watchKey],
  );
  const size = { columns, rows };
  const sizeNow = useRef(size);
  sizeNow.current = size;
  const quitting = useRef(false);
  /** The whole session for the report: every connection's reads, from the engine. */
  const fullView = async (): Promise<DashboardProps> => {
    const s = await engine.fullSnapshot();
    const u = uiNow.current;
    return { snap: s, ui: u, sel: select(s, u), columns, rows, now: Date.now(), version };
  };
  const quit = () => {
    if (quitting.current) return;
    quitting.current = true;
    if (!reportFile) return onQuit(null);
    void fullView().then(
      (view) => {
        const saved = writeReport(reportFile, view, studentName);
        onQuit(saved.failed ? saved.line : null);
      },
      (err: Error) => onQuit(err.message),
    );
  };
  if (quitRef) quitRef.current = quit;
  const report = () => {
    void fullView().then((view) =>
      set({ status: writeReport(defaultReportName(), view, studentName).line }),
    );
  };
  const ctxNow = (): ActionContext => {
    const s = engine.getSnapshot();
    const u = uiNow.current;
    return {
      ui: u,
      set,
      current,
      engine,
      snap: s,
      sel: select(s, u),
      size: sizeNow.current,
      quit,
      report,
    };
  };
  /** Keys typed before the text box appeared are kept for it, as typed (see typeKeys). */
  const typeAhead = (text: string) => {
    const p = uiNow.current.prompt;
    if (!p || !text) return;
    // Bounded: a paste before the box is drawn keeps at most a few boxes' worth.
    const typed = ((p.typed ?? '') + text).slice(0, 4 * (promptLimit(p.kind) + 1));
    set({ prompt: { ...p, typed } });
  };
  /** One chunk of keys, in order; a key the engine must answer holds the rest until it has. */
  const onKeys = async (names: string[], typed: string) => {
    for (let i = 0; i < names.length; i++) {
      // A key before this one opened a text box not drawn yet: the keys are its text.
      if (uiNow.current.prompt) return typeAhead(i === 0 ? typed : names.slice(i).join(''));
      const n = names[i];
      const ctx = ctxNow();
      const name = n === '\r' || n === '\n' ? 'enter' : n;
      let action: Action | null = null;
      for (const a of actionsFor({ ...ctx.ui, lab: ctx.ui.lab !== null }, name)) {
        const done = runAction(a, ctx);
        if (done === false) continue;
        action = a;
        if (done instanceof Promise) await done;
        break;
      }
      if (action && OPENS_PROMPT.has(action)) return typeAhead(names.slice(i + 1).join(''));
    }
  };
  const queue = useRef<KeyQueue | null>(null);
  queue.current ??= new KeyQueue(([typed, ...names]) => onKeysRef.current(names, typed));
  const onKeysRef = useRef(onKeys);
  onKeysRef.current = onKeys;

  useInput(
    (input: string, key: Key) => {
      if (isControlSequence(input)) return;
      if (uiNow.current.prompt) return typeAhead(rawKey(input, key));
      const name = keyName(input, key);
      // Keys typed faster than a frame arrive as one chunk ("---"): act on each.
      const names =
        name.length > 1 && name === input && !key.ctrl && !key.meta ? [...input] : [name];
      queue.current?.push([rawKey(input, key), ...names]);
    },
    { isActive: Boolean(isRawModeSupported) && ui.prompt === null },
  );

  const p = ui.prompt;
  const promptTarget = p?.connection ? ` #${p.connection}` : '';
  const promptNode = p ? (
    <LineInput
      key={`${p.kind}-${p.serial}`}
      label={`${t(PROMPT_LABEL[p.kind])}${promptTarget}`}
      initial={p.initial}
      width={columns}
      error={p.error}
      maxLength={promptLimit(p.kind)}
      fullNote={t('prompt.full', { max: formatCount(promptLimit(p.kind)) })}
      onSubmit={(value, overflowed) => {
        const error = submitPrompt(p, value, ctxNow(), overflowed);
        if (error) set({ prompt: { ...p, error, typed: '' } });
      }}
      typed={p.typed ?? ''}
      onCancel={() => set({ prompt: null })}
      onQuit={quit}
    />
  ) : undefined;
  return (
    <Dashboard
      snap={snap}
      ui={ui}
      sel={sel}
      columns={columns}
      rows={rows}
      now={now}
      version={version}
      prompt={promptNode}
      notes={notes}
      ports={ports}
    />
  );
}
