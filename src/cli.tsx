#!/usr/bin/env node
import { langFlag, parseCommandLine } from './cli/args.js';
import { runHeadless } from './cli/headless.js';
import { helpText } from './cli/help.js';
import { runPorts } from './cli/ports.js';
import { runSend } from './cli/send.js';
import { escapeText } from './format/escapeBytes.js';
import { detectLang, getLang, setLang, t } from './i18n/i18n.js';
import { reportPathProblem } from './report/reportFile.js';
import { createSession, openLog } from './session.js';
import { startEngine } from './thread/startEngine.js';
import { VERSION } from './version.js';

async function main(): Promise<number | null> {
  const argv = process.argv.slice(2);
  // First, so that argument errors and --help are in the chosen language too.
  setLang(detectLang(langFlag(argv)));
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    process.stderr.write(`socklab: ${escapeText(parsed.error)}\n`);
    return 2;
  }
  const cmd = parsed.value;
  if (cmd.command === 'help') {
    process.stdout.write(helpText(VERSION));
    return 0;
  }
  if (cmd.command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (cmd.command === 'ports') {
    // `socklab ports | head -3`: the reader went away; stop quietly, as Unix tools do.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
    });
    return runPorts(cmd, (line) => process.stdout.write(`${line}\n`));
  }
  if (cmd.command === 'send')
    return runSend(cmd, (line) => process.stdout.write(`${escapeText(line)}\n`));

  // Before the log is opened (and created): a bad report path leaves nothing behind.
  const reportProblem = cmd.report === null ? null : reportPathProblem(cmd.report);
  if (cmd.report !== null && reportProblem) {
    const path = escapeText(cmd.report);
    process.stderr.write(`socklab: ${t('args.reportOpen', { path, error: reportProblem })}\n`);
    return 2;
  }
  const log = openLog(cmd.log);
  if (log.error) {
    process.stderr.write(`socklab: ${escapeText(log.error)}\n`);
    return 2;
  }
  const headless = cmd.headless || !(process.stdin.isTTY && process.stdout.isTTY);
  if (headless) {
    // No screen to wait for: the engine runs on this thread.
    const session = createSession(cmd, log.log, {
      // The dashboard shows it in the errors pane; headless, stderr is where a person looks.
      logFailed: (text) => process.stderr.write(`socklab: ${escapeText(text)}\n`),
    });
    runHeadless(session, cmd);
    return null;
  }
  const engine = startEngine(cmd, log.log, getLang());
  // Imported here so that headless runs never load React and Ink. Which React build runs
  // (production) is fixed when the CLI is bundled: see build.config.ts.
  const { runDashboard } = await import('./ui/runDashboard.js');
  return runDashboard(engine, cmd);
}

main().then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (err) => {
    const error = err instanceof Error ? err.message : String(err);
    process.stderr.write(`socklab: ${escapeText(t('cli.unexpected', { error }))}\n`);
    process.exitCode = 1;
  },
);
