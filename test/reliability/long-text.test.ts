// Long text must not freeze the dashboard: a 100 KB host pasted into the `n` or `t` prompt is
// rejected there (a host name has at most 253 characters) and the keys keep working; on the
// command line a 60,000-character host exits 2 with the same explanation, in both languages.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../src/i18n/i18n.js';
import type { App } from '../e2e/pty.js';
import { disposeAll, runCli, startTracked } from './helpers.js';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 30_000 });
afterAll(disposeAll);

const CTRL_U = '\x15';
const en = catalogue('en');
const pt = catalogue('pt-BR');
/** The fixed start of the host-length message, before its first `{value}`. */
const opening = (text: string) => text.split('{')[0].trim();
const HUGE = 'A'.repeat(100 * 1024);

/** Clear the open prompt (its row shows `label`), paste `text`, Enter; the prompt row once `says` shows. */
async function pasteInto(app: App, label: string, text: string, says: string): Promise<string> {
  await app.waitFor((s) => s.includes(label));
  app.write(CTRL_U);
  await app.waitFor((s) => (s.split('\n').find((l) => l.includes(label)) ?? '').endsWith(label));
  await app.paste(text);
  // The box holds a bounded text and says so once the paste is in.
  await app.waitFor(
    (s) =>
      (s.split('\n').find((l) => l.includes(label)) ?? '').includes(opening(en['prompt.full'])),
    30_000,
  );
  app.key('enter');
  const screen = await app.waitFor(
    (s) => (s.split('\n').find((l) => l.includes(label)) ?? '').includes(says),
    30_000,
  );
  return screen.split('\n').find((l) => l.includes(label)) ?? '';
}

/** `?` opens the help overlay (its first row names every key) and `?` closes it again. */
async function helpStillOpens(app: App, what: string): Promise<void> {
  const t0 = Date.now();
  app.write('?');
  await app.waitFor((s) => s.includes(en['help.title']), 30_000);
  console.log(`${what}: ? → help overlay in ${Date.now() - t0} ms`);
  app.write('?');
  await app.waitFor((s) => !s.includes(en['help.title']), 30_000);
}

describe('long text', () => {
  it('a 100 KB host pasted into n is rejected at the prompt, and ? still opens help', async () => {
    const app = startTracked(['-l', '127.0.0.1:0'], { cols: 120, rows: 40 });
    await app.waitFor(/#1 127\.0\.0\.1:[1-9]\d* listening/);
    app.write('n');
    const row = await pasteInto(
      app,
      en['prompt.listen'],
      `${HUGE}:9000`,
      opening(en['endpoint.hostTooLong']),
    );
    expect(row).toContain('253');
    app.key('esc');
    await app.waitFor((s) => !s.includes(en['prompt.listen']));
    await helpStillOpens(app, 'after a 100 KB host in n');
    // Nothing was started for it.
    expect(app.screen()).toMatch(/Listeners 1\b/);
  });

  it('a 100 KB host pasted into t is rejected at the prompt, and ? still opens help', async () => {
    const app = startTracked(['-l', '127.0.0.1:0'], { cols: 120, rows: 40 });
    await app.waitFor(/#1 127\.0\.0\.1:[1-9]\d* listening/);
    // Tab to the client pane (listeners → connections → reads → client), where t is.
    for (let i = 0; i < 3; i++) app.key('tab');
    await app.waitFor(/▸ Client/);
    app.write('t');
    const row = await pasteInto(
      app,
      en['prompt.target'],
      `${HUGE}:9000`,
      opening(en['endpoint.hostTooLong']),
    );
    expect(row).toContain('253');
    app.key('esc');
    await app.waitFor((s) => !s.includes(en['prompt.target']));
    await helpStillOpens(app, 'after a 100 KB host in t');
  });

  it('-l with a 60,000-character host exits 2 with the message, in English and Portuguese', async () => {
    const host = 'A'.repeat(60_000);
    for (const [lang, c] of [
      ['en', en],
      ['pt-BR', pt],
    ] as const) {
      const r = await runCli(['--lang', lang, '-l', `${host}:1`], 20_000);
      expect(r.code, r.stderr.slice(0, 300)).toBe(2);
      expect(r.stderr).toContain(opening(c['endpoint.hostTooLong']));
      // The length written the language's way: 60,000 / 60.000.
      expect(r.stderr).toContain(lang === 'en' ? '60,000' : '60.000');
      // The message names the length, not the 60,000 characters.
      expect(r.stderr.length).toBeLessThan(1000);
    }
    // socklab send takes a HOST:PORT too.
    const send = await runCli(['send', `${host}:1`], 20_000);
    expect(send.code).toBe(2);
    expect(send.stderr).toContain(opening(en['endpoint.hostTooLong']));
  });
});
