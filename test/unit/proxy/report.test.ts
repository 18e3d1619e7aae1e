// The report's proxy section and the NDJSON records a proxy adds, from a real relayed pair.
import { afterEach, expect, it } from 'vitest';
import { eventRecord, readRecord } from '../../../src/log/eventRecord.js';
import { proxySection } from '../../../src/report/proxySection.js';
import { collect, rawClient, type TestEngine, waitFor } from '../../helpers/lab.js';
import { makeEngine, proxyTo, target } from '../../helpers/proxy.js';

let t: TestEngine | null = null;
const cleanup: (() => void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) f();
  await t?.close();
  t = null;
});

it('NDJSON: proxy-opened names both legs and the target; reads say their side and direction; the report has the pair', async () => {
  t = makeEngine();
  const lab = t;
  const reads: Record<string, unknown>[] = [];
  lab.store.tap({ read: (c, chunk, time, seq) => reads.push(readRecord(c, chunk, time, seq)) });
  const tg = await target();
  cleanup.push(() => tg.server.close());
  const p = await proxyTo(lab, tg.port);
  lab.engine.proxies.setFaults(p.id, 'downstream', { latencyMs: 5 });
  const client = await rawClient(p.port);
  const server = await tg.next();
  cleanup.push(
    () => client.destroy(),
    () => server.destroy(),
  );
  const atClient = collect(client);
  collect(server);
  client.write('ping');
  server.write('pong');
  await waitFor(() => atClient.text === 'pong' && reads.length === 2);
  const opened = lab.events.find((e) => e.type === 'proxy-opened');
  if (opened?.type !== 'proxy-opened') throw new Error('no proxy-opened');
  const rec = eventRecord(opened);
  expect(rec).toMatchObject({
    type: 'proxy-opened',
    listener: p.id,
    target: { address: '127.0.0.1', port: tg.port },
  });
  const s = lab.snap();
  const acc = s.connections.find((c) => c.id === opened.connection);
  const up = s.connections.find((c) => c.id === opened.upstream);
  expect(acc?.proxy?.role).toBe('accepted');
  expect(up?.local.port).toBe((server.remotePort as number) || -1);
  expect(reads).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        connection: acc?.id,
        side: 'accepted',
        direction: 'upstream',
        bytes: 4,
      }),
      expect.objectContaining({
        connection: up?.id,
        side: 'upstream',
        direction: 'downstream',
        bytes: 4,
      }),
    ]),
  );
  const section = proxySection(s).join('\n');
  expect(section).toContain(`⇄ 127.0.0.1:${tg.port}`);
  expect(section).toContain('latency 5 ms');
  expect(section).toMatch(
    new RegExp(
      `#${acc?.id} 127\\.0\\.0\\.1:${client.localPort} → :${p.port} ⇄ #${up?.id} :${up?.local.port} → 127\\.0\\.0\\.1:${tg.port}: → 4 B in 1 reads, ← 4 B in 1 reads`,
    ),
  );
});
