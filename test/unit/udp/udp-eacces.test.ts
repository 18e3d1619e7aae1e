// A UDP port below 1024 as an unprivileged user: EACCES in bind, with the privileged-port
// explanation TCP's lab 2b gives. CI runs as root, so the bind runs as uid 65534.
import { describe, expect, it } from 'vitest';
import { explainError } from '../../../src/i18n/explainError.js';
import { bind700AsNobody } from '../../helpers/asNobody.js';

describe('UDP below 1024', () => {
  it('EACCES for UDP port 700 as uid 65534, explained as a privileged port', async (ctx) => {
    const skip = (why: string) => {
      console.log(`skipping UDP EACCES test: ${why}`);
      ctx.skip();
    };
    const got = await bind700AsNobody('udp');
    if ('skip' in got) return skip(got.skip);
    const { uid, view } = got;
    expect(uid).toBe(65534);
    expect(view.state).toBe('failed');
    expect(view.error).toMatchObject({ code: 'EACCES', syscall: 'bind', port: 700, udp: true });
    expect(explainError(view.error)).toMatch(/privileged/);
    expect(explainError(view.error)).toContain('CAP_NET_BIND_SERVICE');
  });
});
