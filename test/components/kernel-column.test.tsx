// The kernel's column on socklab's own rows, from real sockets and the real /proc: a queued
// connection's unread bytes show once, in ss's words, where the row has room for them.
import fs from 'node:fs';
import { renderToString } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionsPane } from '../../src/ui/components/ConnectionsPane.js';
import { closed, makeEngine, rawClient, type TestEngine } from '../helpers/lab.js';

const linux = process.platform === 'linux' && fs.existsSync('/proc/net/tcp');
let t: TestEngine | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe.skipIf(!linux)('kernel column', () => {
  it('a queued connection holding 28 unread bytes: "queued #1 · Recv-Q 28", once', async () => {
    t = makeEngine({ mode: 'sequential' });
    const lab = t;
    const port = await lab.listenAndWait();
    const first = await rawClient(port);
    const second = await rawClient(port);
    second.write('Estou enviando uma mensagem!');
    for (let i = 0; i < 200; i++) {
      lab.engine.kernel.tick();
      if (lab.snap().connections.some((c) => c.kernel?.recvQ === 28)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const snap = lab.snap();
    const text = renderToString(
      <ConnectionsPane
        listener={snap.listeners[0]}
        connections={snap.connections}
        selectedId={null}
        focused={false}
        width={160}
        height={6}
        now={Date.now()}
      />,
      { columns: 160 },
    );
    const row = text.split('\n').find((r) => r.includes('queued #1')) ?? '';
    expect(row).toMatch(/→ :\d+ queued #1 · Recv-Q 28 \d/);
    expect(row.split('Recv-Q').length).toBe(2);
    // The one being served: ESTAB with nothing waiting says nothing the row does not.
    const served = text.split('\n').find((r) => / → :\d+ open /.test(r)) ?? '';
    expect(served).not.toContain('ESTAB');
    first.destroy();
    second.destroy();
    await Promise.all([closed(first), closed(second)]);
  });
});
