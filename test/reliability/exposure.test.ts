// Exposure: the default bind is loopback; binding every interface warns (headless line and
// the dashboard's listener row); a cap on open connections per listener refuses, counts
// and shows the excess. Port 0 everywhere; no traffic to a non-loopback address.
import type net from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import { DEFAULT_HOST, parseEndpoint } from '../../src/input/endpoint.js';
import {
  connectRaw,
  disposeAll,
  listeningPort,
  sleep,
  spawnCli,
  startTracked,
  track,
  until,
} from './helpers.js';

// Generous bounds: the machine's two cores are shared with other suites.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

/** The left pane's part of a screen row (the listeners pane sits left of the errors pane). */
const leftPane = (line: string) => line.split(/[│┃][│┃]/)[0];

afterAll(disposeAll);

describe.concurrent('default bind is loopback', () => {
  it('no --listen → 127.0.0.1; a prompt without a host → 127.0.0.1', () => {
    const p = parseCommandLine([]);
    expect(p.ok && p.value.command === 'run' && p.value.listen).toEqual([
      { host: '127.0.0.1', port: 9999 },
    ]);
    expect(DEFAULT_HOST).toBe('127.0.0.1');
    expect(parseEndpoint('9000')).toEqual({ ok: true, value: { host: '127.0.0.1', port: 9000 } });
    const withPort = parseCommandLine(['-l', '0']);
    expect(withPort.ok && withPort.value.command === 'run' && withPort.value.listen[0].host).toBe(
      '127.0.0.1',
    );
  });

  it('`socklab` with no --listen binds 127.0.0.1 (or reports 127.0.0.1:9999 busy)', async () => {
    const child = spawnCli(['--headless', '--json']);
    const e = await child.waitForEvent((x) => x.type === 'listening' || x.type === 'bind-error');
    expect(e.address).toBe('127.0.0.1');
    expect(e.port).toBe(9999);
    if (e.type === 'bind-error') expect(e.code).toBe('EADDRINUSE');
    else expect(e.note).toBeNull(); // nothing to warn about
  });
});

describe.concurrent('binding every interface warns', () => {
  it('headless line and NDJSON: the listening note says warning / every interface', async () => {
    const text = spawnCli(['--headless', '-l', '0.0.0.0:0']);
    const json = spawnCli(['--headless', '--json', '-l', '0.0.0.0:0']);
    const line = await text.waitForLine((l) => / listening +listener 1 on /.test(l));
    expect(line).toContain('0.0.0.0:');
    expect(line).toContain('warning');
    expect(line).toContain('every interface');
    expect(line).not.toContain('\\x'); // readable: "—", not "\xe2\x80\x94"
    const e = await json.waitForEvent((x) => x.type === 'listening');
    expect(e.address).toBe('0.0.0.0');
    expect(e.note).toMatch(/warning/);
    expect(e.note).toMatch(/every interface/);
    expect(e.note).toMatch(/127\.0\.0\.1/); // and how to stay local
  });

  it('headless: [::] warns the same way (when IPv6 is available)', async () => {
    const json = spawnCli(['--headless', '--json', '-l', '[::]:0']);
    const e = await json.waitForEvent((x) => x.type === 'listening' || x.type === 'bind-error');
    if (e.type === 'bind-error') {
      console.log(`[::] not bindable here (${e.code}): IPv6 case skipped`);
      return;
    }
    expect(e.note).toMatch(/warning.*every interface/);
  });

  it('dashboard at 80×24 (the minimum): the listener row shows ⚠, the errors pane the warning', async () => {
    const app = startTracked(['-l', '0.0.0.0:0'], { cols: 80, rows: 24 });
    const screen = await app.waitFor(
      (s) => /#1 0\.0\.0\.0:\d+ .*listening/.test(s) && /warning/.test(s),
    );
    const line = screen.split('\n').find((l) => /#1 0\.0\.0\.0:\d+ .*listening/.test(l)) ?? '';
    const row = leftPane(line);
    console.log(`listener row: ${row}`);
    expect(row).toContain('⚠');
    expect(screen).toMatch(/warning/);
  });
});

/** Every way of writing "any address" that getaddrinfo/inet_pton accept: the bind decides. */
const ALL_V4 = ['0', '0.0.0.00', '0x0', '0.0'];
const ALL_V6 = ['[::0]', '[0:0:0:0:0:0:0:0]', '[::ffff:0.0.0.0]'];

describe.concurrent('every interface, however it is spelled (decided from the bound address)', () => {
  it('headless NDJSON: each spelling binds 0.0.0.0 or :: and gets the warning; loopback does not', async () => {
    const spellings = [...ALL_V4, ...ALL_V6];
    const local = ['127.0.0.1', 'localhost', '[::1]'];
    const args = ['--headless', '--json'];
    for (const h of [...spellings, ...local]) args.push('-l', `${h}:0`);
    const child = spawnCli(args);
    const all = spellings.length + local.length;
    await until(
      () =>
        child.events().filter((e) => e.type === 'listening' || e.type === 'bind-error').length ===
        all,
      20_000,
      () => child.lines.join('\n'),
    );
    const byListener = new Map(
      child
        .events()
        .filter((e) => e.type === 'listening' || e.type === 'bind-error')
        .map((e) => [e.listener as number, e]),
    );
    const missed: string[] = [];
    [...spellings, ...local].forEach((h, i) => {
      const e = byListener.get(i + 1);
      if (e?.type !== 'listening') {
        console.log(`${h}: not bindable here (${e?.code}): skipped`);
        return;
      }
      const exposed = ['0.0.0.0', '::', '::ffff:0.0.0.0'].includes(e.address as string);
      const warned = /warning.*every interface/.test(String(e.note));
      console.log(`-l ${h}:0 → bound ${e.address}, warning: ${warned}`);
      if (spellings.includes(h) && !(exposed && warned)) missed.push(`${h} → ${e.address}`);
      if (local.includes(h) && (exposed || warned)) missed.push(`${h} warned`);
    });
    expect(missed).toEqual([]);
  });

  it('dashboard: `-l 0x0:0` shows ⚠ in the listener row and the warning', async () => {
    const app = startTracked(['-l', '0x0:0'], { cols: 120, rows: 40 });
    const screen = await app.waitFor((s) => /#1 0x0:\d+ .*listening/.test(s) && /warning/.test(s));
    const row = leftPane(screen.split('\n').find((l) => /#1 0x0:\d+/.test(l)) ?? '');
    console.log(`listener row: ${row}`);
    expect(row).toContain('⚠');
  });
});

describe.concurrent('--max-connections', () => {
  it('headless NDJSON: connections over the cap are refused, each with an event and a reason', async () => {
    const child = spawnCli(['--headless', '--json', '-l', '127.0.0.1:0', '--max-connections', '3']);
    const port = await listeningPort(child);
    const socks: net.Socket[] = [];
    for (let i = 0; i < 3; i++) socks.push(track(await connectRaw(port)));
    await child.waitForEvent((e) => e.type === 'accepted' && e.connection === 3);
    const over: net.Socket[] = [];
    for (let i = 0; i < 2; i++) {
      const s = track(await connectRaw(port));
      s.on('error', () => {});
      over.push(s);
    }
    await until(() => child.events().filter((e) => e.type === 'refused').length === 2);
    const refused = child.events().filter((e) => e.type === 'refused');
    expect(refused.map((e) => (e.peer as { port: number }).port).sort()).toEqual(
      over.map((s) => s.localPort).sort(),
    );
    expect(refused[0].reason).toMatch(/cap of 3 open connections/);
    expect(child.events().filter((e) => e.type === 'accepted')).toHaveLength(3);
    // A slot frees up: the next connection is accepted again.
    socks[0].end();
    await child.waitForEvent((e) => e.type === 'closed' && e.connection === 1);
    track(await connectRaw(port));
    await child.waitForEvent((e) => e.type === 'accepted' && e.connection === 4);
    child.signal('SIGTERM');
    expect((await child.exited).code).toBe(0);
  });

  it('dashboard at 120×40: the listener row says how many were refused', async () => {
    const app = startTracked(['-l', '127.0.0.1:0', '--max-connections', '2'], {
      cols: 120,
      rows: 40,
    });
    const screen = await app.waitFor(/#1 127\.0\.0\.1:(\d+) listening/);
    const port = Number(/#1 127\.0\.0\.1:(\d+) listening/.exec(screen)?.[1]);
    for (let i = 0; i < 4; i++) {
      const s = track(await connectRaw(port));
      s.on('error', () => {});
      await sleep(20);
    }
    const row = () =>
      leftPane(app.lines().find((l) => /#1 127\.0\.0\.1:\d+ listening/.test(l)) ?? '');
    await app
      .waitFor(() => row().includes('2 refused'), 5000)
      .catch(() => {
        throw new Error(`the listener row does not show "2 refused":\n${app.screen()}`);
      });
    expect(row()).toMatch(/2 open/);
    console.log(`listener row: ${row()}`);
  });
});
