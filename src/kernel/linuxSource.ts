import fs from 'node:fs';
import path from 'node:path';
import { OwnerIndex } from './owners.js';
import { parseProcNetTcp } from './procNetTcp.js';
import type { Availability, KernelSocket, KernelSource, Owner } from './types.js';

/** Where /proc is: SOCKLAB_PROC_ROOT moves it (a test points it at an empty folder). */
export function procRootFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.SOCKLAB_PROC_ROOT || '/proc';
}

/** The kernel's TCP sockets from <procRoot>/net/tcp and tcp6; owners from <procRoot>/PID/fd. */
export class LinuxProcSource implements KernelSource {
  private readonly index: OwnerIndex;

  constructor(
    private readonly procRoot = procRootFromEnv(),
    private readonly platform: string = process.platform,
  ) {
    this.index = new OwnerIndex(procRoot);
  }

  available(): Availability {
    if (this.platform !== 'linux') return { ok: false, why: 'not-linux' };
    try {
      fs.accessSync(path.join(this.procRoot, 'net', 'tcp'), fs.constants.R_OK);
      return { ok: true };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { ok: false, why: code === 'EACCES' ? 'unreadable' : 'no-proc' };
    }
  }

  sample(ports?: ReadonlySet<number>): KernelSocket[] {
    return this.parse(this.read('tcp'), this.read('tcp6'), ports);
  }

  async sampleAsync(ports?: ReadonlySet<number>): Promise<KernelSocket[]> {
    const [v4, v6] = await Promise.all([this.readAsync('tcp'), this.readAsync('tcp6')]);
    return this.parse(v4, v6, ports);
  }

  owners(sockets: readonly Pick<KernelSocket, 'inode' | 'uid'>[]): Map<number, Owner> {
    return this.index.owners(sockets);
  }

  private parse(v4: string, v6: string, ports?: ReadonlySet<number>): KernelSocket[] {
    return [...parseProcNetTcp(v4, 4, ports), ...parseProcNetTcp(v6, 6, ports)];
  }

  /** The file's text; '' when it is not there (tcp6 without IPv6) or went away. */
  private read(name: string): string {
    try {
      return fs.readFileSync(path.join(this.procRoot, 'net', name), 'latin1');
    } catch {
      return '';
    }
  }

  /** The same in libuv's thread pool. */
  private readAsync(name: string): Promise<string> {
    return fs.promises.readFile(path.join(this.procRoot, 'net', name), 'latin1').catch(() => '');
  }
}

/** Where no kernel view exists: says why, and samples nothing. */
export class UnavailableSource implements KernelSource {
  constructor(private readonly why: 'not-linux' | 'no-proc' | 'unreadable') {}
  available(): Availability {
    return { ok: false, why: this.why };
  }
  sample(): KernelSocket[] {
    return [];
  }
  async sampleAsync(): Promise<KernelSocket[]> {
    return [];
  }
  owners(): Map<number, Owner> {
    return new Map();
  }
}

/** This machine's source: /proc on Linux; elsewhere none yet (a netstat-based one could go here). */
export function defaultSource(procRoot = procRootFromEnv()): KernelSource {
  return process.platform === 'linux'
    ? new LinuxProcSource(procRoot)
    : new UnavailableSource('not-linux');
}
