import type { Database } from 'better-sqlite3';

/**
 * Each paper's words and authors as term counts, kept so the reader model is rebuilt from stored
 * vectors instead of re-reading and re-tokenising every abstract (tens of seconds of CPU at 100,000
 * papers). Derived state: filled by the learning process for papers that lack a row, never by an
 * import (no trigger runs when a paper is inserted); the triggers only drop a row whose text changed
 * or whose paper went, so it is written again. A restore leaves both tables to these triggers (a
 * trigger-written table and `learn_terms` are not content); export ignores them.
 * - `learn_terms`: one id per term ever seen ("diffusion", "@jane doe"), append-only.
 * - `paper_vectors.features`: n little-endian uint32 term ids, then n uint8 counts (title words weigh 3).
 */
export function migration009PaperVectors(db: Database): void {
  db.exec(`
    CREATE TABLE learn_terms (
      id INTEGER PRIMARY KEY,
      term TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE TABLE paper_vectors (
      paper_id INTEGER PRIMARY KEY,
      features BLOB NOT NULL
    ) STRICT;
    CREATE TRIGGER paper_vectors_text_changed AFTER UPDATE OF title, abstract, authors ON papers BEGIN
      DELETE FROM paper_vectors WHERE paper_id = new.id;
    END;
    -- Also what keeps a reused id (a restore puts papers back under their ids) from finding an old row.
    CREATE TRIGGER paper_vectors_paper_deleted AFTER DELETE ON papers BEGIN
      DELETE FROM paper_vectors WHERE paper_id = old.id;
    END;
  `);
}
