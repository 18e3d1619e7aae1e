// The status row describes the present: what a key started is followed to where it stands
// now (a listener that failed says so, a client that connected says from which port), and
// a guided lab's "ran" line never claims a success its own sockets do not show.
import { describe, expect, it } from 'vitest';
import { KEYS } from '../pty.js';
import {
  clientRows,
  disposeAfterEach,
  LAB_IDS,
  LAB_TITLES,
  listenerRows,
  openFromList,
  startLabs,
} from './labApp.js';

const track = disposeAfterEach();

describe('status lines describe the present', () => {
  it('n, Enter on a taken port: "starting" becomes "failed with EADDRINUSE"; c: "connecting" becomes "connected"', async () => {
    const r = track(await startLabs({ cols: 160, rows: 44 }));
    const { port } = r;

    // n, Enter: listener #2 on listener #1's port fails. The status follows it.
    await r.press('n', (s) => s.includes(`new listener [HOST:]PORT › 127.0.0.1:${port}`));
    let screen = await r.press(KEYS.enter, (s) =>
      listenerRows(r.pane('listeners', s)).some((l) => l.id === 2 && l.state === 'failed'),
    );
    // (The status row is the prompt's until it closes: wait for the listener's line.)
    screen = await r.app.waitFor(
      (s) => r.status(s).startsWith('listener #2 ') && !r.status(s).includes('starting'),
    );
    expect(r.status(screen)).toBe(
      `listener #2 on 127.0.0.1:${port} failed with EADDRINUSE (see the errors pane)`,
    );

    // c: client #1 connects to the selected listener (#1: the failed one is never selected).
    screen = await r.press('c', (s) =>
      clientRows(r.pane('client', s)).some((c) => c.id === 1 && c.state === 'open'),
    );
    screen = await r.app.waitFor(
      (s) => r.status(s).startsWith('client #1 ') && !r.status(s).includes('connecting'),
    );
    const client = clientRows(r.pane('client', screen)).find((c) => c.id === 1);
    expect(r.status(screen)).toBe(
      `client #1 connected to 127.0.0.1:${port} from local port ${client?.local}`,
    );
  }, 60_000);

  it('lab 2a: while binding it says so; once failed, "failed with EADDRINUSE, as expected", never "started"', async () => {
    const r = track(await startLabs({ cols: 200, rows: 60 }));
    await openFromList(r, LAB_TITLES[LAB_IDS.indexOf('2a')], LAB_TITLES);
    const seenStatus: string[] = [];
    const screen = await r.press('g', (s) => {
      seenStatus.push(r.status(s));
      return listenerRows(r.pane('listeners', s)).some(
        (l) => l.lab === '2a' && l.state === 'failed',
      );
    });
    const [first, second] = listenerRows(r.pane('listeners', screen)).filter((l) => l.lab === '2a');
    const done = await r.app.waitFor((s) => r.status(s).startsWith('ran lab 2a'));
    expect(r.status(done)).toBe(
      `ran lab 2a: listener #${second.id} on 127.0.0.1:${first.port} failed with EADDRINUSE, as expected: lab 2a’s listener #${first.id} already listens there`,
    );
    // Before the second bind had failed, no line claimed it had started.
    for (const s of seenStatus) expect(s).not.toMatch(/started|listening on/);
  }, 60_000);
});
