// The report's figures in the language's style, as the dashboard writes them: 1,500,000 bytes
// through a listener and a proxy, a 60,000 B datagram, a 65,536 B buffer. Real sockets.
import dgram from 'node:dgram';
import type net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Lang, setLang } from '../../src/i18n/i18n.js';
import { buildReport } from '../../src/report/buildReport.js';
import type { Snapshot } from '../../src/state/types.js';
import { rawClient, type TestEngine } from '../helpers/lab.js';
import { makeEngine, proxyTo, target } from '../helpers/proxy.js';
import { udpBound, udpOf } from '../helpers/udp.js';

const BYTES = 1_500_000;

let t: TestEngine;
let snap: Snapshot;
const cleanup: (() => void)[] = [];

beforeAll(async () => {
  t = makeEngine();
  t.engine.setBufferSize(65536);
  const port = await t.listenAndWait();
  const direct: net.Socket = await rawClient(port);
  const tg = await target();
  const p = await proxyTo(t, tg.port);
  const viaProxy: net.Socket = await rawClient(p.port);
  const server = await tg.next();
  server.resume();
  const { id: udp, port: udpPort } = await udpBound(t);
  const sender = dgram.createSocket('udp4');
  cleanup.push(
    () => direct.destroy(),
    () => viaProxy.destroy(),
    () => server.destroy(),
    () => tg.server.close(),
    () => sender.close(),
  );
  direct.write(Buffer.alloc(BYTES, 0x61));
  viaProxy.write(Buffer.alloc(BYTES, 0x62));
  sender.send(Buffer.alloc(60000, 0x63), udpPort, '127.0.0.1');
  snap = await t.until(
    (s) =>
      s.connections.filter((c) => c.bytesIn === BYTES).length === 2 &&
      (udpOf(s, udp)?.datagrams.length ?? 0) > 0 &&
      s,
  );
});

afterAll(async () => {
  for (const f of cleanup.splice(0)) f();
  await t?.close();
});

afterEach(() => setLang('en'));

function report(lang: Lang): string {
  setLang(lang);
  return buildReport({ snap, version: '1', labs: [], screen: '', run: { snap, listener: null } });
}

/** Figures of four or more digits without their separator, outside code (recv(N), ids, ports). */
const ungrouped = (md: string) =>
  md
    .replace(/recv(from)?\(\d+\)/g, '')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '') // the ISO time it was generated
    .match(/(?<![\d.,:#])\d{4,}(?![\d.,])/g) ?? [];

describe('report figures in each language', () => {
  it('pt-BR: Buffer 65.536 B, 1.500.000 in the table and the proxy line, datagrama de 60.000 B', () => {
    const md = report('pt-BR');
    expect(md).toContain('Buffer: 65.536 B por leitura');
    expect(md).toMatch(/bytes recebidos: 1\.500\.000/);
    expect(md).toMatch(/\| 1\.500\.000 \| [\d.]+ \|/);
    expect(md).toMatch(/: → 1\.500\.000 B em [\d.]+ leituras/);
    expect(md).toContain('datagrama de 60.000 B — recvfrom(65536) devolve 60.000 B');
    expect(ungrouped(md)).toEqual([]);
  });

  it('en: Buffer 65,536 B, 1,500,000, 60,000 B datagram', () => {
    const md = report('en');
    expect(md).toContain('Buffer: 65,536 B per read');
    expect(md).toMatch(/bytes in: 1,500,000/);
    expect(md).toMatch(/\| 1,500,000 \| [\d,]+ \|/);
    expect(md).toMatch(/: → 1,500,000 B in [\d,]+ reads/);
    expect(md).toContain('60,000 B datagram — recvfrom(65536) returns 60,000 B');
    expect(ungrouped(md)).toEqual([]);
  });
});
