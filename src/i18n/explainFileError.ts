import { escapeText } from '../format/escapeBytes.js';
import { type MessageKey, t } from './i18n.js';

const FILE_REASON: Readonly<Record<string, MessageKey>> = {
  ENOSPC: 'file.ENOSPC',
  EFBIG: 'file.EFBIG',
  EDQUOT: 'file.EDQUOT',
  EPIPE: 'file.EPIPE',
  EIO: 'file.EIO',
  EACCES: 'file.EACCES',
  EPERM: 'file.EPERM',
  EROFS: 'file.EROFS',
  ENOENT: 'file.ENOENT',
  EISDIR: 'file.EISDIR',
  ENOTDIR: 'file.ENOTDIR',
};

/** "ENOSPC: no space left on the device": why a file (the log, a report) cannot be written. */
export function explainFileError(err: { code?: string; message?: string }): string {
  const key =
    err.code !== undefined && Object.hasOwn(FILE_REASON, err.code)
      ? FILE_REASON[err.code]
      : undefined;
  if (key) return `${err.code}: ${t(key)}`;
  // Node's own message already starts with the code: "EXDEV: cross-device link not permitted".
  return escapeText(err.message ?? err.code ?? t('errno.noDetails'));
}
