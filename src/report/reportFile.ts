import fs from 'node:fs';
import path from 'node:path';
import { escapeText } from '../format/escapeBytes.js';
import { t } from '../i18n/i18n.js';

// A report is written once, at exit (or on `w`). The path is tried at start so that a bad
// one is a usage error before any socket opens; an old report at that path stays whole
// until the new one is complete, then the new one takes its place in one rename.

/** Why `file` cannot take a report (an errno code), or null when it can. Leaves no file behind. */
export function reportPathProblem(file: string): string | null {
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (st?.isDirectory()) return 'EISDIR';
    if (!st) {
      // Create it, write a byte (a full disk says so here), and take it away again.
      const fd = fs.openSync(file, 'wx');
      try {
        fs.writeSync(fd, '\n');
      } finally {
        fs.closeSync(fd);
        fs.rmSync(file, { force: true });
      }
    } else if (st.isFile()) {
      // Opened for writing, not truncated: the old report is kept until exit.
      fs.closeSync(fs.openSync(file, 'r+'));
    } else {
      // A device or a pipe: an empty write is what /dev/full refuses; a pipe without a
      // reader refuses the non-blocking open.
      const { O_WRONLY, O_APPEND, O_NONBLOCK } = fs.constants;
      const fd = fs.openSync(file, O_WRONLY | O_APPEND | O_NONBLOCK);
      try {
        fs.writeSync(fd, Buffer.alloc(0));
      } finally {
        fs.closeSync(fd);
      }
    }
    return null;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return e.code ?? e.message;
  }
}

/**
 * Write the report to `file`. A regular file is written beside itself and renamed over,
 * so a failed write (a full disk) leaves the old report whole and no half of a new one;
 * where the folder refuses a new file, the file is written in place. Throws the error.
 */
export function writeReportFile(file: string, text: string): void {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (st && !st.isFile()) {
    fs.writeFileSync(file, text); // a device, a pipe; a folder throws EISDIR
    return;
  }
  const real = st ? fs.realpathSync(file) : file;
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', st ? st.mode & 0o777 : 0o666);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (st && (code === 'EACCES' || code === 'EPERM')) {
      fs.writeFileSync(real, text);
      return;
    }
    throw err;
  }
  try {
    try {
      fs.writeFileSync(fd, text);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, real);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

export interface Saved {
  /** What to tell the user: written, or why not. */
  line: string;
  failed: boolean;
}

/** Build and write a report; any failure (building it included) becomes the line to show. */
export function saveReport(file: string, build: () => string): Saved {
  const name = escapeText(file); // typed by the user: shown on the status row and stderr
  try {
    writeReportFile(file, build());
    return { line: t('report.written', { file: name }), failed: false };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { line: t('report.failed', { file: name, error: e.code ?? e.message }), failed: true };
  }
}
