import type { ErrorEntry } from '../state/types.js';
import { explainError } from './explainError.js';
import { portNoteText } from './portNoteText.js';

/** What an errors-pane entry says, in the current language. */
export function entryText(entry: ErrorEntry): string {
  if (entry.error) return explainError(entry.error);
  return entry.note ? portNoteText(entry.note) : '';
}
