// `socklab send` speaks the chosen language, figures included: a real listener here takes
// 1,500 bytes and answers 1,200 before it closes.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

let server: net.Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

/** A listener that reads all the client sends, then answers 1,200 bytes and closes. */
async function answering(): Promise<number> {
  server = net.createServer({ allowHalfOpen: true }, (s) => {
    s.resume();
    s.on('end', () => s.end(Buffer.alloc(1200, 0x6f)));
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return (server.address() as net.AddressInfo).port;
}

describe('socklab send in each language', () => {
  it('pt-BR: conectado, enviados 1.500 bytes, recebidos …; nothing in English', async () => {
    const port = await answering();
    const r = await runCli(['--lang', 'pt-BR', 'send', `127.0.0.1:${port}`, 'x'.repeat(1500)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^conectado a 127\\.0\\.0\\.1:${port} pela porta local \\d+ \\(127\\.0\\.0\\.1:\\d+\\)$`,
        'm',
      ),
    );
    expect(r.stdout).toMatch(/^enviados 1\.500 bytes$/m);
    expect(r.stdout).toMatch(/^recebidos [\d.]+ bytes: "o+/m);
    expect(r.stdout).not.toMatch(/connected|sent|received/);
  });

  it('en: connected to …, sent 1,500 bytes', async () => {
    const port = await answering();
    const r = await runCli(['--lang', 'en', 'send', `127.0.0.1:${port}`, 'x'.repeat(1500)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`^connected to 127\\.0\\.0\\.1:${port} from local port \\d+ `, 'm'),
    );
    expect(r.stdout).toMatch(/^sent 1,500 bytes$/m);
    expect(r.stdout).toMatch(/^received [\d,]+ bytes: "o+/m);
  });
});
