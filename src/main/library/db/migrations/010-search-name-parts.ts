import type { Database } from 'better-sqlite3';

/**
 * Adds a `names` column to the search index, after `title`: the parts of camel-case and letter-digit
 * words and the joined form of hyphenated names (see search/name-parts.ts), so "mamba" finds
 * "SpikMamba" and "olafworld" finds "Olaf-World". FTS5 tables cannot gain a column, so the index is
 * rebuilt: every paper is queued for indexing again (the engine indexes the queue before its next
 * search). The new index starts empty, so nothing queued needs deleting from it first.
 *
 * The index's rowid is no longer the paper id but a static rank key (search/static-rank.ts: title
 * length, then id), so a common word's best matches come first without scoring them all;
 * `search_rowids` remembers each paper's key, which deleting its old index row needs.
 */
export function migration010SearchNameParts(db: Database): void {
  db.exec(`
    DROP TABLE papers_fts_vocab;
    DROP TABLE papers_fts;
    CREATE VIRTUAL TABLE papers_fts USING fts5 (
      title, names, authors, abstract, tags, note, facets,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE papers_fts_vocab USING fts5vocab (papers_fts, 'row');
    CREATE TABLE search_rowids (
      paper_id INTEGER PRIMARY KEY,
      fts_rowid INTEGER NOT NULL
    ) STRICT;
    UPDATE search_queue SET indexed = 0;
    INSERT OR IGNORE INTO search_queue (paper_id, indexed) SELECT id, 0 FROM papers;
  `);
}
