// Without a terminal (stdin /dev/null, stdout a pipe) socklab prints events as lines, and with
// --headless --json as NDJSON; SIGTERM closes everything and exits 0, with nothing on stderr.
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { PythonProcs } from './dashboard.js';
import { cliPath, repoRoot } from './pty.js';

interface Run {
  proc: ChildProcess;
  lines: string[];
  stderr: () => string;
  waitForLine(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const runs: Run[] = [];
const py = new PythonProcs();
afterEach(async () => {
  await py.killAll();
  for (const r of runs.splice(0)) {
    if (r.proc.exitCode === null && r.proc.signalCode === null) r.proc.kill('SIGKILL');
    await r.exited;
  }
});

function run(args: string[]): Run {
  const devNull = openSync('/dev/null', 'r');
  const proc = spawn(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    // English event lines whatever the machine's locale.
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined },
    stdio: [devNull, 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let err = '';
  const waiters = new Set<() => void>();
  proc.stdout?.setEncoding('utf8');
  proc.stdout?.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of [...waiters]) w();
  });
  proc.stderr?.setEncoding('utf8');
  proc.stderr?.on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('close', (code, signal) => {
      if (partial) lines.push(partial);
      resolve({ code, signal });
    }),
  );
  const r: Run = {
    proc,
    lines,
    stderr: () => err,
    exited,
    waitForLine: (re, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          for (const l of lines) {
            const m = l.match(re);
            if (m) {
              done();
              return resolve(m);
            }
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no line ${re} in ${timeoutMs} ms\n${lines.join('\n')}\n${err}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
  };
  runs.push(r);
  return r;
}

it('without a TTY prints readable event lines; SIGTERM → exit 0, empty stderr', async () => {
  const r = run(['--listen', '127.0.0.1:0']);
  const [, port] = await r.waitForLine(/listening +listener 1 on 127\.0\.0\.1:(\d+)/);
  expect(r.lines[0]).toMatch(/^socklab headless: buffer 1,024 B, concurrent mode/);

  // A real connection shows up too: the peer's ephemeral port and the read.
  const cli = py.client(['127.0.0.1', port]);
  expect(await cli.exited).toBe(0);
  const peer = (await cli.waitForLine(/^PORT (\d+)$/))[1];
  await r.waitForLine(
    new RegExp(`accepted .*from 127\\.0\\.0\\.1:${peer} \\(peer's ephemeral port ${peer}\\)`),
  );
  await r.waitForLine(/read +conn \d+ \(server\) 28 B "Estou enviando uma mensagem!"/);

  r.proc.kill('SIGTERM');
  expect(await r.exited).toEqual({ code: 0, signal: null });
  expect(r.stderr()).toBe('');
  expect(r.lines.join('\n')).not.toMatch(/\bat .*\(.*:\d+:\d+\)|Error:/);
  expect(r.lines.join('\n')).not.toContain('\u001b'); // plain lines, no terminal control codes
});

/** A --headless --json run that saw one cliente.py connection, stopped by SIGTERM. */
async function jsonRun(): Promise<{ records: Record<string, unknown>[]; port: number }> {
  const r = run(['--headless', '--json', '--listen', '127.0.0.1:0']);
  await r.waitForLine(/"type":"listening"/);
  const port = (
    JSON.parse(r.lines.find((l) => l.includes('"listening"')) as string) as {
      port: number;
    }
  ).port;
  const cli = py.client(['127.0.0.1', String(port)]);
  expect(await cli.exited).toBe(0);
  await r.waitForLine(/"type":"closed"/);

  r.proc.kill('SIGTERM');
  expect(await r.exited).toEqual({ code: 0, signal: null });
  expect(r.stderr()).toBe('');
  expect(r.lines.length).toBeGreaterThanOrEqual(4);
  return { records: r.lines.map((l) => JSON.parse(l) as Record<string, unknown>), port };
}

it('--headless --json prints one JSON object per line with type and ISO time', async () => {
  const { records, port } = await jsonRun();
  for (const rec of records) {
    expect(typeof rec.type).toBe('string');
    expect(typeof rec.time).toBe('string');
    expect(new Date(rec.time as string).toISOString()).toBe(rec.time);
  }
  for (const rec of records.filter((x) => x.type !== 'read')) {
    expect(typeof rec.seq).toBe('number');
  }
  const types = records.map((x) => x.type);
  expect(types).toEqual(expect.arrayContaining(['listening', 'accepted', 'read', 'closed']));
  expect(records.find((x) => x.type === 'listening')).toMatchObject({
    listener: 1,
    address: '127.0.0.1',
    port,
  });
  const read = records.find((x) => x.type === 'read');
  expect(read).toMatchObject({
    side: 'server',
    bytes: 28,
    preview: 'Estou enviando uma mensagem!',
  });
});

it('--headless --json: reads share one increasing seq with the events', async () => {
  const { records } = await jsonRun();
  const reads = records.filter((x) => x.type === 'read');
  expect(reads.length).toBeGreaterThan(0);
  for (const rec of reads) expect(typeof rec.seq).toBe('number');
  const seqs = records.map((x) => x.seq as number);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
});

/** A port held by this test's own listener on 127.0.0.1, closed when the test ends. */
async function heldPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  held.push(server);
  return (server.address() as net.AddressInfo).port;
}
const held: net.Server[] = [];
afterEach(async () => {
  for (const s of held.splice(0)) await new Promise((r) => s.close(r));
});

it('--lang pt-BR: the lines and the explanations are Portuguese, every word of them', async () => {
  const port = await heldPort();
  const r = run(['--headless', '--lang', 'pt-BR', '--listen', `127.0.0.1:${port}`]);
  const [line] = await r.waitForLine(/^.*bind-error.*$/);
  expect(r.lines[0]).toMatch(
    /^socklab headless: buffer 1\.024 B, modo concorrente\. Ctrl\+C para parar\.$/,
  );
  expect(line).toMatch(
    new RegExp(
      `bind-error +servidor 1 127\\.0\\.0\\.1:${port} EADDRINUSE \\(listen\\): 127\\.0\\.0\\.1:${port} está ocupado por node \\(pid ${process.pid}: .*\\), LISTEN — feche-o ou escolha outra porta\\.$`,
    ),
  );
  for (const l of r.lines) expect(l).not.toMatch(/\b(listener|concurrent|Another socket)\b/);
  // Not the exit status: with no socket open, a SIGTERM sometimes ends the process by the
  // signal after its 'exit' event (also on main; reported to the lead).
  r.proc.kill('SIGTERM');
  await r.exited;

  // NDJSON keeps its field names and codes; the explanation is in the user's language.
  const j = run(['--headless', '--json', '--lang', 'pt-BR', '--listen', `127.0.0.1:${port}`]);
  const [json] = await j.waitForLine(/^.*"type":"bind-error".*$/);
  expect(JSON.parse(json)).toMatchObject({
    type: 'bind-error',
    listener: 1,
    code: 'EADDRINUSE',
    syscall: 'listen',
    address: '127.0.0.1',
    port,
    explanation: expect.stringMatching(/^127\.0\.0\.1:\d+ está ocupado por node \(pid \d+: /),
  });
  j.proc.kill('SIGTERM');
  await j.exited;
});

it('when every socket it was asked for failed, it says nothing is left to serve and exits 1', async () => {
  const port = await heldPort();
  const r = run(['--headless', '--listen', `127.0.0.1:${port}`]);
  await r.waitForLine(/bind-error/);
  const end = await r.exited;
  expect(end).toEqual({ code: 1, signal: null });
  expect(r.stderr()).toMatch(
    /^socklab: nothing left to serve: every socket it was asked for failed/m,
  );
});
