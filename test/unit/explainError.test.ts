import { describe, expect, it } from 'vitest';
import { type ErrLike, type ErrorContext, toErrorInfo } from '../../src/core/errorInfo.js';
import { getOsContext, type OsContext } from '../../src/core/osProbe.js';
import { privilegedBind } from '../../src/core/portNotes.js';
import { formatAddress, loopbackFor } from '../../src/format/address.js';
import { explainError as explain } from '../../src/i18n/explainError.js';
import { portNoteText } from '../../src/i18n/portNoteText.js';

/** The error as the engine keeps it (codes and values), then in words as shown. */
const explainError = (err: ErrLike, ctx: ErrorContext) => explain(toErrorInfo(err, ctx));

/** The privileged-port note for a bind, in words (null when none is due). */
function privilegedBindNote(port: number, os: OsContext, host?: string): string | null {
  const privileged = privilegedBind(port, os, host);
  return privileged && portNoteText({ privileged, exposed: null });
}

const linuxUser: OsContext = {
  platform: 'linux',
  uid: 1000,
  unprivilegedPortStart: 1024,
  capNetBindService: false,
};
const linuxRoot: OsContext = { ...linuxUser, uid: 0, capNetBindService: true };
const linuxCap: OsContext = { ...linuxUser, capNetBindService: true };
const windows: OsContext = {
  platform: 'win32',
  uid: null,
  unprivilegedPortStart: null,
  capNetBindService: false,
};

const at = { host: '127.0.0.1', port: 9999 };

describe('explainError', () => {
  it('EADDRINUSE names the address, the other-socket cause and the Windows code', () => {
    const t = explainError({ code: 'EADDRINUSE', syscall: 'listen' }, at);
    expect(t).toContain('127.0.0.1:9999');
    expect(t).toMatch(/already listens/);
    expect(t).toContain('SO_REUSEADDR only helps past TIME_WAIT');
    expect(t).toContain('10048');
  });

  it('EACCES on listen below the limit: root or CAP_NET_BIND_SERVICE, using the known limit', () => {
    const t = explainError({ code: 'EACCES', syscall: 'listen' }, { port: 700, os: linuxUser });
    expect(t).toContain('700');
    expect(t).toContain('1024');
    expect(t).toContain('CAP_NET_BIND_SERVICE');
    expect(t).toContain('root');
    expect(t).toContain('ip_unprivileged_port_start');
    expect(t).toContain('Windows has no privileged ports');
    const custom = { ...linuxUser, unprivilegedPortStart: 800 };
    expect(
      explainError({ code: 'EACCES', syscall: 'listen', port: 700 }, { os: custom }),
    ).toContain('below 800');
  });

  it('EACCES on listen above the limit does not blame privileged ports', () => {
    const t = explainError({ code: 'EACCES', syscall: 'listen' }, { port: 8080, os: linuxUser });
    expect(t).toContain('not privileged');
  });

  it('explains the address, DNS and port errors', () => {
    expect(explainError({ code: 'EADDRNOTAVAIL' }, { host: '10.9.9.9', port: 80 })).toMatch(
      /No interface on this machine has the address in 10\.9\.9\.9:80/,
    );
    expect(explainError({ code: 'ENOTFOUND', hostname: 'nope.invalid' }, {})).toMatch(
      /nope\.invalid does not resolve/,
    );
    expect(explainError({ code: 'EAI_AGAIN' }, { host: 'example.com' })).toMatch(
      /DNS is temporarily unavailable.*example\.com/,
    );
    const bad = explainError({ code: 'ERR_SOCKET_BAD_PORT' }, { port: 70000 });
    expect(bad).toContain('0 to 65535');
    expect(bad).toContain('70000');
    expect(bad).toContain('0 lets the OS pick');
  });

  it('explains the connection errors', () => {
    const refused = explainError({ code: 'ECONNREFUSED', address: '127.0.0.1', port: 1 }, {});
    expect(refused).toMatch(/Nothing listens at 127\.0\.0\.1:1/);
    expect(refused).toContain('RST');
    expect(explainError({ code: 'ETIMEDOUT' }, at)).toMatch(
      /connect timeout.*dropped.*firewall.*backlog/,
    );
    expect(explainError({ code: 'ECONNRESET' }, at)).toMatch(
      /reset the connection.*RST.*unread data/,
    );
    expect(explainError({ code: 'ECONNRESET' }, at)).toContain('resetAndDestroy');
    expect(explainError({ code: 'EPIPE' }, at)).toMatch(/after the peer closed its side/);
    expect(explainError({ code: 'EHOSTUNREACH' }, at)).toMatch(/No route/);
    expect(explainError({ code: 'ENETUNREACH' }, at)).toMatch(/no route/);
  });

  it('explains resource and argument errors', () => {
    expect(explainError({ code: 'EMFILE' }, {})).toMatch(/file descriptors.*ulimit -n/);
    expect(explainError({ code: 'ENFILE' }, {})).toMatch(/file descriptors/);
    expect(explainError({ code: 'EINVAL', syscall: 'bind' }, at)).toMatch(
      /rejected an argument to bind/,
    );
  });

  it('falls back to code, syscall and message for anything else', () => {
    const t = explainError({ code: 'EWEIRD', syscall: 'connect', message: 'odd thing' }, at);
    expect(t).toBe('EWEIRD during connect for 127.0.0.1:9999: odd thing.');
    // Nothing known: the stored code ('ERROR', see toErrorInfo) is still named.
    expect(explainError({}, {})).toContain('ERROR');
  });

  it('lists each address of an AggregateError with brackets for IPv6', () => {
    const agg: ErrLike = {
      code: 'ECONNREFUSED',
      message: '',
      errors: [
        { code: 'ECONNREFUSED', address: '::1', port: 9999, syscall: 'connect' },
        { code: 'ECONNREFUSED', address: '127.0.0.1', port: 9999, syscall: 'connect' },
      ],
    };
    const t = explainError(agg, { host: 'localhost', port: 9999 });
    expect(t).toContain('localhost resolved to 2 addresses');
    expect(t).toContain('[::1]:9999 ECONNREFUSED, 127.0.0.1:9999 ECONNREFUSED');
    expect(t).toContain('Nothing listens at localhost:9999');
  });

  it('lists mixed AggregateError failures without a single-code sentence', () => {
    const t = explainError(
      {
        errors: [
          { code: 'ETIMEDOUT', address: '2001:db8::1', port: 80 },
          { code: 'ECONNREFUSED', address: '192.0.2.1', port: 80 },
        ],
      },
      { host: 'example.test' },
    );
    expect(t).toBe(
      'example.test resolved to 2 addresses and each attempt failed: [2001:db8::1]:80 ETIMEDOUT, 192.0.2.1:80 ECONNREFUSED.',
    );
  });

  it('never lets control characters from a host name through', () => {
    const t = explainError({ code: 'ENOTFOUND' }, { host: 'evil\x1b]52;c;AAAA\x07' });
    expect(t).toMatch(/^[\x20-\x7e\u2014]*$/); // printable ASCII plus the em dash
    expect(t).toContain('\\x1b]52');
  });
});

describe('privilegedBindNote', () => {
  it('is kept as a code and values: why, the port and the limit', () => {
    expect(privilegedBind(700, linuxRoot)).toEqual({ why: 'root', port: 700, limit: 1024 });
    expect(privilegedBind(700, linuxCap)?.why).toBe('cap');
    expect(privilegedBind(80, { ...linuxUser, platform: 'darwin' }, '0.0.0.0')?.why).toBe(
      'darwinAny',
    );
  });

  it('explains root, the capability and Windows', () => {
    expect(privilegedBindNote(700, linuxRoot)).toBe(
      'port 700 bound because socklab runs as root (uid 0); as a normal user on Linux this bind fails with EACCES (ports below 1024 are privileged: net.ipv4.ip_unprivileged_port_start); macOS 10.14 and later allow it on 0.0.0.0 but may refuse a specific address such as 127.0.0.1',
    );
    expect(privilegedBindNote(700, linuxCap)).toContain('CAP_NET_BIND_SERVICE');
    expect(privilegedBindNote(700, windows)).toContain('Windows has no privileged ports');
  });

  it('is null for port 0, ports at or above the limit, and a lowered limit', () => {
    expect(privilegedBindNote(0, linuxRoot)).toBeNull();
    expect(privilegedBindNote(1024, linuxRoot)).toBeNull();
    expect(privilegedBindNote(9999, windows)).toBeNull();
    expect(privilegedBindNote(700, { ...linuxUser, unprivilegedPortStart: 0 })).toBeNull();
  });

  it('still says something when a normal user bound a low port', () => {
    expect(privilegedBindNote(80, { ...linuxUser, platform: 'darwin' })).toContain('EACCES');
  });
});

describe('formatAddress', () => {
  it('brackets IPv6 only', () => {
    expect(formatAddress('127.0.0.1', 9999)).toBe('127.0.0.1:9999');
    expect(formatAddress('::1', 9999)).toBe('[::1]:9999');
    expect(formatAddress('localhost', 80)).toBe('localhost:80');
  });
});

describe('getOsContext', () => {
  it('returns a well-formed context without throwing', () => {
    const os = getOsContext();
    expect(os.platform).toBe(process.platform);
    expect(os.uid === null || Number.isInteger(os.uid)).toBe(true);
    expect(os.unprivilegedPortStart === null || Number.isInteger(os.unprivilegedPortStart)).toBe(
      true,
    );
    expect(typeof os.capNetBindService).toBe('boolean');
  });
});

describe('loopbackFor: where socklab’s own client reaches a listener', () => {
  it('loopback for every all-interfaces bind, judged from the bound address; else the host', () => {
    expect(loopbackFor('0x0', '0.0.0.0')).toBe('127.0.0.1');
    expect(loopbackFor('[::0]', '::')).toBe('::1');
    expect(loopbackFor('0.0.0.0', null)).toBe('127.0.0.1');
    expect(loopbackFor('[::]', null)).toBe('::1');
    expect(loopbackFor('::1', '::1')).toBe('::1');
    expect(loopbackFor('localhost', '127.0.0.1')).toBe('localhost');
  });
});
