import { type MessageKey, t } from '../i18n/i18n.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../input/endpoint.js';
import { GUIDED_LABS, LAB_MESSAGE } from '../labs/guidedLabs.js';

/** `s` padded to `to` columns, or followed by one space when it is that long already. */
const pad = (s: string, to: number) => (s.length >= to ? `${s} ` : s.padEnd(to));

/** A line of two columns: the syntax (never translated) and its description. */
const row = (syntax: string, width: number, text: string) => `  ${pad(syntax, width)}${text}`;

/** Options: the flags stay as typed, the descriptions come from the catalogue. */
const OPTIONS: readonly [string, MessageKey][] = [
  ['-l, --listen [HOST:]PORT', 'help.opt.listen'],
  ['', 'help.opt.listen2'],
  ['-u, --udp [HOST:]PORT', 'help.opt.udp'],
  ['-b, --buffer BYTES', 'help.opt.buffer'],
  ['    --sequential', 'help.opt.sequential'],
  ['    --echo', 'help.opt.echo'],
  ['    --half-open', 'help.opt.halfOpen'],
  ['    --max-connections N', 'help.opt.maxConnections'],
  ['    --headless', 'help.opt.headless'],
  ['    --json', 'help.opt.json'],
  ['', 'help.opt.portsJson'],
  ['    --log FILE', 'help.opt.log'],
  ['    --proxy [HOST:]PORT=HOST:PORT', 'help.opt.proxy'],
  ['', 'help.opt.proxy2'],
  ['    --pace [DIR:]MS', 'help.opt.pace'],
  ['    --latency [DIR:]MS', 'help.opt.latency'],
  ['    --rate [DIR:]BYTES', 'help.opt.rate'],
  ['    --reset-after [DIR:]BYTES', 'help.opt.resetAfter'],
  ['    --blackhole DIR', 'help.opt.blackhole'],
  ['    --slow-close [DIR:]MS', 'help.opt.slowClose'],
  ['', 'help.opt.faultDirs'],
  ['    --lab ID', 'help.opt.lab'],
  ['    --report FILE', 'help.opt.report'],
  ['    --name NAME', 'help.opt.name'],
  ['    --lang LANG', 'help.opt.lang'],
  ['-h, --help', 'help.opt.help'],
  ['-V, --version', 'help.opt.version'],
];

/** Examples: label, command, what to do and see, and a second line of it. */
const EXAMPLES: readonly [MessageKey, string, MessageKey | null, MessageKey | null][] = [
  ['help.ex.ephemeral', 'socklab', 'help.ex.ephemeral.do', 'help.ex.ephemeral.more'],
  ['help.ex.twoServers', 'socklab -l 9999', 'help.ex.twoServers.do', null],
  ['help.ex.fragment', 'socklab -b 5', 'help.ex.fragment.do', 'help.ex.fragment.more'],
  ['help.ex.sequential', 'socklab --sequential', 'help.ex.sequential.do', null],
  ['help.ex.proxy', 'socklab --proxy 8000=127.0.0.1:9999 -b 5 --pace 30', null, 'help.ex.proxy.do'],
  ['help.ex.scripts', 'socklab --headless --json -l 127.0.0.1:0', null, null],
  ['help.ex.client', `socklab send 127.0.0.1:9999 "${LAB_MESSAGE}"`, null, null],
];

/** Example columns: the command starts at 24 (or one space after a long label), the text at 53. */
function example([label, command, what, more]: (typeof EXAMPLES)[number]): string[] {
  const head = `${pad(`  ${t(label)}`, 24)}${command}`;
  const vars = { message: LAB_MESSAGE };
  const lines = [what ? `${pad(head, 53)}${t(what, vars)}` : head];
  if (more) lines.push(`${' '.repeat(24)}${t(more, vars)}`);
  return lines;
}

export function helpText(version: string): string {
  // The labs' ids from the labs themselves: a lab added is a lab listed.
  const labs = GUIDED_LABS.map((l) => l.id).join(', ');
  const vars = { host: DEFAULT_HOST, port: DEFAULT_PORT, message: LAB_MESSAGE, labs };
  return [
    `socklab ${version} — ${t('help.tagline')}`,
    '',
    t('help.usage'),
    row('socklab [options]', 37, t('help.usage.run')),
    row('socklab send [HOST:]PORT [MESSAGE]', 37, t('help.usage.send')),
    row('socklab ports [[HOST:]PORT] [--json]', 37, t('help.usage.ports')),
    '',
    t('help.options'),
    ...OPTIONS.map(([syntax, key]) => row(syntax, 27, t(key, vars))),
    '',
    t('help.escapes', vars),
    '',
    t('help.examples'),
    ...EXAMPLES.flatMap(example),
    '',
    t('help.keys'),
    t('help.exit'),
    '',
  ].join('\n');
}
