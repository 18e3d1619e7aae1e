// UDP's errors on real sockets, each explained as UDP's: two sockets on one port, a datagram
// too big for IPv4, a connected client whose peer port is closed (ICMP → ECONNREFUSED).
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { explainError } from '../../../src/i18n/explainError.js';
import { portNoteText } from '../../../src/i18n/portNoteText.js';
import { makeEngine, type TestEngine } from '../../helpers/lab.js';
import { udpBound, udpOf } from '../../helpers/udp.js';

let t: TestEngine | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A port that was free a moment ago and has nothing bound on it now. */
async function closedPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const { port } = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('UDP errors', () => {
  it('EADDRINUSE: a second UDP socket on the same port, without SO_REUSEADDR', async () => {
    t = makeEngine();
    const lab = t;
    const first = await udpBound(lab);
    const second = lab.engine.udp.open('127.0.0.1', first.port);
    const u = await lab.until((s) => {
      const v = udpOf(s, second);
      return v?.state === 'failed' ? v : undefined;
    });
    expect(u.error).toMatchObject({ code: 'EADDRINUSE', syscall: 'bind', port: first.port });
    const text = explainError(u.error as NonNullable<typeof u.error>);
    // The kernel's view names the holder: socklab's own first socket.
    expect(text).toContain(`127.0.0.1:${first.port} is held by this socklab, udp #${first.id}`);
    expect(text).toContain('SO_REUSEADDR');
    expect(lab.snap().errors[0]).toMatchObject({ kind: 'bind', subject: `udp #${second}` });
    expect(lab.events.map((e) => e.type)).toContain('udp-bind-error');
    // The first one still receives.
    expect(udpOf(lab.snap(), first.id)?.state).toBe('listening');
  });

  it('EMSGSIZE: 65,508 B does not fit an IPv4 datagram (nothing sent); 65,507 B arrives whole', async () => {
    t = makeEngine({ bufferSize: 1024 });
    const lab = t;
    const { id, port } = await udpBound(lab);
    const c = lab.engine.udp.client('127.0.0.1', port);
    await lab.until((s) => udpOf(s, c)?.state === 'listening');
    expect(lab.engine.udp.send(c, new Uint8Array(65_508))).toBe('sent');
    const failed = await lab.until((s) => udpOf(s, c)?.lastError);
    expect(failed).toMatchObject({ code: 'EMSGSIZE', syscall: 'send' });
    expect(explainError(failed)).toContain('65,507 B over IPv4');
    expect(udpOf(lab.snap(), c)?.datagramsOut).toBe(0);
    expect(lab.engine.udp.send(c, new Uint8Array(65_507).fill(65))).toBe('sent');
    const got = await lab.until((s) => udpOf(s, id)?.datagrams[0]);
    expect(got.bytes).toBe(65_507);
    expect(udpOf(lab.snap(), id)?.bytesIn).toBe(65_507);
  });

  it('ECONNREFUSED on a connected UDP client: the ICMP port-unreachable comes back', async () => {
    t = makeEngine();
    const lab = t;
    const port = await closedPort();
    const c = lab.engine.udp.client('127.0.0.1', port, {
      connect: true,
      send: Buffer.from('olá?'),
    });
    const err = await lab.until((s) => udpOf(s, c)?.lastError);
    expect(err).toMatchObject({ code: 'ECONNREFUSED' });
    expect(explainError(err)).toContain('ICMP “port unreachable”');
    const u = udpOf(lab.snap(), c);
    expect(u).toMatchObject({ connected: true, datagramsOut: 1, target: { port } });
    expect(lab.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['udp-listening', 'udp-connected', 'udp-sent', 'udp-error']),
    );
  });

  it('an unconnected client hears nothing back from the same closed port', async () => {
    t = makeEngine();
    const lab = t;
    const port = await closedPort();
    const c = lab.engine.udp.client('127.0.0.1', port, { send: Buffer.from('olá?') });
    await lab.until((s) => (udpOf(s, c)?.datagramsOut ?? 0) === 1);
    // A connected client learns of the ICMP error within this time (the test above); this one cannot.
    const probe = lab.engine.udp.client('127.0.0.1', port, {
      connect: true,
      send: Buffer.from('x'),
    });
    await lab.until((s) => udpOf(s, probe)?.lastError);
    expect(udpOf(lab.snap(), c)?.lastError).toBeNull();
  });
});

describe('a UDP socket on every interface', () => {
  it('warns that other machines can send to it (UDP has no connecting)', async () => {
    t = makeEngine();
    const lab = t;
    const id = lab.engine.udp.open('0.0.0.0', 0);
    const u = await lab.until((s) => {
      const v = udpOf(s, id);
      return v?.state === 'listening' && v.note ? v : undefined;
    });
    const text = portNoteText(u.note as NonNullable<typeof u.note>);
    expect(text).toContain('other machines can send datagrams to it');
    expect(text).not.toContain('connect');
  });
});
