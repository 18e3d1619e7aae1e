// Resizing relayouts in place: 120×40 → 80×24 → 60×20 → 120×40. Every frame fits the terminal
// (nothing scrolls: the header stays on the top row, the footer on rows-2), no row of an old
// layout is left behind, and below 80×24 the app says what it needs.
import { afterEach, expect, it } from 'vitest';
import { startDashboard } from './dashboard.js';
import type { App } from './pty.js';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.dispose()));
});

/** Listener ports vary between runs; the layout must not. */
const normalize = (rows: string[]) =>
  rows.map((r) =>
    r.replace(/127\.0\.0\.1:(\d+)/g, (_, p: string) => `127.0.0.1:${'#'.repeat(p.length)}`),
  );

/** A frame laid out for exactly cols×rows: header on top, pane borders spanning the width. */
function laidOutFor(app: App, cols: number, rows: number): boolean {
  const l = app.lines();
  return (
    l.length === rows &&
    l[0].startsWith('socklab ') &&
    [...l[2]].length === cols &&
    /^[┏╭].*[┓╮]$/.test(l[2]) &&
    l[rows - 2].includes('Tab next pane') &&
    l[rows - 1] === ''
  );
}

function expectFits(app: App, cols: number, rows: number) {
  const l = app.lines();
  expect(l).toHaveLength(rows);
  for (const row of l) expect([...row].length).toBeLessThanOrEqual(cols);
  // The dashboard draws on the alternate screen, which has no scrollback: a frame taller than
  // the terminal would push the header off the top row; on the normal screen baseY would grow.
  expect(app.buffer()).toEqual({ type: 'alternate', baseY: 0, normalBaseY: 0 });
}

async function freshLayout(cols: number, rows: number): Promise<string[]> {
  const fresh = await startDashboard([], { cols, rows });
  apps.push(fresh.app);
  await fresh.app.waitFor(() => laidOutFor(fresh.app, cols, rows));
  return normalize(fresh.app.lines());
}

it('relayouts on resize 120×40 → 80×24 → 60×20 → 120×40 without scrolling or leftovers', async () => {
  const started = await startDashboard([], { cols: 120, rows: 40 });
  const app = started.app;
  apps.push(app);
  await app.waitFor(() => laidOutFor(app, 120, 40));
  expectFits(app, 120, 40);
  const initial = app.lines();

  // Shrink to the minimum: exactly what a fresh start at 80×24 draws.
  app.resize(80, 24);
  await app.waitFor(() => laidOutFor(app, 80, 24));
  expectFits(app, 80, 24);
  expect(normalize(app.lines())).toEqual(await freshLayout(80, 24));

  // Below the minimum: the notice, and nothing else left on screen.
  app.resize(60, 20);
  const small = await app.waitFor('needs at least 80×24');
  expectFits(app, 60, 20);
  const rows = app.lines();
  expect(rows[0]).toBe('socklab needs at least 80×24:');
  expect(rows[1]).toBe('this terminal is 60×20. Enlarge it, or q to quit.');
  expect(rows.slice(2).every((r) => r === '')).toBe(true);
  expect(small).not.toContain('Listeners');

  // Grow back: the same screen as before the first resize.
  app.resize(120, 40);
  await app.waitFor(() => laidOutFor(app, 120, 40));
  expectFits(app, 120, 40);
  expect(app.lines()).toEqual(initial);
  expect(app.screen()).not.toContain('needs at least');
});
