import { parseArgs } from 'node:util';
import { MAX_BUFFER, MIN_BUFFER } from '../core/lab.js';
import { parseEscapes } from '../core/parseEscapes.js';
import { findLab, GUIDED_LABS } from '../labs/guidedLabs.js';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  type Endpoint,
  type Parsed,
  parseEndpoint,
} from './endpoint.js';

export interface RunOptions {
  command: 'run';
  listen: Endpoint[];
  buffer: number;
  sequential: boolean;
  echo: boolean;
  headless: boolean;
  json: boolean;
  log: string | null;
  maxConnections: number;
  lab: string | null;
  report: string | null;
  lang: string | null;
}

export interface SendCommand {
  command: 'send';
  target: Endpoint;
  message: string;
  json: boolean;
}

export type Command = RunOptions | SendCommand | { command: 'help' } | { command: 'version' };

const options = {
  listen: { type: 'string', short: 'l', multiple: true },
  buffer: { type: 'string', short: 'b' },
  sequential: { type: 'boolean' },
  echo: { type: 'boolean' },
  headless: { type: 'boolean' },
  json: { type: 'boolean' },
  log: { type: 'string' },
  'max-connections': { type: 'string' },
  lab: { type: 'string' },
  report: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

export const LAB_MESSAGE = 'Estou enviando uma mensagem!';

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
    if (positionals.length < 2)
      return { ok: false, error: 'send needs a target: socklab send [HOST:]PORT [MESSAGE]' };
    if (positionals.length > 3) {
      return {
        ok: false,
        error: `send takes one message; quote it: socklab send ${positionals[1]} "text with spaces"`,
      };
    }
    const target = parseEndpoint(positionals[1]);
    if (!target.ok) return target;
    // A bad escape is a usage error like a bad port: stderr and exit 2, before any socket.
    const bytes = parseEscapes(positionals[2] ?? LAB_MESSAGE);
    if (!bytes.ok) return { ok: false, error: `send: message: ${bytes.error}` };
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
  if (positionals.length > 0) {
    return {
      ok: false,
      error: `unexpected argument "${positionals[0]}": the only command is "send" (see --help)`,
    };
  }

  const listen: Endpoint[] = [];
  for (const text of values.listen ?? []) {
    const e = parseEndpoint(text);
    if (!e.ok) return { ok: false, error: `--listen: ${e.error}` };
    listen.push(e.value);
  }
  if (listen.length === 0) listen.push({ host: DEFAULT_HOST, port: DEFAULT_PORT });

  const buffer = parseIntIn(values.buffer, '--buffer', MIN_BUFFER, MAX_BUFFER, 1024, 'bytes');
  if (!buffer.ok) return buffer;
  const max = parseIntIn(
    values['max-connections'],
    '--max-connections',
    1,
    1_000_000,
    1000,
    'connections',
  );
  if (!max.ok) return max;
  if (values.log === '') return { ok: false, error: '--log needs a file name' };
  if (values.report === '') return { ok: false, error: '--report needs a file name' };
  const labIds = GUIDED_LABS.map((l) => l.id);
  if (values.lab !== undefined && !findLab(values.lab)) {
    return {
      ok: false,
      error: `--lab "${values.lab}" is not a lab: use one of ${labIds.join(', ')}`,
    };
  }
  if (values.lang !== undefined && !/^(en|pt)([-_].*)?$/i.test(values.lang)) {
    return { ok: false, error: `--lang "${values.lang}" is not available: use en or pt-BR` };
  }

  return {
    ok: true,
    value: {
      command: 'run',
      listen,
      buffer: buffer.value,
      sequential: Boolean(values.sequential),
      echo: Boolean(values.echo),
      headless: Boolean(values.headless),
      json: Boolean(values.json),
      log: values.log ?? null,
      maxConnections: max.value,
      lab: values.lab ? (findLab(values.lab)?.id ?? null) : null,
      report: values.report ?? null,
      lang: values.lang ?? null,
    },
  };
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
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : Number.NaN;
  if (!(n >= min && n <= max)) {
    return {
      ok: false,
      error: `${flag} "${text}" is not valid: use a whole number of ${unit} from ${min} to ${max}`,
    };
  }
  return { ok: true, value: n };
}

function cleanParseError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const msg = (e.message ?? String(err)).split('\n')[0];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const m = /Unknown option '([^']+)'/.exec(msg);
    return `unknown option ${m ? m[1] : msg}: see socklab --help`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return `${msg.replace(/\.$/, '')}: see socklab --help`;
  return msg;
}
