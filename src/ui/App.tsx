import { Box, Text, useInput, useStdin } from 'ink';
import { useCallback, useRef, useState } from 'react';
import type { Lab } from '../core/lab.js';
import { escapeControls } from '../format/escapeBytes.js';
import { type ActionContext, runAction } from './actions.js';
import { ClientPane } from './components/ClientPane.js';
import { ConnectionsPane } from './components/ConnectionsPane.js';
import { ErrorsPane } from './components/ErrorsPane.js';
import { Footer } from './components/Footer.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { LineInput } from './components/LineInput.js';
import { ListenersPane } from './components/ListenersPane.js';
import { ReadsPane } from './components/ReadsPane.js';
import { useSnapshot } from './hooks/useLab.js';
import { useNow } from './hooks/useNow.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { type Action, findAction, isControlSequence, keyName } from './keymap.js';
import { layoutFor, MIN_COLUMNS, MIN_ROWS } from './layout.js';
import { select } from './selection.js';
import { submitPrompt } from './submitPrompt.js';
import { theme } from './theme.js';
import { initialUi, type Prompt, type UiState } from './uiState.js';

interface Props {
  lab: Lab;
  version: string;
  onQuit(): void;
}

const PROMPT_LABEL: Record<Prompt['kind'], string> = {
  listen: 'new listener [HOST:]PORT ›',
  target: 'connect client to [HOST:]PORT ›',
  message: 'message ›',
  'server-send': 'server sends ›',
};

const OPENS_PROMPT = new Set<Action>(['message', 'server-send', 'new-listener', 'target']);

/** Layout and focus. Panes read the snapshot; keys become actions on the lab. */
export function App({ lab, version, onQuit }: Props) {
  const snap = useSnapshot(lab.store);
  const now = useNow(1000);
  const { columns, rows } = useTerminalSize();
  const { isRawModeSupported } = useStdin();
  const [ui, setUi] = useState<UiState>(initialUi);
  // Keys can arrive before React re-renders (two arrows in one chunk are two events in a
  // row): key handling reads and writes this ref; rendering reads the state.
  const uiNow = useRef(ui);
  const set = useCallback((patch: Partial<UiState>) => {
    uiNow.current = { ...uiNow.current, ...patch };
    setUi(uiNow.current);
  }, []);
  const sel = select(snap, ui);
  const quitting = useRef(false);
  const quit = () => {
    if (quitting.current) return;
    quitting.current = true;
    onQuit();
  };
  const ctx: ActionContext = { ui, set, lab, snap, sel, quit };
  /** Text typed before the text box appeared goes into it, up to the first line break. */
  const typeAhead = (text: string) => {
    const p = uiNow.current.prompt;
    const [line, ...after] = text.split(/[\r\n]/);
    const submit = after.length > 0;
    if (p && (line || submit))
      set({ prompt: { ...p, initial: p.initial + line, autoSubmit: submit } });
  };
  const ctxNow = (): ActionContext => {
    const u = uiNow.current;
    // A key may act on what an earlier key just made (c, then Enter): publish it first.
    lab.store.flush();
    const s = lab.store.getSnapshot();
    return { ui: u, set, lab, snap: s, sel: select(s, u), quit };
  };

  useInput(
    (input, key) => {
      if (isControlSequence(input)) return;
      // A key before this one opened a text box that is not drawn yet: the keys are its text.
      if (uiNow.current.prompt) return typeAhead(key.ctrl || key.meta ? '' : input);
      const name = keyName(input, key);
      if (uiNow.current.help) {
        if (name === '?' || name === 'esc') set({ help: false });
        else if (name === 'q' || name === 'ctrl-c') quit();
        return;
      }
      // Keys typed faster than a frame arrive as one chunk ("---"): act on each.
      const names =
        name.length > 1 && name === input && !key.ctrl && !key.meta ? [...input] : [name];
      for (let i = 0; i < names.length; i++) {
        const n = names[i];
        const now = ctxNow();
        const action = findAction(now.ui.focus, n === '\r' || n === '\n' ? 'enter' : n);
        if (action) runAction(action, now);
        if (action && OPENS_PROMPT.has(action)) return typeAhead(names.slice(i + 1).join(''));
      }
    },
    { isActive: Boolean(isRawModeSupported) && ui.prompt === null },
  );

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return (
      <TooSmall columns={columns} rows={rows} onQuit={quit} active={Boolean(isRawModeSupported)} />
    );
  }
  const L = layoutFor(columns, rows);
  const listener = sel.listener;
  const readsConns =
    ui.readsScope === 'listener' ? sel.connections : sel.connection ? [sel.connection] : [];
  const readsTitle =
    ui.readsScope === 'listener'
      ? `Reads — all of listener #${listener?.id ?? '-'}`
      : sel.connection
        ? `Reads — conn #${sel.connection.id}`
        : 'Reads';
  const p = ui.prompt;
  const promptTarget = p?.connection ? ` #${p.connection}` : '';
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header snap={snap} version={version} sliderFocused={ui.focus === 'slider'} />
      {ui.help ? (
        <HelpOverlay width={columns} height={L.top + L.middle + L.bottom} />
      ) : (
        <>
          <Box height={L.top}>
            <ListenersPane
              listeners={snap.listeners}
              selectedId={listener?.id ?? null}
              focused={ui.focus === 'listeners'}
              width={L.left}
              height={L.top}
            />
            <ErrorsPane
              errors={snap.errors}
              selectedId={sel.error?.id ?? null}
              focused={ui.focus === 'errors'}
              width={L.right}
              height={L.top}
            />
          </Box>
          <Box height={L.middle}>
            <ConnectionsPane
              listener={listener}
              connections={sel.connections}
              selectedId={sel.connection?.id ?? null}
              focused={ui.focus === 'connections'}
              width={L.left}
              height={L.middle}
              now={now}
            />
            <ClientPane
              clients={sel.clients}
              selected={sel.client}
              focused={ui.focus === 'client'}
              width={L.right}
              height={L.middle}
            />
          </Box>
          <ReadsPane
            title={readsTitle}
            conns={readsConns}
            hex={ui.hex}
            focused={ui.focus === 'reads'}
            width={L.full}
            height={L.bottom}
            bufferSize={snap.bufferSize}
          />
        </>
      )}
      {p ? (
        <LineInput
          key={`${p.kind}-${p.serial}`}
          label={`${PROMPT_LABEL[p.kind]}${promptTarget}`}
          initial={p.initial}
          width={columns}
          error={p.error}
          onSubmit={(value) => {
            const error = submitPrompt(p, value, ctx);
            if (error) set({ prompt: { ...p, initial: value, error, autoSubmit: false } });
          }}
          autoSubmit={p.autoSubmit}
          onCancel={() => set({ prompt: null })}
          onQuit={quit}
        />
      ) : (
        <Text wrap="truncate" color={theme.dim}>
          {ui.status ? escapeControls(ui.status) : ' '}
        </Text>
      )}
      <Footer focus={ui.focus} />
    </Box>
  );
}

function TooSmall({
  columns,
  rows,
  onQuit,
  active,
}: {
  columns: number;
  rows: number;
  onQuit(): void;
  active: boolean;
}) {
  useInput(
    (input, key) => {
      if (input === 'q' || (key.ctrl && input === 'c')) onQuit();
    },
    { isActive: active },
  );
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" color={theme.warn}>
        socklab needs at least {MIN_COLUMNS}×{MIN_ROWS}:
      </Text>
      <Text wrap="truncate">
        this terminal is {columns}×{rows}. Enlarge it, or q to quit.
      </Text>
    </Box>
  );
}
