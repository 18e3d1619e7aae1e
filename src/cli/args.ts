import { parseArgs } from 'node:util';
import { MAX_BUFFER, MIN_BUFFER } from '../core/engine.js';
import { formatCount } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  type Endpoint,
  type Parsed,
  parseEndpoint,
  parsePort,
} from '../input/endpoint.js';
import { parseEscapes } from '../input/parseEscapes.js';
import { findLab, GUIDED_LABS, LAB_MESSAGE } from '../labs/guidedLabs.js';
import type { RunOptions } from '../session.js';
import { parseProxyArgs, proxyOptions } from './proxyArgs.js';

/** The longest student name `--name` takes, in characters. */
export const MAX_NAME = 100;

export interface SendCommand {
  command: 'send';
  target: Endpoint;
  message: string;
  json: boolean;
}

export type { RunOptions };

/** `socklab ports [[HOST:]PORT] [--json]`: the kernel's TCP sockets on PORT (all without it). */
export interface PortsCommand {
  command: 'ports';
  host: string | null;
  port: number | null;
  json: boolean;
}

export type Command =
  | RunOptions
  | SendCommand
  | PortsCommand
  | { command: 'help' }
  | { command: 'version' };

const options = {
  listen: { type: 'string', short: 'l', multiple: true },
  udp: { type: 'string', short: 'u', multiple: true },
  buffer: { type: 'string', short: 'b' },
  sequential: { type: 'boolean' },
  echo: { type: 'boolean' },
  'half-open': { type: 'boolean' },
  headless: { type: 'boolean' },
  json: { type: 'boolean' },
  log: { type: 'string' },
  'max-connections': { type: 'string' },
  lab: { type: 'string' },
  report: { type: 'string' },
  name: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  ...proxyOptions,
} as const;

/** Every value is checked here, before any socket opens. */
export function parseCommandLine(argv: string[]): Parsed<Command> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: joinValues(argv), options, allowPositionals: true, strict: true });
  } catch (err) {
    return { ok: false, error: cleanParseError(err) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, value: { command: 'help' } };
  if (values.version) return { ok: true, value: { command: 'version' } };

  if (positionals[0] === 'send') {
    if (positionals.length < 2) return { ok: false, error: t('args.sendNeedsTarget') };
    if (positionals.length > 3) {
      return { ok: false, error: t('args.sendOneMessage', { target: positionals[1] }) };
    }
    const target = parseEndpoint(positionals[1]);
    if (!target.ok) return target;
    // A bad escape is a usage error like a bad port: stderr and exit 2, before any socket.
    const bytes = parseEscapes(positionals[2] ?? LAB_MESSAGE);
    if (!bytes.ok) return { ok: false, error: t('args.sendMessage', { error: bytes.error }) };
    return {
      ok: true,
      value: {
        command: 'send',
        target: target.value,
        message: positionals[2] ?? LAB_MESSAGE,
        json: Boolean(values.json),
      },
    };
  }
  if (positionals[0] === 'ports') return parsePorts(positionals.slice(1), Boolean(values.json));
  if (positionals.length > 0) {
    return { ok: false, error: t('args.unexpected', { arg: positionals[0] }) };
  }

  const listen: Endpoint[] = [];
  for (const text of values.listen ?? []) {
    const e = parseEndpoint(text);
    if (!e.ok) return { ok: false, error: `--listen: ${e.error}` };
    listen.push(e.value);
  }
  const proxy = parseProxyArgs(values);
  if (!proxy.ok) return proxy;
  const udp: Endpoint[] = [];
  for (const text of values.udp ?? []) {
    const e = parseEndpoint(text);
    if (!e.ok) return { ok: false, error: `--udp: ${e.error}` };
    udp.push(e.value);
  }
  // `--proxy` or -u alone opens only those: the default TCP listener is for a run that asked for nothing.
  if (listen.length === 0 && udp.length === 0 && proxy.value.proxies.length === 0) {
    listen.push({ host: DEFAULT_HOST, port: DEFAULT_PORT });
  }

  const buffer = parseIntIn(
    values.buffer,
    '--buffer',
    MIN_BUFFER,
    MAX_BUFFER,
    1024,
    t('args.unit.bytes'),
  );
  if (!buffer.ok) return buffer;
  const max = parseIntIn(
    values['max-connections'],
    '--max-connections',
    1,
    1_000_000,
    1000,
    t('args.unit.connections'),
  );
  if (!max.ok) return max;
  if (values.log === '') return { ok: false, error: t('args.logName') };
  if (values.report === '') return { ok: false, error: t('args.reportName') };
  const name = values.name?.trim();
  if (name === '') return { ok: false, error: t('args.nameEmpty') };
  // A name, not a text: bounded like everything else that is written out.
  if (name !== undefined && [...name].length > MAX_NAME) {
    return { ok: false, error: t('args.nameLong', { length: [...name].length, max: MAX_NAME }) };
  }
  const labIds = GUIDED_LABS.map((l) => l.id);
  if (values.lab !== undefined && !findLab(values.lab)) {
    return { ok: false, error: t('args.badLab', { lab: values.lab, ids: labIds.join(', ') }) };
  }
  if (values.lang !== undefined && !/^(en|pt)([-_].*)?$/i.test(values.lang)) {
    return { ok: false, error: t('args.badLang', { lang: values.lang }) };
  }

  return {
    ok: true,
    value: {
      command: 'run',
      listen,
      udp,
      buffer: buffer.value,
      sequential: Boolean(values.sequential),
      echo: Boolean(values.echo),
      halfOpen: Boolean(values['half-open']),
      headless: Boolean(values.headless),
      json: Boolean(values.json),
      log: values.log ?? null,
      maxConnections: max.value,
      lab: values.lab ? (findLab(values.lab)?.id ?? null) : null,
      report: values.report ?? null,
      name: name ?? null,
      ...proxy.value,
    },
  };
}

function parsePorts(args: string[], json: boolean): Parsed<Command> {
  if (args.length > 1) return { ok: false, error: t('args.unexpected', { arg: args[1] }) };
  const value: PortsCommand = { command: 'ports', host: null, port: null, json };
  if (args.length === 0) return { ok: true, value };
  const text = args[0];
  if (/^\d+$/.test(text.trim())) {
    const port = parsePort(text);
    return port.ok ? { ok: true, value: { ...value, port: port.value } } : port;
  }
  const e = parseEndpoint(text);
  if (!e.ok) return e;
  return { ok: true, value: { ...value, host: e.value.host, port: e.value.port } };
}

/**
 * The `--lang` value, read before the command line is checked, so that its error messages
 * (and --help) are already in that language. The last one wins, as in parseArgs.
 */
export function langFlag(argv: readonly string[]): string | null {
  let lang: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang' && i + 1 < argv.length) lang = argv[++i];
    else if (argv[i].startsWith('--lang=')) lang = argv[i].slice('--lang='.length);
  }
  return lang;
}

/** `-l -1` is a value to check, not an option: join it as `--listen=-1` so the range check names it. */
function joinValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = valueFlags.get(argv[i]);
    if (name && i + 1 < argv.length && argv[i + 1].startsWith('-')) {
      out.push(`--${name}=${argv[++i]}`);
    } else {
      out.push(argv[i]);
    }
  }
  return out;
}

const valueFlags = new Map<string, string>(
  Object.entries(options).flatMap(([name, o]) =>
    o.type === 'string'
      ? [[`--${name}`, name], ...('short' in o ? [[`-${o.short}`, name] as [string, string]] : [])]
      : [],
  ),
);

function parseIntIn(
  text: string | undefined,
  flag: string,
  min: number,
  max: number,
  fallback: number,
  unit: string,
): Parsed<number> {
  if (text === undefined) return { ok: true, value: fallback };
  const trimmed = text.trim();
  const n = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(n >= min && n <= max)) {
    return {
      ok: false,
      error: t('args.badNumber', {
        flag,
        text,
        unit,
        min: formatCount(min),
        max: formatCount(max),
      }),
    };
  }
  return { ok: true, value: n };
}

function cleanParseError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const msg = (e.message ?? String(err)).split('\n')[0];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const m = /Unknown option '([^']+)'/.exec(msg);
    return t('args.unknownOption', { option: m ? m[1] : msg });
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return t('args.seeHelp', { message: msg.replace(/\.$/, '') });
  return msg;
}
