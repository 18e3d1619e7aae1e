// A resize storm in the pty: 50 resizes within a second (some below the 80×24 minimum)
// while a peer streams. No crash; the final screen is laid out for the final size.
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  connectRaw,
  disposeAll,
  eventually,
  randInt,
  rng,
  sleep,
  startTracked,
  track,
} from './helpers.js';

// Generous bounds: the machine's two cores are shared with other suites.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

afterAll(disposeAll);

describe('resize storm', () => {
  it('50 resizes in a second, then a correct frame at the final size', async () => {
    const app = startTracked(['-l', '127.0.0.1:0', '-b', '5'], { cols: 120, rows: 40 });
    const first = await app.waitFor(/#1 127\.0\.0\.1:(\d+) listening/);
    const port = Number(/#1 127\.0\.0\.1:(\d+) listening/.exec(first)?.[1]);
    const peer = track(await connectRaw(port));
    const stream = setInterval(() => peer.write('tick\n'), 10);
    const r = rng(50);
    const t0 = Date.now();
    for (let i = 0; i < 50; i++) {
      app.resize(randInt(r, 40, 220), randInt(r, 10, 70));
      // Five at once, then a pause: 50 in well under a second even on a busy machine.
      if (i % 5 === 4) await sleep(70);
    }
    const stormMs = Date.now() - t0;
    clearInterval(stream);
    const [cols, rows] = [100, 30];
    app.resize(cols, rows);
    await sleep(400);
    await app.waitFor((s) => {
      const lines = s.split('\n');
      return lines[0].startsWith('socklab ') && /Tab next pane/.test(lines[rows - 2] ?? '');
    }, 8000);
    await eventually(async () => {
      await app.flush();
      const screen = app.screen();
      const lines = app.lines();
      expect(lines).toHaveLength(rows);
      expect(lines[0]).toMatch(/^socklab \d/);
      expect(lines[1]).toContain('5 B per read');
      // One header, one footer: no stale copy of an older frame left on the screen.
      expect(screen.match(/^socklab \d/gm)).toHaveLength(1);
      expect(screen.match(/Tab next pane/g)).toHaveLength(1);
      expect(screen).not.toContain('needs at least');
      expect(screen).toMatch(/#1 127\.0\.0\.1:\d+ listening/);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(cols);
      // Borders line up at the new width: some row is a full-width pane border.
      expect(lines.some((l) => /^[╭┏][─━]+[╮┓]$/.test(l) && l.length === cols)).toBe(true);
      expect(lines[rows - 1]).toBe(''); // the row kept free (a full-height frame redraws all)
    });
    // Still alive and taking keys.
    app.write('m');
    await app.waitFor('SEQUENTIAL');
    peer.destroy();
    console.log(`50 resizes in ${stormMs} ms; final ${cols}×${rows} frame correct`);
  });
});
