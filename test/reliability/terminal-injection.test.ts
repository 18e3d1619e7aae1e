// A raw peer sends terminal control sequences (title change, clipboard write, clear screen,
// cursor moves, DA/DSR queries, CR overwrite, BEL), split across reads at every buffer size.
// None may reach the pty raw; the screen stays whole; no stray "key" reaches socklab.
import type net from 'node:net';
import xtermHeadless from '@xterm/headless';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  connectRaw,
  disposeAll,
  eventually,
  listeningPort,
  randInt,
  rng,
  sleep,
  spawnCli,
  startTracked,
  track,
  until,
  writeAll,
} from './helpers.js';

// Generous bounds: the machine's two cores are shared with other suites.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const { Terminal } = xtermHeadless;

/** What a hostile peer sends, and each sequence that must never appear in the pty output. */
const ATTACKS: [string, string][] = [
  ['OSC 0 title', '\x1b]0;pwned\x07'],
  ['OSC 52 clipboard', '\x1b]52;c;aGVsbG8=\x07'],
  ['CSI clear screen', '\x1b[2J'],
  ['CSI cursor home', '\x1b[H'],
  ['CSI cursor move', '\x1b[10;10H'],
  ['DA query', '\x1b[c'],
  ['DSR query', '\x1b[6n'],
  ['CR overwrite', 'SAFE\rEVIL'],
  ['BEL', 'ding\x07dong'],
  ['OSC 8 hyperlink', '\x1b]8;;http://evil.invalid\x1b\\x\x1b]8;;\x1b\\'],
];
const PAYLOAD = Buffer.concat([
  ...ATTACKS.map(([, s]) => Buffer.from(s, 'latin1')),
  // 8-bit C1 forms: CSI (0x9b) and OSC (0x9d) ... ST (0x9c).
  Buffer.from([0x9b, 0x32, 0x4a, 0x9d, 0x30, 0x3b, 0x43, 0x31, 0x9c]),
]);

/**
 * Sequences socklab's own rendering never needs, so any occurrence came from the peer.
 * (Ink writes ESC[2J / ESC[H only to clear a frame as tall as the terminal; socklab's frame
 * is one row shorter, and the size does not change in this test.)
 */
const NEVER_FROM_SOCKLAB = [
  '\x1b[2J',
  '\x1b[H',
  '\x1b]0;',
  '\x1b]52;',
  '\x1b]8;',
  '\x1b[10;10H',
  '\x1b[c',
  '\x1b[6n',
  '\x07',
  'SAFE\rEVIL',
  '\x9b',
  '\x9d',
];

/** Send `bytes` in random pieces (1..max bytes), each its own TCP segment a few ms apart. */
async function sendSplit(
  s: net.Socket,
  bytes: Buffer,
  seed: number,
  max: number,
): Promise<number[]> {
  const r = rng(seed);
  const sizes: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = Math.min(bytes.length - i, randInt(r, 1, max));
    await writeAll(s, bytes.subarray(i, i + n));
    sizes.push(n);
    i += n;
    await sleep(randInt(r, 2, 12));
  }
  return sizes;
}

/** Everything a terminal would answer (DA, DSR, ...) to the given output. */
async function terminalAnswers(output: string, cols: number, rows: number): Promise<string[]> {
  const t = new Terminal({ cols, rows, allowProposedApi: true });
  const answers: string[] = [];
  t.onData((d) => answers.push(d));
  await new Promise<void>((r) => t.write(output, r));
  t.dispose();
  return answers;
}

afterAll(disposeAll);

function checkState(screen: string, lines: string[], buffer: number, rows: number) {
  expect(lines[0]).toMatch(/^socklab \d+\.\d+\.\d+ {2}listen\w* 1 · open/);
  expect(lines[0]).toContain('concurrent'); // `m` never arrived
  expect(lines[1]).toContain(`${buffer.toLocaleString('en-US')} B per read`); // no `-` / `+`
  expect(lines[rows - 2]).toMatch(/Tab next pane/); // footer on its row
  expect(screen).not.toMatch(/new listener \[HOST:\]PORT ›|connect client to|message ›/);
  expect(screen).not.toMatch(/Keys|help/i); // no help overlay (`?`)
  expect(screen).toContain('no clients'); // no `c`
}

describe.concurrent('terminal safety end to end (pty)', () => {
  it.each([1, 5, 1024])(
    'peer sends title/clipboard/CSI/DA/DSR/CR/BEL split at random points, -b %i',
    async (buffer) => {
      const cols = 120;
      const rows = 40;
      const seed = 1000 + buffer;
      const app = startTracked(['-l', '127.0.0.1:0', '-b', String(buffer)], { cols, rows });
      const ready = await app.waitFor(/#1 127\.0\.0\.1:(\d+) listening/);
      const port = Number(/#1 127\.0\.0\.1:(\d+) listening/.exec(ready)?.[1]);
      const before = app.raw().length;
      const peer = track(await connectRaw(port));
      peer.setNoDelay(true);
      const sizes = await sendSplit(peer, PAYLOAD, seed, 9);
      // Every byte counted: the header's total is exact below 1 KiB.
      await app.waitFor(`in ${PAYLOAD.length} B`);
      await sleep(150); // one more frame after the last read
      await app.flush();
      const after = app.raw().slice(before);
      const leaked = NEVER_FROM_SOCKLAB.filter((s) => after.includes(s));
      expect(leaked, `seed ${seed} pieces ${sizes.join(',')}`).toEqual([]);
      // Whatever socklab draws, a terminal would not answer it: no DA/DSR reply to inject.
      const baseline = await terminalAnswers(app.raw().slice(0, before), cols, rows);
      expect(await terminalAnswers(app.raw(), cols, rows)).toEqual(baseline);
      await eventually(async () => {
        await app.flush();
        const screen = app.screen();
        checkState(screen, app.lines(), buffer, rows);
        // The bytes are shown, escaped, in the reads pane (a 32-byte preview per read).
        // Which reads are still on screen depends on the random split: any escaped control will do.
        expect(screen).toMatch(/\\x1b|\\x07|\\r|\\x9b|\\x9d/);
      });

      // Suppose a terminal did answer: DA ("ESC[?1;2c" holds `?` = help and `c` = connect)
      // and DSR ("ESC[12;5R") arrive as input. They are not keys.
      app.write('\x1b[?1;2c');
      await sleep(60);
      app.write('\x1b[12;5R');
      await sleep(60);
      app.write('\x1b[?62;22c\x1b[>0;276;0c');
      await sleep(300);
      await eventually(async () => {
        await app.flush();
        checkState(app.screen(), app.lines(), buffer, rows);
      });
      // With a text box open the answers are not typed into it either.
      app.write('n');
      const filled = `new listener [HOST:]PORT › 127.0.0.1:${port}`;
      await app.waitFor(filled);
      await sleep(100);
      app.write('\x1b[?1;2c');
      await sleep(60);
      app.write('\x1b[12;5R');
      await sleep(250);
      await eventually(async () => {
        await app.flush();
        const line = app.lines().find((l) => l.includes('new listener [HOST:]PORT ›'));
        expect(line?.trimEnd()).toBe(filled); // the prefilled text, nothing typed into it
      });
      app.key('esc');
      // Gone from a whole frame (footer drawn): mid-redraw, the prompt row is briefly blank,
      // and an "m" sent before the Esc is read would arrive as Alt+m.
      await app.waitFor(
        (s) => !s.includes('new listener [HOST:]PORT ›') && /Tab next pane/.test(s),
      );
      // Still alive and listening to real keys: `m` switches mode.
      app.write('m');
      await app.waitFor('SEQUENTIAL');
      peer.destroy();
    },
  );

  it('headless text and NDJSON output carry no control byte from the peer', async () => {
    const text = spawnCli(['--headless', '-l', '127.0.0.1:0', '-b', '7']);
    const json = spawnCli(['--headless', '--json', '-l', '127.0.0.1:0', '-b', '3']);
    const port1 = Number(
      /127\.0\.0\.1:(\d+)/.exec(await text.waitForLine((l) => l.includes('listening')))?.[1],
    );
    const port2 = await listeningPort(json);
    for (const port of [port1, port2]) {
      const s = track(await connectRaw(port));
      s.setNoDelay(true);
      await sendSplit(s, PAYLOAD, port, 6);
      s.end();
    }
    await text.waitForLine((l) => l.includes('closed') && / \d+ B in/.test(l));
    await json.waitForEvent((e) => e.type === 'closed');
    await until(() => text.lines.some((l) => /\bclosed\b/.test(l)));
    const out = text.lines.join('\n');
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    const sum = json
      .events()
      .filter((e) => e.type === 'read')
      .reduce((n, e) => n + (e.bytes as number), 0);
    expect(sum).toBe(PAYLOAD.length);
    for (const e of json.events()) {
      if (e.type === 'read') expect(e.preview as string).toMatch(/^[\x20-\x7e]*$/);
    }
  });
});
