// Issue 13 item 6: a host typed on the command line with C1 controls in it
// (`-l $'\u009d0;PWNED\u009c:0'`, OSC 0 = set the title, in its 8-bit form) came out raw in
// NDJSON, on stdout and in --log, because JSON.stringify leaves U+007F–U+009F as they are.
// A terminal showing that output changed its title. The real CLI, its bytes, a real terminal.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import xtermHeadless from '@xterm/headless';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { disposeAll, spawnCli, tmpDir } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });
afterAll(disposeAll);

const { Terminal } = xtermHeadless;

const OSC_TITLE = '\u009d0;PWNED\u009c';
const CSI_CLEAR = '\u009b2J';
// (U+2028 counts as a space: parseEndpoint rejects it, see output-args.test.ts.)
const BIDI = '\u202eevil\u2066\u200b\u200f';
const RAW = /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/;

/** What a terminal does with `text`: its title afterwards, and whether anything cleared it. */
async function showInTerminal(text: string): Promise<{ title: string; firstRow: string }> {
  const term = new Terminal({ cols: 200, rows: 10, allowProposedApi: true });
  let title = '';
  term.onTitleChange((t) => (title = t));
  await new Promise<void>((r) => term.write(text.replace(/\n/g, '\r\n'), r));
  const firstRow = term.buffer.active.getLine(0)?.translateToString(true) ?? '';
  term.dispose();
  return { title, firstRow };
}

describe('NDJSON never carries C1, DEL, bidi or zero-width characters raw', () => {
  it('--headless --json -l with an OSC title and a CSI clear in the host: stdout and --log', async () => {
    const log = path.join(tmpDir(), 'events.ndjson');
    const hosts = [OSC_TITLE, CSI_CLEAR, `x\u007f${BIDI}`];
    // A listener that works keeps socklab running until the SIGTERM.
    const args = ['--headless', '--json', '--log', log, '-l', '127.0.0.1:0'];
    for (const h of hosts) args.push('-l', `${h}:0`);
    const child = spawnCli(args);
    // Each host fails to resolve: one bind-error per listener, the host in `address`.
    for (let id = 2; id <= hosts.length + 1; id++) {
      await child.waitForEvent((e) => e.type === 'bind-error' && e.listener === id, 20_000);
    }
    child.signal('SIGTERM');
    expect((await child.exited).code).toBe(0);
    const stdout = child.lines.join('\n');
    const file = readFileSync(log, 'utf8');
    for (const [where, text] of [
      ['stdout', stdout],
      ['--log', file],
    ] as const) {
      const shown = await showInTerminal(text);
      expect(shown.title, `${where} retitled the terminal`).toBe('');
      expect(shown.firstRow, `${where}: the first line was cleared`).toContain('"type":');
      const raw = RAW.exec(text);
      expect(raw, `${where}: raw U+${raw?.[0].codePointAt(0)?.toString(16)}`).toBeNull();
      // Still valid JSON, and the host comes back exactly as typed.
      const errors = text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l))
        .filter((e) => e.type === 'bind-error');
      expect(errors.map((e) => e.address)).toEqual(hosts);
    }
  });
});
