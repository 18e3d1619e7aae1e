// Issue 13 item 7, end to end: bidi controls and invisible characters typed in `-l` and in the
// `t` prompt reach no terminal raw: not in the dashboard (errors pane heading, listener row,
// status row, prompt) and not in headless lines. A real pty and xterm; the raw bytes checked.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { disposeAll, spawnCli, startTracked } from './helpers.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });
afterAll(disposeAll);

// RLO, LRI, PDI, ZWSP, RLM, LINE SEPARATOR: reorder or hide text.
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2028\u2029]/;
const HOST = 'evil\u202elanigiro\u2066x\u2069';
const SHOWN = 'evil\\u202elanigiro\\u2066x\\u2069';

describe('bidi and zero-width characters are shown escaped, never raw', () => {
  it('dashboard: -l host in the listener row and errors pane, an `n` address in the prompt and status row', async () => {
    const app = startTracked(['-l', '127.0.0.1:0', '-l', `${HOST}:0`], { cols: 120, rows: 40 });
    // The host fails to resolve (EINVAL): its row and its errors-pane heading name it.
    const screen = await app.waitFor((s) => s.includes(`#2 ${SHOWN}:0 failed`) && /EINVAL/.test(s));
    console.log(
      screen
        .split('\n')
        .filter((l) => l.includes('EINVAL'))
        .join('\n'),
    );
    app.write('n');
    await app.waitFor('new listener [HOST:]PORT ›');
    app.write('\u0015'); // Ctrl+U: the prompt is prefilled
    await app.waitFor((s) => /new listener \[HOST:\]PORT › *$/m.test(s));
    app.write('zz\u200bz\u2067:0');
    await app.waitFor('› zz\\u200bz\\u2067:0');
    app.key('enter');
    // The status row follows the new listener: starting, then failed.
    const STATUS = /listener #3 (starting )?on zz\\u200bz\\u2067:0/;
    const status = await app.waitFor(STATUS);
    console.log(status.split('\n').find((l) => STATUS.test(l)));
    await app.waitFor('#3 zz\\u200bz\\u2067:0 failed');
    await app.flush();
    const raw = INVISIBLE.exec(app.raw());
    expect(raw, `raw U+${raw?.[0].codePointAt(0)?.toString(16)} on the terminal`).toBeNull();
  });

  it('headless lines: the bind error names the host escaped', async () => {
    const child = spawnCli(['--headless', '-l', '127.0.0.1:0', '-l', `${HOST}:0`]);
    const line = await child.waitForLine((l) => l.includes('bind-error'));
    console.log(line);
    expect(line).toContain(SHOWN);
    expect(child.lines.join('\n')).not.toMatch(INVISIBLE);
  });
});
