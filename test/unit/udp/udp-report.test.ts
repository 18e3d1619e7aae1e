// The report holds the UDP sockets and their datagrams from real sockets: the true size, what
// recvfrom(N) returned and discarded, the kept bytes in a code span (never Markdown, never a
// raw control byte); and the NDJSON log has datagram / udp-sent records.
import dgram from 'node:dgram';
import markdownIt from 'markdown-it';
import { afterEach, describe, expect, it } from 'vitest';
import { eventLine } from '../../../src/cli/eventLine.js';
import { ndjsonTap } from '../../../src/log/eventRecord.js';
import { buildReport } from '../../../src/report/buildReport.js';
import { LAB_MESSAGE, makeEngine, type TestEngine } from '../../helpers/lab.js';
import { udpBound, udpOf } from '../../helpers/udp.js';

let t: TestEngine | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('UDP in the report and the log', () => {
  it('each datagram with its size, recvfrom(5) kept/discarded, escaped; NDJSON datagram and udp-sent', async () => {
    t = makeEngine({ bufferSize: 5 });
    const lab = t;
    const lines: string[] = [];
    lab.store.tap(ndjsonTap((l) => lines.push(l)));
    const { id, port } = await udpBound(lab);
    const c = lab.engine.udp.client('127.0.0.1', port, { send: Buffer.from(LAB_MESSAGE) });
    // Hostile bytes from "the network": a backtick, HTML, an OSC title and a BEL.
    const raw = dgram.createSocket('udp4');
    await new Promise<void>((r) =>
      raw.send(Buffer.from('`<b>\x1b]0;x\x07'), port, '127.0.0.1', () => r()),
    );
    raw.close();
    await lab.until((s) => (udpOf(s, id)?.datagramsIn ?? 0) === 2);
    const snap = lab.snap();
    const md = buildReport({
      snap,
      version: '9',
      labs: [],
      screen: '',
      run: { snap, listener: null },
    });
    const local = udpOf(snap, c)?.boundPort;
    expect(md).toContain('## UDP sockets and datagrams');
    // In the words the screen uses for it.
    expect(md).toContain(`### UDP socket #${id} 127.0.0.1:${port} — bound`);
    expect(md).toContain('Datagrams in: 2 (38 B) · out: 0 (0 B) · senders: 2');
    expect(md).toMatch(
      new RegExp(
        `from 127\\.0\\.0\\.1:${local}: 28 B datagram — recvfrom\\(5\\) returns 5 B, 23 B discarded: \`Estou\``,
      ),
    );
    expect(md).toContain('10 B datagram — recvfrom(5) returns 5 B, 5 B discarded:');
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    const html = markdownIt({ html: true }).render(md);
    expect(html).not.toContain('<b>');
    const recs = lines.map((l) => JSON.parse(l));
    expect(recs.find((r) => r.type === 'udp-sent')).toMatchObject({
      socket: c,
      to: { address: '127.0.0.1', port },
      bytes: 28,
    });
    const hostile = recs.filter((r) => r.type === 'datagram').at(-1);
    expect(hostile).toMatchObject({ bytes: 10, kept: 5, discarded: 5, preview: '`<b>\\x1b' });
    // Headless lines say the same, escaped.
    const said = lab.events.filter((e) => e.type === 'datagram').map(eventLine);
    expect(said[0]).toMatch(
      new RegExp(
        `datagram +udp #${id} ← 127\\.0\\.0\\.1:${local} 28 B datagram — recvfrom\\(5\\) returns 5 B "Estou", 23 B discarded$`,
      ),
    );
    expect(said[1]).toContain('10 B datagram — recvfrom(5) returns 5 B "`<b>\\x1b", 5 B discarded');
    for (const l of lines) expect(l).not.toMatch(/[\x00-\x1f\x7f]/);
  });
});
