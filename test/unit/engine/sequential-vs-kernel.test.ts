// Sequential mode as the kernel sees it. Node accepts every connection at once (libuv drains
// the accept queue), so a "queued" connection is not in the listen backlog: `ss -ltn` shows the
// listener's Recv-Q 0, and the queued socket ESTABLISHED, owned by socklab, its bytes unread in
// its Recv-Q. The words socklab shows for it (timeline, status, help, NDJSON lines, labs 3a/3b)
// must say that, in both languages, and never that it waits in the backlog.
import { afterEach, describe, expect, it } from 'vitest';
import { type Lang, type MessageKey, t as say, setLang } from '../../../src/i18n/i18n.js';
import { makeEngine, rawClient, type TestEngine } from '../../helpers/lab.js';
import { procTcp, procTcpRows } from '../../helpers/procTcp.js';

let t: TestEngine | null = null;
afterEach(async () => {
  setLang('en');
  await t?.close();
  t = null;
});

const MSG = 'Estou enviando uma mensagem!';

/** Every text that describes a queued connection, or what a Python server would do instead. */
const QUEUED_TEXTS: MessageKey[] = [
  'timeline.queued',
  'status.sequential',
  'help.opt.sequential',
  'line.queued',
  'lab.3a.observe',
  'lab.3a.answer',
  'lab.3b.observe',
  'lab.3b.answer',
];

describe('sequential mode agrees with the kernel', () => {
  it('a queued connection is accepted with its bytes in Recv-Q; the listener’s accept queue is empty', async () => {
    t = makeEngine();
    const lab = t;
    lab.engine.setMode('sequential');
    const port = await lab.listenAndWait();
    const first = await rawClient(port);
    await lab.until((s) => s.connections.find((c) => c.state === 'open'));
    const second = await rawClient(port);
    await new Promise<void>((r) => first.write(MSG, () => r()));
    await new Promise<void>((r) => second.write(MSG, () => r()));
    const queued = await lab.until((s) => s.connections.find((c) => c.state === 'queued'));
    expect(queued.peer.port).toBe(second.localPort);
    const conn = await lab.until(() => {
      const row = procTcp(port, second.localPort as number);
      return row && row.rxQueue === MSG.length ? row : null;
    });
    expect(conn.state).toBe('ESTABLISHED'); // accepted by Node
    const listener = procTcpRows().find((r) => r.localPort === port && r.state === 'LISTEN');
    expect(listener?.rxQueue).toBe(0); // nothing waits in the accept queue
    first.destroy();
    second.destroy();
  });

  it.each(['en', 'pt-BR'] as Lang[])('its words say so (%s)', (lang) => {
    setLang(lang);
    const vars = { connection: 2, listener: 1, position: 1 };
    for (const key of QUEUED_TEXTS) {
      const text = say(key, vars);
      // socklab's own queued connection is never said to be in the backlog.
      expect(text, key).not.toMatch(
        /waits? in the (?:listen )?backlog|into the listen backlog|from the backlog|no backlog|na fila de escuta \(backlog\)|do backlog/,
      );
    }
    const kernelWords = lang === 'en' ? /accepted/ : /aceit/;
    for (const key of ['timeline.queued', 'lab.3a.observe', 'lab.3a.answer'] as MessageKey[]) {
      expect(say(key, vars), key).toMatch(kernelWords);
      expect(say(key, vars), key).toMatch(/Recv-Q|kernel/);
    }
    // The lab's Python server does leave it in the accept queue: the answer says both.
    expect(say('lab.3a.answer')).toMatch(/accept\(\)/);
  });
});
