// Issue 13 item 12: messages that sent the user the wrong way. `-l [::1]` was told to "write
// an IPv6 address in brackets" (the brackets are there; the port is missing), and a host with
// a C1 control character, which getaddrinfo rejects with EINVAL (libuv's IDNA conversion
// refuses it, as it refuses "xn--" or a name over 253 characters), was explained as "an
// address of the wrong family or a socket already bound". Real CLI runs and lookups; both
// languages. (C0 controls are looked up and come back ENOTFOUND, explained as such.)
import { afterAll, describe, expect, it, vi } from 'vitest';
import { disposeAll, listeningPort, runCli, spawnCli } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });
afterAll(disposeAll);

describe('-l with brackets and no port', () => {
  it.each([
    ['en', '[::1]', /port is missing/, /\[::1\]:PORT/],
    ['en', '[::]', /port is missing/, /\[::\]:PORT/],
    ['pt-BR', '[::1]', /falta a porta/, /\[::1\]:PORTA/],
  ])('%s: -l %s → exit 2, "the port is missing"', async (lang, text, says, example) => {
    const r = await runCli(['--lang', lang, '-l', text]);
    console.log(`-l ${text} (${lang}): ${r.stderr.trim()}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(says);
    expect(r.stderr).toMatch(example);
    expect(r.stderr).not.toMatch(/brackets|colchetes/);
  });

  it('an unclosed bracket is named as such', async () => {
    const r = await runCli(['-l', '[::1:9000']);
    console.log(`-l [::1:9000: ${r.stderr.trim()}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no closing "\]"/);
  });

  it('IPv6 without brackets still gets the bracket advice', async () => {
    const r = await runCli(['-l', '::1:9000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/in brackets, e\.g\. \[::1\]:9999/);
  });
});

describe('a host getaddrinfo rejects (EINVAL): "not a valid host name"', () => {
  it.each([
    ['en', /not a valid host name/],
    ['pt-BR', /não é um nome de host válido/],
  ])('%s: listener and `socklab send`', async (lang, says) => {
    const child = spawnCli([
      '--lang',
      lang,
      '--headless',
      '--json',
      '-l',
      '127.0.0.1:0',
      '-l',
      'bad\u009bhost:0',
    ]);
    await listeningPort(child);
    const e = await child.waitForEvent((x) => x.type === 'bind-error');
    console.log(`listener (${lang}): ${e.code} ${e.syscall}: ${e.explanation}`);
    expect([e.code, e.syscall]).toEqual(['EINVAL', 'getaddrinfo']);
    expect(e.explanation).toMatch(says);
    expect(e.explanation).toContain('bad\\x9bhost'); // named, escaped
    expect(e.explanation).not.toMatch(/wrong family|already bound|família errada|já fez bind/);
    child.signal('SIGTERM');
    await child.exited;

    const send = await runCli(['--lang', lang, 'send', 'bad\u009bhost:7', 'x']);
    console.log(`send (${lang}): ${send.stdout.trim()}`);
    expect(send.code).toBe(1);
    expect(send.stdout).toMatch(says);
    expect(send.stdout).not.toMatch(/wrong family|already bound|família errada|já fez bind/);
  });
});

describe('a host with a C0 control or a tab: "not a valid host name", never "does not resolve" or "spaces"', () => {
  it.each([
    ['en', 'loc\u0001alhost', /not a valid host name/],
    ['en', 'local\u001bhost', /not a valid host name/],
    ['en', 'loc\talhost', /not a valid host name/],
    ['pt-BR', 'loc\u0001alhost', /não é um nome de host válido/],
  ])('%s: -l %j', async (lang, host, says) => {
    const child = spawnCli(['--lang', lang, '--headless', '--json', '-l', `${host}:0`]);
    const e = await child.waitForEvent((x) => x.type === 'bind-error');
    console.log(`-l ${JSON.stringify(host)} (${lang}): ${e.code}: ${e.explanation}`);
    expect(e.explanation).toMatch(says);
    expect(e.explanation).not.toMatch(/does not resolve|não resolve|spaces|espaços/);
  });
});
