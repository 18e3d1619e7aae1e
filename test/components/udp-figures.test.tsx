// A datagram of 60,000 B on a real UDP socket: the peers pane and the datagrams pane say its
// size, what recvfrom(N) keeps and what it discards in one style, the language's.
import dgram from 'node:dgram';
import { stripVTControlCharacters } from 'node:util';
import { renderToString } from 'ink';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Lang, setLang } from '../../src/i18n/i18n.js';
import type { UdpSocketView } from '../../src/udp/udpTypes.js';
import { UdpDatagramsPane } from '../../src/ui/components/UdpDatagramsPane.js';
import { UdpPeersPane } from '../../src/ui/components/UdpPeersPane.js';
import { makeEngine, type TestEngine } from '../helpers/lab.js';
import { udpBound, udpOf } from '../helpers/udp.js';

let t: TestEngine;
let sender: dgram.Socket;
let u: UdpSocketView;

beforeAll(async () => {
  t = makeEngine();
  const { id, port } = await udpBound(t);
  sender = dgram.createSocket('udp4');
  await new Promise<void>((ok, fail) =>
    sender.send(Buffer.alloc(60000, 0x61), port, '127.0.0.1', (e) => (e ? fail(e) : ok())),
  );
  u = await t.until((s) => {
    const v = udpOf(s, id);
    return v && v.datagrams.length > 0 ? v : null;
  });
});

afterAll(async () => {
  sender?.close();
  await t?.close();
});

afterEach(() => setLang('en'));

function panes(lang: Lang): string {
  setLang(lang);
  const draw = (el: React.ReactElement) =>
    stripVTControlCharacters(renderToString(el, { columns: 200 }));
  return [
    draw(<UdpPeersPane u={u} focused={false} width={200} height={6} />),
    draw(<UdpDatagramsPane u={u} focused={false} width={200} height={8} bufferSize={1024} />),
  ].join('\n');
}

describe('a 60,000 B datagram in each language', () => {
  it('pt-BR: último 60.000 B, datagrama de 60.000 B, recvfrom(1024) devolve 1.024 B, 58.976 B descartados', () => {
    const s = panes('pt-BR');
    expect(s).toContain('último 60.000 B');
    expect(s).toContain('datagrama de 60.000 B — recvfrom(1024) devolve 1.024 B');
    expect(s).toContain('58.976 B descartados');
    expect(s).not.toMatch(/\b60000 B|\b58976\b/);
  });

  it('en: last 60,000 B, 60,000 B datagram, recvfrom(1024) returns 1,024 B, 58,976 B discarded', () => {
    const s = panes('en');
    expect(s).toContain('last 60,000 B');
    expect(s).toContain('60,000 B datagram — recvfrom(1024) returns 1,024 B');
    expect(s).toContain('58,976 B discarded');
  });
});
