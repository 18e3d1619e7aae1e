// Every CLI flag with bad values: exit 2, one line on stderr naming the value and the valid
// range, nothing on stdout, no stack trace, and no socket opened.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import { helpText } from '../../src/cli/help.js';
import { openLog } from '../../src/session.js';
import { runCli } from './helpers.js';

interface Case {
  args: string[];
  /** Must all appear in the one stderr line. */
  says: (string | RegExp)[];
}

const PORT_RANGE = '0–65535';
const CASES: Case[] = [
  // --listen / -l
  { args: ['-l', 'abc'], says: ['"abc"', PORT_RANGE] },
  { args: ['--listen', '-1'], says: ['"-1"', PORT_RANGE] },
  { args: ['-l', '70000'], says: ['70000', PORT_RANGE] },
  { args: ['-l', '999999999999'], says: ['999999999999', PORT_RANGE] },
  { args: ['-l', '127.0.0.1:'], says: ['127.0.0.1:', PORT_RANGE] },
  { args: ['-l', '127.0.0.1:65536'], says: ['65536', PORT_RANGE] },
  { args: ['-l', '1.5'], says: ['"1.5"', PORT_RANGE] },
  { args: ['-l', ''], says: ['empty', '[HOST:]PORT'] },
  { args: ['-l', ':9000'], says: [':9000', 'empty host'] },
  { args: ['-l', '::1:9000'], says: ['::1:9000', '[::1]:'] },
  { args: ['--listen=localhost:x'], says: ['"x"', PORT_RANGE] },
  { args: ['-l', '127.0.0.1:0', '-l', 'nope'], says: ['"nope"', PORT_RANGE] },
  // --buffer / -b
  { args: ['-b', '0'], says: ['"0"', '1 to 65,536'] },
  { args: ['-b', '-5'], says: ['"-5"', '1 to 65,536'] },
  { args: ['--buffer', '65537'], says: ['"65537"', '1 to 65,536'] },
  { args: ['-b', 'abc'], says: ['"abc"', '1 to 65,536'] },
  { args: ['-b', '1.5'], says: ['"1.5"', '1 to 65,536'] },
  { args: ['-b', '1e3'], says: ['"1e3"', '1 to 65,536'] },
  { args: ['-b', '0x10'], says: ['"0x10"', '1 to 65,536'] },
  { args: ['-b', ''], says: ['""', '1 to 65,536'] },
  { args: ['-b', '99999999999999999999'], says: ['"99999999999999999999"', '1 to 65,536'] },
  // --max-connections
  { args: ['--max-connections', '0'], says: ['"0"', '1 to 1,000,000'] },
  { args: ['--max-connections', '-1'], says: ['"-1"', '1 to 1,000,000'] },
  { args: ['--max-connections', 'many'], says: ['"many"', '1 to 1,000,000'] },
  { args: ['--max-connections', '1000001'], says: ['"1000001"', '1 to 1,000,000'] },
  // --log
  { args: ['--log', ''], says: ['--log', 'file name'] },
  { args: ['--log', '/nonexistent-dir/x/socklab.ndjson'], says: ['/nonexistent-dir/x', 'ENOENT'] },
  // --name: a name, bounded
  { args: ['--name', ''], says: ['--name', 'needs a name'] },
  { args: ['--name', '   '], says: ['--name', 'needs a name'] },
  { args: ['--name', 'é'.repeat(101)], says: ['--name', '101', 'at most 100'] },
  // unknown flags, stray words, a flag missing its value
  { args: ['--bogus'], says: ['--bogus', '--help'] },
  { args: ['-z'], says: ['-z', '--help'] },
  { args: ['listen'], says: ['"listen"', 'send'] },
  { args: ['-b'], says: ['--buffer'] },
  { args: ['-l'], says: ['--listen'] },
  { args: ['--headless=yes'], says: ['--headless'] },
  // the send command
  { args: ['send'], says: ['send', '[HOST:]PORT'] },
  { args: ['send', '127.0.0.1:99999'], says: ['99999', PORT_RANGE] },
  { args: ['send', 'abc'], says: ['"abc"', PORT_RANGE] },
  { args: ['send', '127.0.0.1:9', 'a', 'b'], says: ['one message', 'quote'] },
  { args: ['send', '127.0.0.1:9', 'bad \\xZZ'], says: ['\\xZZ', 'not hex'] },
  { args: ['send', '127.0.0.1:9', 'trailing \\'], says: ['trailing', '\\\\'] },
  { args: ['send', '127.0.0.1:9', '\\x4'], says: ['\\x4', 'two hex digits'] },
];

/** One spawned run per kind of flag: the path from a parse error to exit 2 is shared. */
const SPAWNED = [
  ['-l', 'abc'],
  ['-l', '999999999999'],
  ['-b', '0'],
  ['--max-connections', 'many'],
  ['--log', ''],
  ['--log', '/nonexistent-dir/x/socklab.ndjson'],
  ['--name', ''],
  ['--bogus'],
  ['-b'],
  ['send', 'abc'],
  ['send', '127.0.0.1:9', 'bad \\xZZ'],
];

function problemsOf(c: Case, line: string | undefined): string[] {
  const problems: string[] = [];
  for (const s of c.says) {
    const ok = typeof s === 'string' ? line?.includes(s) : s.test(line ?? '');
    if (!ok) problems.push(`does not say ${s}`);
  }
  return problems;
}

describe('bad CLI values', () => {
  it(`all ${CASES.length} bad values: one message naming the value and the valid range`, () => {
    const failures: string[] = [];
    const seen: string[] = [];
    for (const c of CASES) {
      const p = parseCommandLine(c.args);
      // --log's path is checked by opening it, before any socket (cli.tsx: openLog).
      const run = p.ok && p.value.command === 'run' ? p.value : null;
      const error = !p.ok ? p.error : run ? openLog(run.log).error : undefined;
      if (error === undefined) {
        failures.push(`${JSON.stringify(c.args)}: accepted`);
        continue;
      }
      seen.push(`${JSON.stringify(c.args).padEnd(46)} → socklab: ${error}`);
      if (error.includes('\n')) failures.push(`${JSON.stringify(c.args)}: more than one line`);
      const problems = problemsOf(c, error);
      if (problems.length)
        failures.push(`${JSON.stringify(c.args)}: ${problems.join('; ')}: ${error}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    console.log(seen.join('\n'));
  });

  it(`${SPAWNED.length} of them run for real: exit 2, one stderr line, empty stdout, no stack`, async () => {
    const results = await Promise.all(
      SPAWNED.map(async (args) => ({ args, r: await runCli(args) })),
    );
    const failures: string[] = [];
    for (const { args, r } of results) {
      const c = CASES.find((x) => JSON.stringify(x.args) === JSON.stringify(args)) as Case;
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      const problems = problemsOf(c, lines[0]);
      if (r.code !== 2) problems.push(`exit ${r.code} (signal ${r.signal})`);
      if (lines.length !== 1) problems.push(`${lines.length} stderr lines`);
      if (!lines[0]?.startsWith('socklab: ')) problems.push('not prefixed "socklab: "');
      if (r.stdout !== '') problems.push(`stdout not empty: ${JSON.stringify(r.stdout)}`);
      if (/\n\s+at |Error:|node:internal/.test(r.stderr + r.stdout)) problems.push('stack trace');
      if (problems.length) {
        failures.push(
          `socklab ${JSON.stringify(args)}: ${problems.join('; ')}\n   ${r.stderr.trim()}`,
        );
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('the parser accepts the edge values that are valid', () => {
    const ok = (args: string[]) => {
      const p = parseCommandLine(args);
      expect(p.ok, JSON.stringify(p)).toBe(true);
      return p.ok && p.value.command === 'run' ? p.value : null;
    };
    expect(ok(['-l', '0'])?.listen).toEqual([{ host: '127.0.0.1', port: 0 }]);
    expect(ok(['-l', '65535'])?.listen[0].port).toBe(65535);
    expect(ok(['-l', '[::1]:0'])?.listen[0]).toEqual({ host: '::1', port: 0 });
    expect(ok(['-b', '1'])?.buffer).toBe(1);
    expect(ok(['-b', '65536'])?.buffer).toBe(65536);
    expect(ok(['--max-connections', '1'])?.maxConnections).toBe(1);
    expect(ok(['--name', ' Ana Souza '])?.name).toBe('Ana Souza');
    expect(ok(['--name', 'é'.repeat(100)])?.name).toBe('é'.repeat(100));
    expect(ok([])?.name).toBeNull();
  });

  it('--half-open is off unless given; --help names it', () => {
    const run = (args: string[]) => {
      const p = parseCommandLine(args);
      return p.ok && p.value.command === 'run' ? p.value : null;
    };
    expect(run([])?.halfOpen).toBe(false);
    expect(run(['-l', '0', '--half-open'])?.halfOpen).toBe(true);
    expect(helpText('0')).toMatch(/^ {6}--half-open +the -l listeners keep a connection open/m);
  });
});
