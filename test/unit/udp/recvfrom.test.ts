import { describe, expect, it } from 'vitest';
import { recvfromText } from '../../../src/i18n/udpText.js';
import { recvfrom } from '../../../src/udp/recvfrom.js';

const msg = Buffer.from('Estou enviando uma mensagem!');

describe('what recvfrom(N) does to a datagram, by OS', () => {
  it('Linux/macOS: the first N bytes, the rest discarded; a datagram that fits comes whole', () => {
    expect(recvfrom(28, 5, 'linux')).toEqual({ kept: 5, discarded: 23, fails: null });
    expect(recvfrom(28, 5, 'darwin')).toEqual({ kept: 5, discarded: 23, fails: null });
    expect(recvfrom(28, 1024, 'linux')).toEqual({ kept: 28, discarded: 0, fails: null });
  });

  it('Windows: the call fails with WSAEMSGSIZE (the buffer still holds the first N bytes)', () => {
    expect(recvfrom(28, 5, 'win32')).toEqual({ kept: 5, discarded: 23, fails: 'WSAEMSGSIZE' });
    expect(recvfromText(28, 5, msg, 'win32')).toBe(
      'recvfrom(5) fails with WSAEMSGSIZE on Windows (the buffer holds 5 B "Estou", 23 B lost)',
    );
    expect(recvfrom(28, 28, 'win32').fails).toBeNull();
  });

  it('kept bytes past the 32 B preview end in …; controls are escaped', () => {
    const big = Buffer.concat([Buffer.from('\x1b]0;x\x07'), Buffer.alloc(60, 65)]);
    const text = recvfromText(big.length, 40, big.subarray(0, 32), 'linux');
    expect(text).toMatch(/^recvfrom\(40\) returns 40 B "\\x1b\]0;x\\x07A+…", 26 B discarded$/);
  });
});
