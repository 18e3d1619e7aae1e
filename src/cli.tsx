#!/usr/bin/env node
import { parseCommandLine } from './cli/args.js';
import { runHeadless } from './cli/headless.js';
import { helpText } from './cli/help.js';
import { runSend } from './cli/send.js';
import { createSession, openLog } from './cli/session.js';
import { detectLang, setLang } from './i18n/i18n.js';
import { VERSION } from './version.js';

async function main(): Promise<number | null> {
  const parsed = parseCommandLine(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`socklab: ${parsed.error}\n`);
    return 2;
  }
  const cmd = parsed.value;
  setLang(detectLang(cmd.command === 'run' ? cmd.lang : null));
  if (cmd.command === 'help') {
    process.stdout.write(helpText(VERSION));
    return 0;
  }
  if (cmd.command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (cmd.command === 'send') return runSend(cmd, (line) => process.stdout.write(`${line}\n`));

  const log = openLog(cmd.log);
  if (log.error) {
    process.stderr.write(`socklab: ${log.error}\n`);
    return 2;
  }
  const session = createSession(cmd, log.fd);
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (cmd.headless || !tty) {
    runHeadless(session, cmd);
    return null;
  }
  const { runDashboard } = await import('./ui/runDashboard.js');
  return runDashboard(session, cmd);
}

main().then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (err) => {
    process.stderr.write(
      `socklab: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
