// The reads pane is the connection's timeline: reads (←), what socklab sent (→) and the events
// between them, scrollable, following the newest unless the user scrolled.
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { paneRows, startDashboard, typeSlowly } from './dashboard.js';
import type { App } from './pty.js';

const COLS = 120;
const ROWS = 40;

let app: App | undefined;
const sockets: Socket[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const s of servers.splice(0)) s.close();
  await app?.dispose();
  app = undefined;
});

const reads = (s: string) => paneRows(s, 'reads', COLS, ROWS);

function client(port: number): Promise<{ sock: Socket; got: Buffer[] }> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    sockets.push(sock);
    const got: Buffer[] = [];
    sock.on('data', (d) => got.push(d));
    sock.once('error', reject);
    sock.once('connect', () => resolve({ sock, got }));
  });
}

it('a 1 MB stream: "N more above", PgUp scrolls and stops following, End follows again', async () => {
  const started = await startDashboard([], { cols: COLS, rows: ROWS });
  app = started.app;
  const { sock } = await client(started.port);
  // Numbered text, so that every read's preview differs from its neighbours'.
  let text = '';
  for (let i = 0; text.length < 1_000_000; i++) text += `${String(i).padStart(6, '0')} `;
  const stream = Buffer.from(text.slice(0, 1_000_000));
  await new Promise<void>((r) => sock.write(stream, () => r()));
  let screen = await app.waitFor((s) => /in 1,000,000 B|in 976\.6 KiB/.test(s));
  app.key('tab');
  app.key('tab');
  screen = await app.waitFor((s) => /^▸ Reads — conn #1 · following/.test(reads(s)[0]));
  const following = reads(screen);
  expect(following[1]).toMatch(/^↑ \d[\d,]* more above$/);
  expect(following.some((r) => /more below/.test(r))).toBe(false);

  app.key('pageup');
  screen = await app.waitFor((s) => /^▸ Reads — conn #1 · scrolled/.test(reads(s)[0]));
  const scrolled = reads(screen);
  expect(scrolled.at(-1)).toMatch(/^↓ \d[\d,]* more below$/);
  expect(scrolled.slice(2, -1)).not.toEqual(following.slice(2, -1));

  app.key('pageup');
  screen = await app.waitFor((s) => {
    const m = reads(s)
      .at(-1)
      ?.match(/^↓ (\d+) more below$/);
    const before = Number(scrolled.at(-1)?.match(/(\d+) more below/)?.[1]);
    return m !== null && m !== undefined && Number(m[1]) > before;
  });

  app.write('\u001b[F'); // End
  await app.waitFor((s) => /^▸ Reads — conn #1 · following/.test(reads(s)[0]));

  // Home: the oldest kept: accepted, then the count of reads the ring no longer holds.
  app.write('\u001b[H');
  screen = await app.waitFor((s) => /^⋯ #1: [\d,]+ earlier reads not kept/.test(reads(s)[2]));
  expect(reads(screen)[0]).toMatch(/· scrolled/);
  expect(reads(screen)[1]).toMatch(/ #1 {2}accepted$/);
  const below = (s: string) =>
    Number(
      reads(s)
        .at(-1)
        ?.match(/^↓ (\d+) more below$/)?.[1],
    );
  const atHome = below(screen);
  app.key('down');
  await app.waitFor((s) => below(s) === atHome - 1);
});

it('what socklab sent (→) and the peer’s FIN appear between the reads, in order', async () => {
  const started = await startDashboard([], { cols: COLS, rows: ROWS });
  app = started.app;
  const { sock, got } = await client(started.port);
  sock.write('one');
  await app.waitFor((s) => reads(s).some((r) => r.endsWith('"one"')));
  app.key('tab'); // listeners → connections
  await app.waitFor((s) => /^▸ Connections/.test(paneRows(s, 'connections', COLS, ROWS)[0]));
  app.write('s');
  await app.waitFor('server sends ›');
  await typeSlowly(app, 'hi', 'server sends ›');
  app.key('enter');
  await app.waitFor((s) => reads(s).some((r) => /→ +2 B {2}"hi"$/.test(r)));
  const until = Date.now() + 10_000;
  while (Buffer.concat(got).toString() !== 'hi' && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(Buffer.concat(got).toString()).toBe('hi');
  app.key('esc');
  sock.end('two');
  const screen = await app.waitFor((s) => reads(s).some((r) => /closed by peer \(FIN\)$/.test(r)));
  const rows = reads(screen);
  const at = (re: RegExp) => rows.findIndex((r) => re.test(r));
  const order = [
    at(/accepted/),
    at(/← +3 B {2}"one"$/),
    at(/→ +2 B {2}"hi"$/),
    at(/← +3 B {2}"two"$/),
    at(/FIN in/),
    at(/closed by peer \(FIN\)$/),
  ];
  expect(order.every((i) => i > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

it('a client made with t against an external server shows what it received in the reads pane', async () => {
  const server = createServer((s) => {
    s.on('error', () => {});
    s.write('hello from server');
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const ext = (server.address() as AddressInfo).port;
  const started = await startDashboard([], { cols: COLS, rows: ROWS });
  app = started.app;
  for (let i = 0; i < 3; i++) app.key('tab'); // listeners → connections → reads → client
  await app.waitFor((s) => /▸ Client/.test(s));
  app.write('t');
  const label = 'connect client to [HOST:]PORT ›';
  await app.waitFor(label);
  for (let i = 0; i < 40; i++) app.key('backspace');
  await app.waitFor((s) => s.split('\n').some((row) => row.trimEnd().endsWith(label)));
  await typeSlowly(app, `127.0.0.1:${ext}`, label);
  app.key('enter');
  const screen = await app.waitFor((s) =>
    reads(s).some((r) => /← +17 B {2}"hello from server"$/.test(r)),
  );
  const rows = reads(screen);
  expect(rows[0]).toMatch(/Reads — client #1 · following/);
  expect(rows.findIndex((r) => /#1 {2}connected$/.test(r))).toBeGreaterThan(0);
});
