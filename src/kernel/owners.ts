import fs from 'node:fs';
import path from 'node:path';
import type { KernelSocket, Owner } from './types.js';

/** The longest command line kept, in characters: it is drawn in a row. */
const MAX_COMMAND = 200;
/** A fresh scan of every process's descriptors at most this often (they cost a readlink each). */
const RESCAN_MS = 1000;

const SOCKET_LINK = /^socket:\[(\d+)\]$/;

/**
 * Which process holds each socket: /proc/PID/fd/* links read `socket:[INODE]`. A scan reads
 * every descriptor of every process, so it runs only when a socket with an owner is not yet
 * known, and at most once a second; what it found is kept until the next scan (bounded by the
 * sockets that exist). Another user's /proc/PID/fd is unreadable unless root.
 */
export class OwnerIndex {
  private byInode = new Map<number, Owner>();
  private scannedAt = Number.NEGATIVE_INFINITY;
  private blind = false;

  constructor(
    private readonly procRoot: string,
    private readonly uid = process.getuid?.() ?? -1,
    private readonly now = () => Date.now(),
  ) {}

  owners(sockets: readonly Pick<KernelSocket, 'inode' | 'uid'>[]): Map<number, Owner> {
    const missing = sockets.some((s) => s.inode !== 0 && !this.byInode.has(s.inode));
    if (missing && this.now() - this.scannedAt >= RESCAN_MS) this.scan();
    const out = new Map<number, Owner>();
    for (const s of sockets) out.set(s.inode, this.ownerOf(s));
    return out;
  }

  private ownerOf(s: Pick<KernelSocket, 'inode' | 'uid'>): Owner {
    if (s.inode === 0) return { pid: null, why: 'none' };
    const known = this.byInode.get(s.inode);
    if (known) return known;
    // Not in any descriptor table this user can read: someone else's, if it is.
    const hidden = this.blind && s.uid !== this.uid;
    return { pid: null, why: hidden ? 'other-user' : 'unknown' };
  }

  private scan(): void {
    this.scannedAt = this.now();
    const found = new Map<number, Owner>();
    let blind = false;
    for (const entry of readdir(this.procRoot)) {
      if (!/^\d+$/.test(entry)) continue;
      const dir = path.join(this.procRoot, entry);
      const fdDir = path.join(dir, 'fd');
      let fds: string[];
      try {
        fds = fs.readdirSync(fdDir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EACCES') blind = true;
        continue;
      }
      let owner: Owner | null = null;
      for (const fd of fds) {
        let link: string;
        try {
          link = fs.readlinkSync(path.join(fdDir, fd));
        } catch {
          continue;
        }
        const m = SOCKET_LINK.exec(link);
        if (!m) continue;
        owner ??= processOf(dir, Number(entry));
        found.set(Number(m[1]), owner);
      }
    }
    this.byInode = found;
    this.blind = blind;
  }
}

function readdir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** comm ("python3") and the command line ("python3 servidor.py 9999"), cut to MAX_COMMAND. */
function processOf(dir: string, pid: number): Owner {
  const name = readText(path.join(dir, 'comm')).trim();
  // argv[0] without its folder, as a student typed it: "python3 servidor.py", not the pyenv path.
  const argv = readText(path.join(dir, 'cmdline')).split('\0').filter(Boolean);
  if (argv.length > 0) argv[0] = path.basename(argv[0]);
  const args = argv.join(' ');
  const command = [...(args || name)].slice(0, MAX_COMMAND).join('');
  return { pid, name: name || command, command };
}
