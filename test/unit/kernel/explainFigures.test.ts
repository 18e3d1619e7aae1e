// The kernel's queues said in a sentence group their figures like the rest of the screen.
// The rows are /proc/net/tcp's own format (parsed as the sampler parses it).
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/i18n.js';
import { explainSocket } from '../../../src/i18n/kernelText.js';
import { parseProcNetTcp } from '../../../src/kernel/procNetTcp.js';

const HEAD =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
// A listener with 1,000 connections waiting for accept(); an accepted connection holding
// 65,536 B unread and 8,192 B unacknowledged; one no accept() took yet, 1,500 B waiting.
const ROWS = `${HEAD}   0: 0100007F:270F 00000000:0000 0A 00000000:000003E8 00:00000000 00000000  1000        0 4241 1 0000000000000000 100 0 0 10 0
   1: 0100007F:270F 0100007F:9C40 01 00002000:00010000 00:00000000 00000000  1000        0 4242 1 0000000000000000 20 4 30 10 -1
   2: 0100007F:270F 0100007F:9C41 01 00000000:000005DC 00:00000000 00000000  1000        0 0 1 0000000000000000 20 4 30 10 -1
`;

afterEach(() => setLang('en'));

describe('kernel sentences in each language', () => {
  it('pt-BR: 1.000 conexões, 65.536 B, 8.192 B, 1.500 B', () => {
    setLang('pt-BR');
    const [listen, both, waiting] = parseProcNetTcp(ROWS, 4).map(explainSocket);
    expect(listen).toMatch(/^1\.000 conexões esperam na fila de accept/);
    expect(both).toBe('65.536 B recebidos e não lidos; 8.192 B enviados e não confirmados');
    expect(waiting).toMatch(/seus 1\.500 B já esperam no kernel$/);
  });

  it('en: 1,000 connections, 65,536 B, 8,192 B', () => {
    const [listen, both] = parseProcNetTcp(ROWS, 4).map(explainSocket);
    expect(listen).toMatch(/^1,000 /);
    expect(both).toBe('65,536 B received and not yet read; 8,192 B sent and not yet acknowledged');
  });
});
