import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SenderCommand, SenderReply } from './senderProtocol.js';

// Beside this file: sender.ts under tsx, or sender.js in the transpiled copy (transpile.ts).
const TS = import.meta.url.endsWith('.ts');
const SENDER = fileURLToPath(new URL(TS ? './sender.ts' : './sender.js', import.meta.url));

/** The parent's handle on a sending child process (sender.ts). */
export class Sender {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, (r: SenderReply) => void>();
  private readonly ready: Promise<void>;

  constructor() {
    this.child = fork(SENDER, [], { execArgv: TS ? ['--import', 'tsx'] : [], stdio: 'inherit' });
    this.ready = new Promise((resolve, reject) => {
      this.child.once('error', reject);
      this.child.on('message', (r: SenderReply) => {
        if (r.id === 0) return resolve();
        this.pending.get(r.id)?.(r);
        this.pending.delete(r.id);
      });
    });
  }

  /** Send a command; resolves with the reply once the child has finished it. */
  async ask(c: SenderCommand): Promise<SenderReply> {
    await this.ready;
    const id = this.nextId++;
    const reply = new Promise<SenderReply>((resolve) => this.pending.set(id, resolve));
    this.child.send({ ...c, id });
    const r = await reply;
    if (r.error) throw new Error(`sender ${c.cmd}: ${r.error}`);
    return r;
  }

  /** Send a command whose reply comes later (an infinite stream). */
  start(c: SenderCommand): Promise<SenderReply> {
    return this.ask(c);
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}
