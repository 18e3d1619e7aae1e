import { describe, expect, it } from 'vitest';
import { decodeAddress, parseProcNetTcp, plainAddress } from '../../../src/kernel/procNetTcp.js';

// Recorded on this machine (Linux 6.18, x86_64) from a Python script: a dual-stack listener
// on [::]:57949 with one IPv4 client (127.0.0.1:46632) connected and not accepted, 4 bytes
// sent; a listener on [::1]:48331 with one IPv6 client accepted, 6 bytes sent, not read.
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:E25D 00000000000000000000000000000000:0000 0A 00000000:00000001 00:00000000 00000000     0        0 15784726 2 00000000a677b5db 100 0 0 10 0
   1: 00000000000000000000000001000000:BCCB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 15784728 1 00000000a8fe270c 100 0 0 10 0
   2: 0000000000000000FFFF00000100007F:E25D 0000000000000000FFFF00000100007F:B628 01 00000000:00000004 00:00000000 00000000     0        0 0 1 00000000eb2e218b 20 4 30 10 -1
   3: 00000000000000000000000001000000:EE36 00000000000000000000000001000000:BCCB 01 00000000:00000000 00:00000000 00000000     0        0 15784729 1 00000000b1a1d7da 20 0 0 11 -1
   4: 00000000000000000000000001000000:BCCB 00000000000000000000000001000000:EE36 01 00000000:00000006 00:00000000 00000000     0        0 15784730 1 000000006b995617 20 4 30 10 -1
`;
const TCP4 = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   3: 0100007F:B628 0100007F:E25D 01 00000000:00000000 00:00000000 00000000     0        0 15784727 1 000000001f3118cf 20 0 0 11 -1
  12: 0100007F:270F 0100007F:9C40 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0000000000000000
10000: 0100007F:D431 0100007F:270F 08 0000001C:00000000 00:00000000 00000000  1000        0 424242 1 0000000000000000 20 4 0 10 -1
`;

describe('parseProcNetTcp', () => {
  it('reads IPv6 and IPv4-mapped addresses, states, queues, uid and inode', () => {
    const rows = parseProcNetTcp(TCP6, 6);
    expect(rows.map((r) => [r.state, r.local, r.remote, r.recvQ, r.sendQ, r.inode])).toEqual([
      ['LISTEN', { address: '::', port: 57949 }, { address: '::', port: 0 }, 1, 0, 15784726],
      ['LISTEN', { address: '::1', port: 48331 }, { address: '::', port: 0 }, 0, 0, 15784728],
      [
        'ESTABLISHED',
        { address: '::ffff:127.0.0.1', port: 57949 },
        { address: '::ffff:127.0.0.1', port: 46632 },
        4,
        0,
        0,
      ],
      [
        'ESTABLISHED',
        { address: '::1', port: 60982 },
        { address: '::1', port: 48331 },
        0,
        0,
        15784729,
      ],
      [
        'ESTABLISHED',
        { address: '::1', port: 48331 },
        { address: '::1', port: 60982 },
        6,
        0,
        15784730,
      ],
    ]);
    expect(rows.every((r) => r.uid === 0 && r.family === 6)).toBe(true);
  });

  it('reads IPv4, TIME_WAIT and CLOSE_WAIT lines, and an sl past 9999', () => {
    const rows = parseProcNetTcp(TCP4, 4);
    expect(
      rows.map(
        (r) =>
          `${r.state} ${r.local.address}:${r.local.port} ${r.remote.address}:${r.remote.port} ${r.recvQ}/${r.sendQ} uid ${r.uid} inode ${r.inode}`,
      ),
    ).toEqual([
      'ESTABLISHED 127.0.0.1:46632 127.0.0.1:57949 0/0 uid 0 inode 15784727',
      'TIME_WAIT 127.0.0.1:9999 127.0.0.1:40000 0/0 uid 0 inode 0',
      'CLOSE_WAIT 127.0.0.1:54321 127.0.0.1:9999 0/28 uid 1000 inode 424242',
    ]);
  });

  it('with ports, keeps only the sockets whose local or remote port is one of them', () => {
    expect(parseProcNetTcp(TCP4, 4, new Set([9999])).map((r) => r.state)).toEqual([
      'TIME_WAIT',
      'CLOSE_WAIT',
    ]);
    expect(parseProcNetTcp(TCP6, 6, new Set([46632])).map((r) => r.remote.port)).toEqual([46632]);
    expect(parseProcNetTcp(TCP6, 6, new Set([1]))).toEqual([]);
  });

  it('skips what does not parse: an empty file, a header only, a cut line', () => {
    expect(parseProcNetTcp('', 4)).toEqual([]);
    expect(parseProcNetTcp(TCP4.split('\n')[0], 4)).toEqual([]);
    expect(parseProcNetTcp(`${TCP4.split('\n')[0]}\n   0: 0100007F:27`, 4)).toEqual([]);
  });
});

describe('addresses', () => {
  it('decodes each 32-bit word little-endian, and compresses IPv6 zeros', () => {
    expect(decodeAddress('0100007F')).toBe('127.0.0.1');
    expect(decodeAddress('00000000')).toBe('0.0.0.0');
    expect(decodeAddress('00000000000000000000000001000000')).toBe('::1');
    expect(decodeAddress('000080FE00000000FF005002FE0D2A01')).toBe('fe80::250:ff:12a:dfe');
    expect(plainAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(plainAddress('::1')).toBe('::1');
  });
});
