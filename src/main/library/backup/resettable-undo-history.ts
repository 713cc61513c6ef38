import type { Database } from 'better-sqlite3';
import { UndoHistory } from '../papers/undo-history.ts';

/**
 * An UndoHistory that can be emptied. A restore replaces papers under the reader's feet, so any
 * recorded step would "undo" into a library that no longer exists. The API handlers hold on to the
 * history object they were given, so it cannot simply be swapped: this one delegates to an inner
 * history and replaces that instead.
 */
export class ResettableUndoHistory extends UndoHistory {
  #inner = new UndoHistory();

  override record(db: Database, label: string, ids: readonly number[]): void {
    this.#inner.record(db, label, ids);
  }

  override undo(db: Database): string | null {
    return this.#inner.undo(db);
  }

  override get size(): number {
    return this.#inner.size;
  }

  clear(): void {
    this.#inner = new UndoHistory();
  }
}

/** Empties a library's undo history (a no-op for a history that cannot be emptied). */
export function clearUndoHistory(history: UndoHistory): void {
  if (history instanceof ResettableUndoHistory) history.clear();
}
