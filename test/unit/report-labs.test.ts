// Issue 11 item 3: the report's labs section lists the labs that were run, each with what
// this session's sockets showed (ports, reads, errors and their explanations) and the
// built-in answer only where it was revealed; no placeholder dashes. The labs' own `run`
// performs the steps on real loopback sockets here.
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/i18n.js';
import { findLab } from '../../src/labs/guidedLabs.js';
import { buildReport } from '../../src/report/buildReport.js';
import { withResults } from '../../src/report/labResults.js';
import { type LabDone, labRan } from '../../src/report/labRuns.js';
import type { Snapshot } from '../../src/state/types.js';
import { LAB_MESSAGE, makeEngine, rawClient, type TestEngine } from '../helpers/lab.js';

let t: TestEngine | null = null;
afterEach(async () => {
  setLang('en');
  await t?.close();
  t = null;
});

/** The lines of the `## Labs done` section, blank lines left out. */
function labsLines(md: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf('## Labs done');
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end).filter((l) => l !== '');
}

const report = (snap: Snapshot, labs: LabDone[], name?: string) =>
  buildReport({
    snap,
    version: '1',
    labs,
    name,
    screen: '',
    run: { snap, listener: snap.listeners[0] ?? null },
  });

/** Press `g` on lab `id`: run the lab's steps and note the run, as the dashboard does. */
function pressG(done: LabDone[], id: string, tl: TestEngine): LabDone[] {
  const snap = tl.snap();
  const lab = findLab(id);
  if (!lab) throw new Error(`no lab ${id}`);
  return labRan(
    done,
    id,
    lab.run({ engine: tl.engine, snap, listener: snap.listeners[0] ?? null }),
  );
}

/** Each run's result as the dashboard keeps it when it comes on screen (useLabResults). */
const shown = (done: readonly LabDone[], tl: TestEngine) => [...withResults(done, tl.snap())];

describe('the labs section', () => {
  it('leaves out a lab opened but never run', async () => {
    t = makeEngine();
    await t.listenAndWait();
    const lines = labsLines(report(t.snap(), [{ id: '1', answered: true }]));
    expect(lines).toEqual(['No guided lab was run.']);
  });

  it('3c run, answer not shown: what the sockets showed, no answer', async () => {
    t = makeEngine();
    await t.listenAndWait();
    const done = pressG([{ id: '3c', answered: false }], '3c', t);
    const server = await t.until((s) =>
      s.connections.find((c) => c.kind === 'accepted' && c.reads === 6),
    );
    const client = t.conn(server.linkedId as number);
    const port = client.peer.port;
    const all = labsLines(report(t.snap(), shown(done, t)));
    // A listener the lab opened for itself, if it did, listens.
    const listeners = all.filter((l) => l.startsWith('  - listener '));
    for (const l of listeners)
      expect(l).toMatch(/^ {2}- listener #\d+ 127\.0\.0\.1:\d+: listening$/);
    const lines = all.filter((l) => !listeners.includes(l));
    expect(lines).toEqual([
      '### 3c · A 5-byte buffer',
      '**Question** How is the content received with a small buffer (e.g. 5)?',
      '**Observed in this run of socklab**',
      expect.stringMatching(
        /^- `g` at \d\d:\d\d:\d\d\.\d{3} — ran lab 3c: buffer set to 5 B \(for every listener\); .*28 B in 6 reads: 5 5 5 5 5 3$/,
      ),
      `  - client #${client.id}: local port ${client.local.port} → 127.0.0.1:${port}, open`,
      `  - server side #${server.id} of client #${client.id}: peer port ${client.local.port}, open`,
      expect.stringMatching(
        new RegExp(`^ {4}- [\\d:.]+ 28 B in 6 reads: 5 5 5 5 5 3 — \`${LAB_MESSAGE}\`$`),
      ),
    ]);
    expect(lines.join('\n')).not.toContain('**Answer**');
  });

  it('2a run and answered: the second listener’s EADDRINUSE with its explanation, then the answer', async () => {
    t = makeEngine();
    await t.listenAndWait();
    let done = pressG([{ id: '2a', answered: false }], '2a', t);
    const failed = await t.until((s) => s.listeners.find((l) => l.state === 'failed'));
    const port = failed.port;
    done = shown(done, t).map((d) => ({ ...d, answered: true }));
    const lines = labsLines(report(t.snap(), done));
    expect(lines[3]).toMatch(/^- `g` at [\d:.]+ — ran lab 2a: .*EADDRINUSE/);
    const answer = lines.findIndex((l) => l.startsWith('**Answer**'));
    // The kernel's view names the holder: the lab's first listener.
    expect(lines.slice(4, answer)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^  - listener #${failed.id} 127\\.0\\.0\\.1:${port}: failed EADDRINUSE — 127\\.0\\.0\\.1:${port} is held by this socklab, listener #\\d+, LISTEN — close it or choose another port\\.$`,
        ),
      ),
    );
    expect(lines[answer]).toMatch(/^\*\*Answer\*\* The second bind\(\) raises EADDRINUSE/);
    expect(lines[answer + 1]).toMatch(
      /^\*Where the common answer goes wrong:\* “The last server closes”/,
    );
  });

  it('lab 3 answered: no placeholder where there is no common wrong answer', async () => {
    t = makeEngine();
    await t.listenAndWait();
    const done = pressG([{ id: '3', answered: true }], '3', t);
    await t.until((s) => s.connections.find((c) => c.kind === 'accepted' && c.bytesIn === 28));
    const md = report(t.snap(), done);
    expect(labsLines(md)).toContainEqual(
      '**Answer** 28 bytes in one read of 28: the whole message fits in the buffer.',
    );
    expect(md).not.toMatch(/: —$/m);
    expect(md).not.toContain('Where the common answer goes wrong');
  });

  it('two labs run one after the other: each shows what it opened, in the order run', async () => {
    t = makeEngine();
    await t.listenAndWait();
    let done: LabDone[] = [];
    done = pressG(done, '3', t);
    await t.until((s) => s.connections.find((c) => c.kind === 'accepted' && c.bytesIn === 28));
    done = pressG(done, '3c', t);
    await t.until((s) => s.connections.find((c) => c.kind === 'accepted' && c.reads === 6));
    const lines = labsLines(report(t.snap(), done));
    const at = (title: string) => lines.indexOf(title);
    expect(at('### 3 · Each read and its byte count')).toBe(0);
    const three = lines.slice(0, at('### 3c · A 5-byte buffer'));
    const threeC = lines.slice(at('### 3c · A 5-byte buffer'));
    expect(three.filter((l) => l.includes('28 B in 1 read'))).toHaveLength(1);
    expect(three.join('\n')).not.toContain('6 reads');
    expect(threeC.filter((l) => l.includes('28 B in 6 reads: 5 5 5 5 5 3'))).toHaveLength(1);
    expect(threeC.join('\n')).not.toContain('1 read ');
  });

  it('3b after 3a: the served client closing and the queued one let in, with its bytes', async () => {
    t = makeEngine();
    await t.listenAndWait();
    let done: LabDone[] = [];
    done = pressG(done, '3a', t);
    const queued = await t.until((s) => s.connections.find((c) => c.state === 'queued'));
    done = pressG(done, '3b', t);
    await t.until((s) => s.connections.find((c) => c.id === queued.id && c.bytesIn === 28));
    const lines = labsLines(report(t.snap(), done));
    const threeB = lines.slice(lines.indexOf('### 3b · The first client closes'));
    expect(
      threeB.filter((l) => /^ {2}- client #\d+: local port \d+ → .*, closed$/.test(l)),
    ).toHaveLength(1);
    const served = threeB.findIndex((l) => l.startsWith(`  - server side #${queued.id} `));
    expect(threeB[served]).toMatch(/, open$/);
    expect(threeB[served + 1]).toMatch(/^ {4}- [\d:.]+ 28 B in 1 read/);
  });

  it('3a then 3b: each run as it was when its result was on screen, not as the report finds it', async () => {
    t = makeEngine();
    await t.listenAndWait();
    let done: LabDone[] = [];
    done = pressG(done, '3a', t);
    const queued = await t.until((s) => s.connections.find((c) => c.state === 'queued'));
    const client = t.conn(queued.linkedId as number);
    done = shown(done, t);
    done = pressG(done, '3b', t);
    await t.until((s) => s.connections.find((c) => c.id === queued.id && c.bytesIn === 28));
    done = shown(done, t);
    const lines = labsLines(report(t.snap(), done));
    const b = lines.indexOf('### 3b · The first client closes');
    const threeA = lines.slice(0, b);
    const threeB = lines.slice(b);
    expect(threeA[3]).toMatch(/^- `g` at [\d:.]+ — ran lab 3a: .* queued #1$/);
    const side = threeA.findIndex((l) => l.startsWith(`  - server side #${queued.id} `));
    expect(threeA[side]).toBe(
      `  - server side #${queued.id} of client #${client.id}: peer port ${client.local.port}, queued #1`,
    );
    expect(threeA[side + 1] ?? '').not.toMatch(/^ {4}- /);
    expect(threeA.join('\n')).not.toContain('closed');
    expect(threeB[3]).toMatch(/^- `g` at [\d:.]+ — ran lab 3b: .*28 B read$/);
    expect(threeB.filter((l) => / {2}- client #\d+: .*, closed$/.test(l))).toHaveLength(1);
    const served = threeB.findIndex((l) => l.startsWith(`  - server side #${queued.id} `));
    expect(threeB[served]).toMatch(/, open$/);
    expect(threeB[served + 1]).toMatch(/^ {4}- [\d:.]+ 28 B in 1 read/);
  });

  it('a run with no result yet: its sockets as of the report, said so, in both languages', async () => {
    t = makeEngine();
    await t.listenAndWait();
    const done = pressG([], '3c', t);
    expect(labsLines(report(t.snap(), done))[3]).toMatch(
      /^- `g` at [\d:.]+ — no result yet when the report was written; its sockets as of the report:$/,
    );
    setLang('pt-BR');
    expect(
      labsLines(report(t.snap(), done).replace('## Laboratórios feitos', '## Labs done'))[3],
    ).toMatch(
      /^- `g` às [\d:.]+ — ainda sem resultado quando o relatório foi gravado; seus sockets no momento do relatório:$/,
    );
  });

  it('clients accepted after the result: listed after it, at most 30 lines', async () => {
    t = makeEngine();
    await t.listenAndWait();
    let done = pressG([], '3c', t);
    await t.until((s) => s.connections.find((c) => c.kind === 'accepted' && c.reads === 6));
    done = shown(done, t);
    const own = t.snap().listeners.find((l) => l.owner?.lab === '3c');
    const port = own?.boundPort as number;
    const before = t.snap().connections.length;
    const sockets = [];
    for (let i = 0; i < 35; i++) sockets.push(await rawClient(port));
    try {
      await t.until((s) => s.connections.length >= before + 35);
      const lines = labsLines(report(t.snap(), done));
      const at = lines.indexOf('  - accepted after the result, as of the report:');
      expect(at).toBeGreaterThan(3);
      const later = lines.slice(at + 1).filter((l) => l.startsWith('    - '));
      expect(later).toHaveLength(30);
      expect(later[0]).toMatch(/^ {4}- server side #\d+: peer 127\.0\.0\.1:\d+, open$/);
      expect(later[29]).toBe('    - … and 6 more lines');
    } finally {
      for (const s of sockets) s.destroy();
    }
  });

  it('--name heads the report, as text', async () => {
    t = makeEngine();
    const md = report(t.snap(), [], 'Ana <b>Souza</b> *1*');
    expect(md.split('\n').slice(0, 3)).toEqual([
      '# socklab lab report',
      '',
      '**Student:** Ana &lt;b&gt;Souza&lt;/b&gt; \\*1\\*',
    ]);
    setLang('pt-BR');
    expect(report(t.snap(), [], 'Ana').split('\n')[2]).toBe('**Aluno(a):** Ana');
  });
});
