// Keys typed before a text box is drawn act as if typed into it: every line is sent, Backspace
// erases and Ctrl+U clears (they reached the wire as \x7f and \x15, and lines after the first
// were dropped).
import { afterEach, expect, it } from 'vitest';
import { renderApp, runCleanups, testLab } from '../helpers/ink.js';

afterEach(runCleanups);

async function typedFast(chunk: string, bytes: number): Promise<string> {
  const t = testLab();
  await t.listenAndWait();
  const ink = renderApp(t);
  await new Promise((r) => setTimeout(r, 100));
  ink.stdin.write(`c\r${chunk}`); // c, Enter opens the message box, then the text at once
  const served = await t.until((s) =>
    s.connections.find((c) => c.kind === 'accepted' && c.bytesIn >= bytes),
  );
  await new Promise((r) => setTimeout(r, 200)); // nothing more arrives
  const now = t.snap().connections.find((c) => c.id === served.id);
  return Buffer.concat((now?.recentReads ?? []).map((r) => Buffer.from(r.preview))).toString();
}

it('three lines typed before the box is drawn: all three are sent', async () => {
  expect(await typedFast('one\rtwo\rthree\r', 11)).toBe('onetwothree');
});

it('Backspace and Ctrl+U typed before the box is drawn erase and clear', async () => {
  expect(await typedFast('hellp\x7fo\r', 5)).toBe('hello');
  await runCleanups();
  expect(await typedFast('junk\x15ok\r', 2)).toBe('ok');
});
