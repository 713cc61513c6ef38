import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';

interface PaperStateRow {
  id: number;
  status: string;
  starred: number;
  position: number | null;
  read_at: string | null;
  starred_at: string | null;
  status_changed_at: string;
}

interface UndoEntry {
  label: string;
  papers: PaperStateRow[];
  tagLinks: { paper_id: number; tag_id: number }[];
}

/** How many reader actions `u` can step back through. */
const UNDO_DEPTH = 100;

/**
 * Reader actions are undone by restoring the affected papers' state as it was before, in one
 * transaction. Kept in memory per open library: undo is for "oops", not for history.
 */
export class UndoHistory {
  readonly #entries: UndoEntry[] = [];

  /** Call inside the action's transaction, before it writes. */
  record(db: Database, label: string, ids: readonly number[]): void {
    const papers: PaperStateRow[] = [];
    const tagLinks: UndoEntry['tagLinks'] = [];
    const selectPaper = prepared<[number], PaperStateRow>(
      db,
      `SELECT id, status, starred, position, read_at, starred_at, status_changed_at FROM papers WHERE id = ?`,
    );
    const selectTags = prepared<[number], { paper_id: number; tag_id: number }>(
      db,
      `SELECT paper_id, tag_id FROM paper_tags WHERE paper_id = ?`,
    );
    for (const id of ids) {
      const row = selectPaper.get(id);
      if (row) papers.push(row);
      tagLinks.push(...selectTags.all(id));
    }
    this.#entries.push({ label, papers, tagLinks });
    if (this.#entries.length > UNDO_DEPTH) this.#entries.shift();
  }

  undo(db: Database): string | null {
    const entry = this.#entries.pop();
    if (!entry) return null;
    db.transaction(() => {
      const restore = prepared(
        db,
        `UPDATE papers SET status = @status, starred = @starred, position = @position, read_at = @read_at,
           starred_at = @starred_at, status_changed_at = @status_changed_at WHERE id = @id`,
      );
      const clearTags = prepared(db, `DELETE FROM paper_tags WHERE paper_id = ?`);
      const addTag = prepared(db, `INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) SELECT ?, id FROM tags WHERE id = ?`);
      for (const paper of entry.papers) {
        restore.run(paper);
        clearTags.run(paper.id);
      }
      for (const link of entry.tagLinks) addTag.run(link.paper_id, link.tag_id);
    })();
    return entry.label;
  }

  /** A restore replaces the papers under the reader: recorded steps would undo into a library that is gone. */
  clear(): void {
    this.#entries.length = 0;
  }

  get size(): number {
    return this.#entries.length;
  }
}
