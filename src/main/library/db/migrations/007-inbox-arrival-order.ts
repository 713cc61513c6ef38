import type { Database } from 'better-sqlite3';

/**
 * The inbox order, made to follow arrival:
 * - `inbox_day`: the day a paper sorts under. Its digest's date, but never later than the day it arrived,
 *   so a digest dated 9999-12-31 cannot pin its papers to the top; a paper of a dateless digest (BibTeX,
 *   RIS, pasted links) sorts under the day it was imported.
 * - Within one day, the later import first (`added_at` is one timestamp per import), and within an import
 *   the digest's own order: files imported the same day no longer interleave by position.
 * Also `triaged_at`, when a paper left the inbox, indexed, so "triaged per day" (Stats) is an index range.
 * A virtual generated column, so every writer (imports, restores, other processes) keeps it right without
 * knowing it exists.
 */
export function migration007InboxArrivalOrder(db: Database): void {
  db.exec(`
    ALTER TABLE papers ADD COLUMN inbox_day TEXT GENERATED ALWAYS AS
      (min(coalesce(digest_date, substr(added_at, 1, 10)), substr(added_at, 1, 10))) VIRTUAL;
    CREATE INDEX papers_inbox_arrival ON papers (status, inbox_day DESC, added_at DESC, digest_position, id);
    DROP INDEX papers_inbox_order;
    -- When a paper left the inbox: status_changed_at moves again when a queued paper is read, so the
    -- moment of triage needs its own column. Kept by triggers, so every writer keeps it right.
    ALTER TABLE papers ADD COLUMN triaged_at TEXT;
    UPDATE papers SET triaged_at = status_changed_at WHERE status <> 'inbox';
    CREATE INDEX papers_triaged_at ON papers (triaged_at) WHERE triaged_at IS NOT NULL;
    CREATE TRIGGER papers_leave_inbox AFTER UPDATE OF status ON papers
      WHEN old.status = 'inbox' AND new.status <> 'inbox' BEGIN
      UPDATE papers SET triaged_at = new.status_changed_at WHERE id = new.id;
    END;
    CREATE TRIGGER papers_back_to_inbox AFTER UPDATE OF status ON papers
      WHEN new.status = 'inbox' AND old.status <> 'inbox' BEGIN
      UPDATE papers SET triaged_at = NULL WHERE id = new.id;
    END;
    CREATE TRIGGER papers_arrive_triaged AFTER INSERT ON papers WHEN new.status <> 'inbox' AND new.triaged_at IS NULL BEGIN
      UPDATE papers SET triaged_at = coalesce(new.status_changed_at, new.added_at) WHERE id = new.id;
    END;
  `);
}
