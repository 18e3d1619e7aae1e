import fs from 'node:fs';

/** Clock ticks per second of /proc/PID/stat's times (`getconf CLK_TCK`: 100 on Linux). */
const CLK_TCK = 100;

/**
 * CPU-seconds (user + system, every thread) the process has used so far, from
 * /proc/PID/stat: a server's own cost, read from outside, whatever runs it.
 */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 2 (comm) may hold spaces and parentheses: count fields after its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after comm and state.
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** Resident set size in MiB (2^20 B), /proc/PID/status VmRSS. */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return (Number(m[1]) * 1024) / 2 ** 20;
}

/** The soft and hard limits on open files of this process (/proc/self/limits). */
export function openFileLimits(): { soft: number; hard: number } {
  const m = /^Max open files\s+(\d+)\s+(\d+)/m.exec(fs.readFileSync('/proc/self/limits', 'utf8'));
  return m ? { soft: Number(m[1]), hard: Number(m[2]) } : { soft: 0, hard: 0 };
}
