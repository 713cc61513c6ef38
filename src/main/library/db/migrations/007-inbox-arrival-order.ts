import type { Database } from 'better-sqlite3';

/**
 * The inbox order, made to follow arrival:
 * - `inbox_day`: the day a paper sorts under. Its digest's date, but never later than the day it arrived,
 *   so a digest dated 9999-12-31 cannot pin its papers to the top; a paper of a dateless digest (BibTeX,
 *   RIS, pasted links) sorts under the day it was imported.
 * - Within one day, the later import first (`added_at` is one timestamp per import), and within an import
 *   the digest's own order: files imported the same day no longer interleave by position.
 * A virtual generated column, so every writer (imports, restores, other processes) keeps it right without
 * knowing it exists.
 */
export function migration007InboxArrivalOrder(db: Database): void {
  db.exec(`
    ALTER TABLE papers ADD COLUMN inbox_day TEXT GENERATED ALWAYS AS
      (min(coalesce(digest_date, substr(added_at, 1, 10)), substr(added_at, 1, 10))) VIRTUAL;
    CREATE INDEX papers_inbox_arrival ON papers (status, inbox_day DESC, added_at DESC, digest_position, id);
    DROP INDEX papers_inbox_order;
  `);
}
