import type { ErrorEntry, ErrorInfo, PortNote } from './types.js';

/** Errors and notes kept for the errors pane, newest first, until dismissed (the last 200). */
export class ErrorList {
  entries: readonly ErrorEntry[] = [];
  private nextId = 1;

  add(kind: ErrorEntry['kind'], subject: string, error: ErrorInfo | null, note: PortNote | null) {
    const entry: ErrorEntry = { id: this.nextId++, time: Date.now(), kind, subject, error, note };
    this.entries = [entry, ...this.entries].slice(0, 200);
  }

  /** One entry, or (no id) all of them. */
  dismiss(id?: number): void {
    this.entries = id === undefined ? [] : this.entries.filter((e) => e.id !== id);
  }
}
