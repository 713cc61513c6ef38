import type { Database } from 'better-sqlite3';

/**
 * What tells apart two works that share a title, as the source stated it: volume and edition of a
 * book, the entry type ("book", "chapter", "article-journal"). Read by the identity rule before a
 * title-only merge; NULL when no source said.
 *
 * `title_merges` remembers each merge made on the title alone: the record as it came in and the values
 * it replaced, so the reader can split a wrong one into two papers again.
 */
export function migration006BibliographicDetails(db: Database): void {
  db.exec(`
    ALTER TABLE papers ADD COLUMN volume TEXT;
    ALTER TABLE papers ADD COLUMN edition TEXT;
    ALTER TABLE papers ADD COLUMN entry_type TEXT;

    CREATE TABLE title_merges (
      id INTEGER PRIMARY KEY,
      digest_id INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      -- The incoming record (JSON), and {column: value before the merge} plus the links it added.
      incoming TEXT NOT NULL,
      replaced TEXT NOT NULL,
      added_links TEXT NOT NULL
    ) STRICT;
    CREATE INDEX title_merges_by_paper ON title_merges (paper_id);
  `);
}
