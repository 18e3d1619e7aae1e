import { render } from 'ink';
import { t } from '../i18n/i18n.js';
import { applyInkPatches } from '../patches/applyInkPatches.js';
import { onSignals, type RunOptions, type Session, startListeners } from '../session.js';
import { VERSION } from '../version.js';
import { App } from './App.js';
import { inkPatchNotes } from './inkPatchNotes.js';

const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

/** The dashboard on its own screen; whatever way it ends, the terminal is given back as it was. */
export async function runDashboard(session: Session, opts: RunOptions): Promise<number> {
  const inkPatches = applyInkPatches();
  const out = process.stdout;
  out.write(ENTER_ALT_SCREEN);
  const restore = () => out.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
  process.once('exit', restore);

  let resolveQuit: (reportFailure: string | null) => void = () => {};
  const quitRequested = new Promise<string | null>((r) => {
    resolveQuit = r;
  });
  const quitRef: { current: (() => void) | null } = { current: null };
  const instance = render(
    <App
      engine={session.engine}
      version={VERSION}
      onQuit={(failure) => resolveQuit(failure)}
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
      onRender: inkPatches.trim,
    },
  );
  const finished = (async () => {
    const reportFailure = await quitRequested;
    instance.unmount();
    await instance.waitUntilExit();
    await session.shutdown();
    process.off('exit', restore);
    restore();
    // Said on the restored terminal, where it stays readable: the dashboard's screen is gone.
    if (reportFailure === null) return 0;
    process.stderr.write(`${t('cli.line', { message: reportFailure })}\n`);
    return 1;
  })();
  onSignals(async () => {
    (quitRef.current ?? (() => resolveQuit(null)))();
    return finished;
  });
  startListeners(session, opts);
  return finished;
}
