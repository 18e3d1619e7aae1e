// Journey 1: each connection's peer port is the client's ephemeral port, as cliente.py saw it.
import { afterEach, expect, it } from 'vitest';
import { connectionRow, PythonProcs, startDashboard } from './dashboard.js';
import type { App } from './pty.js';

let app: App | undefined;
const py = new PythonProcs();
afterEach(async () => {
  await py.killAll();
  await app?.dispose();
  app = undefined;
});

it("shows the three ephemeral ports cliente.py --count 3 printed as the connections' peer ports", async () => {
  const started = await startDashboard([], { cols: 120, rows: 40 });
  app = started.app;
  const cli = py.client(['127.0.0.1', String(started.port), '--count', '3']);
  expect(await cli.exited).toBe(0);
  const ports = cli.lines.filter((l) => l.startsWith('PORT ')).map((l) => Number(l.slice(5)));
  expect(ports).toHaveLength(3);
  expect(new Set(ports).size).toBe(3);

  const screen = await app.waitFor((s) => ports.every((p) => connectionRow(s, p) !== undefined));
  for (const p of ports) {
    expect(connectionRow(screen, p)).toMatch(
      new RegExp(`127\\.0\\.0\\.1:${p} → :${started.port} `),
    );
  }
  // The ports are not the server's: the listener row still shows its own port, with 3 total.
  await app.waitFor(new RegExp(`#1 127\\.0\\.0\\.1:${started.port} listening .*· 3 total`));
  expect(ports).not.toContain(started.port);
});
