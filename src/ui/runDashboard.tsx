import { render } from 'ink';
import { escapeText } from '../format/escapeBytes.js';
import { t } from '../i18n/i18n.js';
import { applyInkPatches } from '../patches/applyInkPatches.js';
import { onSignals, type RunOptions } from '../session.js';
import type { RunningEngine } from '../thread/startEngine.js';
import { slowFrameMs } from '../thread/testFaults.js';
import { VERSION } from '../version.js';
import { App } from './App.js';
import { inkPatchNotes } from './inkPatchNotes.js';

const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

type Ending = { kind: 'quit'; reportFailure: string | null } | { kind: 'crash'; error: Error };

/** The dashboard on its own screen; whatever way it ends, the terminal is given back as it was. */
export async function runDashboard(engine: RunningEngine, opts: RunOptions): Promise<number> {
  const inkPatches = applyInkPatches();
  const out = process.stdout;
  out.write(ENTER_ALT_SCREEN);
  const restore = () => out.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
  process.once('exit', restore);

  let end: (e: Ending) => void = () => {};
  const ended = new Promise<Ending>((r) => {
    end = r;
  });
  void engine.crashed.then((error) => end({ kind: 'crash', error }));
  const quitRef: { current: (() => void) | null } = { current: null };
  const slowMs = slowFrameMs();
  const instance = render(
    <App
      engine={engine.link}
      version={VERSION}
      onQuit={(reportFailure) => end({ kind: 'quit', reportFailure })}
      startLab={opts.lab}
      reportFile={opts.report}
      studentName={opts.name}
      quitRef={quitRef}
      notes={inkPatchNotes(inkPatches.skipped)}
    />,
    {
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 30,
      // Ink 6.8's incremental mode starts each repaint one row too low when the frame is
      // shorter than the terminal (it must be: see layout.ts), duplicating the top row.
      incrementalRendering: false,
      onRender: () => {
        inkPatches.trim();
        if (slowMs > 0) holdThread(slowMs);
      },
    },
  );
  const finished = (async () => {
    const ending = await ended;
    instance.unmount();
    await instance.waitUntilExit();
    await engine.shutdown();
    process.off('exit', restore);
    restore();
    // Said on the restored terminal, where it stays readable: the dashboard's screen is gone.
    if (ending.kind === 'crash') {
      const error = ending.error.message;
      process.stderr.write(`${t('cli.line', { message: t('cli.engineCrashed', { error }) })}\n`);
      // The report is built from the engine's snapshot, which went with the thread.
      if (opts.report) {
        const path = escapeText(opts.report);
        process.stderr.write(`${t('cli.line', { message: t('cli.reportLost', { path }) })}\n`);
      }
      return 1;
    }
    if (ending.reportFailure === null) return 0;
    process.stderr.write(`${t('cli.line', { message: ending.reportFailure })}\n`);
    return 1;
  })();
  onSignals(async () => {
    (quitRef.current ?? (() => end({ kind: 'quit', reportFailure: null })))();
    return finished;
  });
  return finished;
}

/** A frame that takes `ms` (SOCKLAB_TEST_FAULT=slow-frame:MS): the thread-split test's slow screen. */
function holdThread(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: a slow frame holds the thread, as a real one would
  }
}
