// The guided labs one after another in ONE dashboard, as a class does them: `socklab -l
// 127.0.0.1:0`, then for each lab `l`, open it, `g`, `a`. Each lab's `g` must show the result its
// answer describes whatever the labs before it left behind: in list order, in reverse order,
// and 3c twice in a row.
import { describe, expect, it } from 'vitest';
import {
  type ClientRow,
  type ConnRow,
  clientRows,
  connectionRows,
  disposeAfterEach,
  LAB_IDS,
  type LabRun,
  type ListenerRow,
  listenerRows,
  openFromList,
  startLabs,
} from './labApp.js';

const track = disposeAfterEach();

const COLS = 200;
const ROWS = 60;
/** Nine labs, three passes, up to 15 s per wait on a loaded machine. */
const SEQUENCE_TIMEOUT = 300_000;

const TITLES: Record<(typeof LAB_IDS)[number], string> = {
  '1': '1 · Ephemeral ports',
  '2a': '2a · Two servers on one port',
  '2b': '2b · A port below 1024',
  '3': '3 · Each read and its byte count',
  '3a': '3a · Two clients, one-at-a-time server',
  '3b': '3b · The first client closes',
  '3c': '3c · A 5-byte buffer',
  '3d': '3d · TCP vs UDP at a 5-byte buffer',
  '4': '4 · A server that stops reading',
};
const LIST = LAB_IDS.map((id) => TITLES[id]);

/** What is on screen, parsed: the listeners, the selected one's connections, the clients. */
interface Seen {
  screen: string;
  listeners: ListenerRow[];
  selected: ListenerRow | undefined;
  conns: ConnRow[];
  clients: ClientRow[];
  reads: string[];
  status: string;
}

function seen(r: LabRun, screen: string): Seen {
  const listeners = listenerRows(r.pane('listeners', screen));
  return {
    screen,
    listeners,
    selected: listeners.find((l) => l.selected),
    conns: connectionRows(r.pane('connections', screen)),
    clients: clientRows(r.pane('client', screen)),
    reads: r.pane('labReads', screen),
    status: r.status(screen),
  };
}

/** The highest listener id on screen: a lab that opens its own listener opens a higher one. */
const newestListener = (s: Seen) => Math.max(0, ...s.listeners.map((l) => l.id));

/** Each lab's result as its answer describes it; `before` is the screen before its `g`. */
const RESULT: Record<(typeof LAB_IDS)[number], (s: Seen, before: Seen) => boolean> = {
  // Three clients of lab 1 on lab 1's own listener, all served (each accept() returns its peer,
  // even after 3a left sequential mode on): each one's local port is the peer port of its
  // connection.
  '1': (s, before) => {
    const l = s.selected;
    if (l?.lab !== '1' || l.state !== 'listening' || l.id <= newestListener(before)) {
      return false;
    }
    const mine = s.conns.filter((c) => c.lab === '1' && c.local === l.port);
    const clients = s.clients.filter((c) => c.lab === '1' && c.state === 'open');
    return (
      mine.length === 3 &&
      mine.every((c) => c.state === 'open') &&
      clients.length >= 3 &&
      mine.every((c) => clients.some((k) => k.id === c.client && k.local === c.peer))
    );
  },
  // Lab 2a's own listener listens; its second listener on the same port fails EADDRINUSE.
  '2a': (s, before) => {
    const mine = s.listeners.filter((l) => l.lab === '2a' && l.id > newestListener(before));
    return (
      mine.length === 2 &&
      mine[0].state === 'listening' &&
      mine[1].state === 'failed' &&
      mine[1].port === mine[0].port &&
      mine[1].rest.startsWith(' EADDRINUSE')
    );
  },
  // Port 700: bound (root, or allowed) or refused, but the lab's own attempt, not left over.
  '2b': (s, before) => {
    const l = s.listeners.find((x) => x.lab === '2b' && x.id > newestListener(before));
    return l?.port === 700 && (l.state === 'listening' || l.state === 'failed');
  },
  // Lab 3's client's 28 B in one read of ≤ 1,024 on lab 3's listener.
  '3': (s, before) =>
    s.selected?.lab === '3' &&
    s.selected.id > newestListener(before) &&
    s.conns.some((c) => c.lab === '3' && c.bytesIn === 28 && c.reads === '1 read') &&
    s.reads.some((x) => x.endsWith('28 B in 1 read')),
  // Lab 3a's first client served (its 28 B in one read of ≤ 1,024, even after 3c's 5 B), the
  // second queued #1 with nothing read.
  '3a': (s, before) => {
    if (s.selected?.lab !== '3a' || s.selected.id <= newestListener(before)) return false;
    const mine = s.conns.filter((c) => c.lab === '3a');
    return (
      mine.length === 2 &&
      mine[0].state === 'open' &&
      mine[0].bytesIn === 28 &&
      mine[0].reads === '1 read' &&
      mine[1].state === 'queued #1' &&
      mine[1].bytesIn === 0 &&
      (mine[0].client ?? 0) < (mine[1].client ?? 0)
    );
  },
  // 3a's first client closed: its connection closed, the second served and its 28 B read in
  // one read of ≤ 1,024 (even after 3c's 5 B).
  '3b': (s) => {
    if (s.selected?.lab !== '3a') return false;
    const mine = s.conns.filter((c) => c.lab === '3a');
    const first = s.clients.find((c) => c.id === mine[0]?.client);
    const second = s.clients.find((c) => c.id === mine[1]?.client);
    return (
      mine.length === 2 &&
      mine[0].state === 'closed' &&
      first?.state === 'closed' &&
      mine[1].state === 'open' &&
      mine[1].bytesIn === 28 &&
      mine[1].reads === '1 read' &&
      second?.state === 'open' &&
      s.reads.some((x) => x.endsWith(`#${mine[1].id}  28 B in 1 read`))
    );
  },
  // Lab 3c's client's 28 B in reads of 5: 5 5 5 5 5 3, on a listener newer than any before.
  '3c': (s, before) => {
    if (s.selected?.lab !== '3c' || s.selected.id <= newestListener(before)) return false;
    const mine = s.conns.filter((c) => c.lab === '3c');
    return (
      mine.length === 1 &&
      mine[0].bytesIn === 28 &&
      mine[0].reads === '6 reads' &&
      s.reads.some((x) => x.endsWith(`#${mine[0].id}  28 B in 6 reads: 5 5 5 5 5 3`))
    );
  },
  // Lab 3d's own listener read the message in reads of 5, and the lab panel sets it beside
  // its own UDP socket's one datagram of 28 B (the UDP rows may be scrolled off the listeners).
  '3d': (s, before) => {
    const l = s.selected;
    if (l?.lab !== '3d' || l.id <= newestListener(before)) return false;
    const rows = s.screen.split('\n');
    return (
      s.conns.some((c) => c.lab === '3d' && c.bytesIn === 28 && c.reads === '6 reads') &&
      rows.some((x) =>
        new RegExp(`TCP listener #${l.id} · recv\\(5\\) +│ UDP udp #\\d+`).test(x),
      ) &&
      rows.some((x) => /28 B in 6 reads: 5 5 5 5 5 3 +│ 1 datagram of 28 B/.test(x)) &&
      rows.some((x) => /5 B " envi" +│ lost 23 B \(discarded\)/.test(x))
    );
  },
  // Lab 4's accepted connection not read (paused), its client blocked by the closed window.
  '4': (s, before) =>
    s.selected?.lab === '4' &&
    s.selected.id > newestListener(before) &&
    s.screen
      .split('\n')
      .some((l) => / → :\d+ open · (?:Recv-Q \d+ · )?reading paused · /.test(l)) &&
    s.screen.split('\n').some((l) => /lab 4 · local port \d+ open, blocked/.test(l)),
};

/** A rerun first closes what the lab's last run left open, and says so. */
const REL = (lab: string) => `(?:closed lab ${lab}’s last run \\((?:1 socket|\\d+ sockets)\\); )?`;

/** A lab that sets aside a global setting an earlier lab left says so. */
const CONCURRENT = 'concurrent mode on \\(for every listener\\); ';
const BUFFER = 'buffer set to 1,024 B \\(for every listener\\); ';

/** What the status row says once the lab's result is on screen. */
const STATUS: Record<(typeof LAB_IDS)[number], (s: Seen) => RegExp> = {
  '1': (s) =>
    new RegExp(
      `^ran lab 1: ${REL('1')}(?:${CONCURRENT}|own listener #${s.selected?.id} 127\\.0\\.0\\.1:${s.selected?.port}; )clients #\\d+, #\\d+, #\\d+ from local ports \\d+, \\d+, \\d+: the peer ports in the connections pane$`,
    ),
  '2a': () =>
    new RegExp(
      `^ran lab 2a: ${REL('2a')}listener #\\d+ on 127\\.0\\.0\\.1:\\d+ failed with EADDRINUSE, as expected: lab 2a’s listener #\\d+ already listens there$`,
    ),
  '2b': () =>
    new RegExp(
      `^ran lab 2b: ${REL('2b')}listener #\\d+ on 127\\.0\\.0\\.1:700 (bound: |failed with E[A-Z]+)`,
    ),
  '3': () =>
    new RegExp(
      `^ran lab 3: ${REL('3')}buffer set to 1,024 B \\(for every listener\\); client #\\d+ sent 28 B, read as 28 B in 1 read$`,
    ),
  '3a': () =>
    new RegExp(
      `^ran lab 3a: ${REL('3a')}sequential mode on(?:, buffer set to 1,024 B)? \\(for every listener\\); lab 3a client #\\d+ served, client #\\d+ queued #1$`,
    ),
  '3b': () =>
    new RegExp(
      `^ran lab 3b: ${REL('3a')}(?:ran lab 3a’s steps first; )?(?:${BUFFER})?closed lab 3a client #\\d+; client #\\d+ is served: 28 B read$`,
    ),
  '3c': () =>
    new RegExp(
      `^ran lab 3c: ${REL('3c')}buffer set to 5 B \\(for every listener\\); client #\\d+ sent 28 B, read as 28 B in 6 reads: 5 5 5 5 5 3$`,
    ),
  '3d': () =>
    new RegExp(
      `^ran lab 3d: ${REL('3d')}buffer set to 5 B \\(for every listener\\); TCP: 28 B in 6 reads · UDP: 1 datagram of 28 B, 5 B kept, 23 B lost$`,
    ),
  '4': () =>
    new RegExp(
      `^ran lab 4: ${REL('4')}(?:buffer set to 65,536 B \\(for every listener\\); )?conn #(\\d+) paused; client #\\d+ blocked at [\\d.]+ MiB of 10\\.0 MiB, [\\d.]+ [KM]iB held · p on #\\1 resumes$`,
    ),
};

/** `l`, open lab `id`, `g`: wait for its result and status; `a`: wait for its answer. */
async function runLab(r: LabRun, id: (typeof LAB_IDS)[number]): Promise<Seen> {
  let screen = await openFromList(r, TITLES[id], LIST);
  const before = seen(r, screen);
  screen = await r.press('g', (x) => {
    const s = seen(r, x);
    return RESULT[id](s, before) && STATUS[id](s).test(s.status);
  });
  const after = seen(r, screen);
  screen = await r.press('a', (x) => r.pane('lab', x).some((row) => row.startsWith('Answer:')));
  return after;
}

describe('the guided labs one after another in one dashboard', () => {
  it(
    'list order, then reverse order, then 3c twice: each lab shows its own result',
    async () => {
      const r = track(await startLabs({ cols: COLS, rows: ROWS }));
      const results: Seen[] = [];
      for (const id of LAB_IDS) results.push(await runLab(r, id));
      // 3a in list order: the lab's two clients on its own listener, not behind labs 1 and 3's.
      const a = results[4];
      expect(a.conns.filter((c) => c.lab === '3a').map((c) => c.state)).toEqual([
        'open',
        'queued #1',
      ]);
      // 3b acted on 3a's clients: the same listener, its queue moved.
      expect(results[5].selected?.id).toBe(a.selected?.id);
      // 3c: 5-byte reads of the lab's message.
      const c = results[6];
      const conn = c.conns.find((x) => x.lab === '3c') as ConnRow;
      const burst = c.reads.findIndex((x) => x.includes(`#${conn.id}  28 B in 6 reads`));
      expect(c.reads.slice(burst + 1, burst + 7)).toEqual(
        ['Estou', ' envi', 'ando ', 'uma m', 'ensag']
          .map((p) => `  ←     5 B  "${p}"`)
          .concat(['  ←     3 B  "em!"']),
      );
      expect(c.reads.slice(burst + 1, burst + 7).join('')).toContain('"em!"');

      // The command line's listener #1 was never touched by a lab.
      expect(c.listeners.find((l) => l.id === 1)).toMatchObject({
        lab: null,
        state: 'listening',
        port: r.port,
        rest: ' 0 open · 0 queued · 0 total · 0 B in',
      });

      // Reverse order: 3b right after 3c (buffer 5 B), lab 1 after 3a (sequential mode on).
      const back: Partial<Record<(typeof LAB_IDS)[number], Seen>> = {};
      for (const id of [...LAB_IDS].reverse()) back[id] = await runLab(r, id);
      expect(results[0].status).not.toContain('concurrent mode on');
      expect(back['1']?.status).toContain('; concurrent mode on (for every listener); ');
      expect(back['1']?.conns.filter((c) => c.lab === '1').map((c) => c.state)).toEqual([
        'open',
        'open',
        'open',
      ]);
      expect(back['3b']?.status).toContain('; buffer set to 1,024 B (for every listener); ');
      await runLab(r, '3c');
      await runLab(r, '3c');
    },
    SEQUENCE_TIMEOUT,
  );
});
