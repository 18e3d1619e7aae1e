import type net from 'node:net';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { entryText } from '../../../src/i18n/entryText.js';
import { explainError } from '../../../src/i18n/explainError.js';
import { portNoteText } from '../../../src/i18n/portNoteText.js';
import type { ErrorInfo } from '../../../src/state/types.js';
import { bind700AsNobody } from '../../helpers/asNobody.js';
import { makeEngine, rawClient, type TestEngine } from '../../helpers/lab.js';

/** What a person is shown for the error, in the current language. */
const explained = (e?: ErrorInfo | null) => (e ? explainError(e) : '');

let t: TestEngine | null = null;
const raws: net.Socket[] = [];

afterEach(async () => {
  for (const s of raws.splice(0)) s.destroy();
  await t?.close();
  t = null;
});

function lab(): TestEngine {
  t = makeEngine();
  return t;
}

const failed = (t: TestEngine, id: number) =>
  t.until((s) => s.listeners.find((l) => l.id === id && l.state === 'failed'));

describe('listeners and bind errors', () => {
  it('a second listener on the same host:port fails with EADDRINUSE; the first keeps working', async () => {
    const t = lab();
    const port = await t.listenAndWait('127.0.0.1', 0);
    const second = t.engine.listen('127.0.0.1', port);
    const l = await failed(t, second);
    expect(l.error).toMatchObject({
      code: 'EADDRINUSE',
      errno: -os.constants.errno.EADDRINUSE,
      syscall: 'listen',
      address: '127.0.0.1',
      port,
    });
    expect(explained(l.error)).toContain(`127.0.0.1:${port}`);
    expect(l.boundPort).toBeNull();
    const ev = t.events.find((e) => e.type === 'bind-error');
    expect(ev).toMatchObject({ listener: second, code: 'EADDRINUSE', port });
    expect(t.snap().errors[0]).toMatchObject({ kind: 'bind', error: { code: 'EADDRINUSE' } });

    const raw = await rawClient(port);
    raws.push(raw);
    const first = await t.until((s) => s.listeners.find((x) => x.id === 1 && x.total === 1));
    expect(first.state).toBe('listening');
    expect(t.snap().connections).toHaveLength(1);
    expect(t.snap().connections[0]).toMatchObject({ listenerId: 1, state: 'open' });
  });

  it('retryListener succeeds once the first listener is closed', async () => {
    const t = lab();
    const port = await t.listenAndWait('127.0.0.1', 0);
    const second = t.engine.listen('127.0.0.1', port);
    await failed(t, second);
    t.engine.closeListener(1);
    expect(t.snap().listeners[0].state).toBe('closed');
    expect(t.events.some((e) => e.type === 'listener-closed' && e.listener === 1)).toBe(true);
    t.engine.retryListener(second);
    const l = await t.until((s) =>
      s.listeners.find((x) => (x.id === second && x.state !== 'starting' ? x : undefined)),
    );
    expect(l).toMatchObject({ state: 'listening', boundPort: port, error: null });
    const raw = await rawClient(port);
    raws.push(raw);
    await t.until((s) => s.listeners.find((x) => x.id === second && x.total === 1));
  });

  it('closeListener moves it to closed and new connections are refused', async () => {
    const t = lab();
    const port = await t.listenAndWait();
    t.engine.closeListener(1);
    await t.until((s) => s.listeners[0].state === 'closed');
    await new Promise((r) => setTimeout(r, 20));
    await expect(rawClient(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('a host name that does not resolve fails with ENOTFOUND (or EAI_AGAIN offline)', async () => {
    const t = lab();
    const id = t.engine.listen('no-such-host.invalid', 0);
    const l = await failed(t, id);
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(l.error?.code);
    expect(explained(l.error)).toContain('no-such-host.invalid');
  });

  it('port 70000 fails with ERR_SOCKET_BAD_PORT', async () => {
    const t = lab();
    const id = t.engine.listen('127.0.0.1', 70_000);
    const l = await failed(t, id);
    expect(l.error).toMatchObject({ code: 'ERR_SOCKET_BAD_PORT', port: 70_000 });
    expect(explained(l.error)).toContain('70000');
  });

  it('an address no interface has fails with EADDRNOTAVAIL (binding only, no traffic)', async () => {
    const t = lab();
    const id = t.engine.listen('192.0.2.1', 0);
    const l = await failed(t, id);
    expect(l.error).toMatchObject({
      code: 'EADDRNOTAVAIL',
      syscall: 'listen',
      address: '192.0.2.1',
    });
    expect(explained(l.error)).toContain('192.0.2.1');
  });

  it('listens on IPv6 ::1', async (ctx) => {
    const probe = lab();
    const id = probe.engine.listen('::1', 0);
    const l = await probe.until((s) =>
      s.listeners.find((x) => x.id === id && x.state !== 'starting'),
    );
    if (l.state === 'failed') {
      console.log(`skipping IPv6 test: ::1 unavailable (${l.error?.code})`);
      ctx.skip();
    }
    const port = l.boundPort as number;
    const raw = await rawClient(port, '::1');
    raws.push(raw);
    const c = await probe.until((s) => s.connections.find((x) => x.kind === 'accepted'));
    expect(c).toMatchObject({ family: 'IPv6', local: { address: '::1', port } });
    expect(c.peer).toEqual({ address: '::1', port: raw.localPort });
    const ev = probe.events.find((e) => e.type === 'listening');
    expect(ev).toMatchObject({ address: '::1', port });
  });

  it('as root, a free port below 1024 on 127.0.0.1 binds with a note about root', async (ctx) => {
    if (process.getuid?.() !== 0) {
      console.log('skipping: not running as root');
      ctx.skip();
    }
    const t = lab();
    let bound: number | null = null;
    for (let p = 700; p <= 720 && bound === null; p++) {
      const id = t.engine.listen('127.0.0.1', p);
      const l = await t.until((s) =>
        s.listeners.find((x) => x.id === id && x.state !== 'starting'),
      );
      if (l.state === 'listening') {
        bound = p;
        expect(l.boundPort).toBe(p);
        expect(l.note?.privileged).toMatchObject({ why: 'root', port: p });
        const note = l.note ? portNoteText(l.note) : '';
        expect(note).toMatch(/root/);
        expect(note).toContain(String(p));
        const entry = t.snap().errors.find((e) => e.kind === 'note');
        expect(entry && entryText(entry)).toBe(note);
      }
    }
    if (bound === null) {
      console.log('skipping: no free port in 700..720');
      ctx.skip();
    }
  });

  it('EACCES for port 700 as an unprivileged user (uid 65534)', async (ctx) => {
    const skip = (why: string) => {
      console.log(`skipping EACCES test: ${why}`);
      ctx.skip();
    };
    const got = await bind700AsNobody('tcp');
    if ('skip' in got) return skip(got.skip);
    const { uid, view } = got;
    expect(uid).toBe(65534);
    expect(view.state).toBe('failed');
    expect(view.error).toMatchObject({
      code: 'EACCES',
      errno: -os.constants.errno.EACCES,
      syscall: 'listen',
      address: '127.0.0.1',
      port: 700,
    });
    expect(explained(view.error)).toMatch(/privileged/);
    expect(explained(view.error)).toContain('1024');
    expect(explained(view.error)).toContain('CAP_NET_BIND_SERVICE');
  });
});
