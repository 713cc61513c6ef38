import type { Database } from 'better-sqlite3';

/**
 * Search that understands how papers are named, and ranks a common word's matches without scoring
 * them all.
 *
 * - `papers_fts` gains a `names` column after `title`: the parts of camel-case and letter-digit words
 *   and the joined form of hyphenated names (search/name-parts.ts), so "mamba" finds "SpikMamba" and
 *   "olafworld" finds "Olaf-World". FTS5 tables cannot gain a column, so the index is rebuilt: every
 *   paper is queued again, and the engine indexes the queue in the background when the library opens.
 * - `papers_names_fts` holds only the fields that say what a paper is (title, name parts, authors) and
 *   the filter facets, with a static rank as its rowid (search/static-rank.ts: shorter titles first).
 *   FTS5 returns matches in rowid order and stops when the reader stops, so the best k papers with the
 *   words in their title come out of "ORDER BY rowid LIMIT k" without visiting the rest. It keeps its
 *   own copy of the text (small): deleting from a contentless table whose rowids arrive out of order
 *   rewrites tombstones in every segment (measured ~7 ms a row at 100k papers), while a table with
 *   content deletes by its stored text. `search_rowids` remembers each paper's key there.
 */
export function migration005SearchNameParts(db: Database): void {
  db.exec(`
    DROP TABLE papers_fts_vocab;
    DROP TABLE papers_fts;
    CREATE VIRTUAL TABLE papers_fts USING fts5 (
      title, names, authors, abstract, tags, note, facets,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE papers_fts_vocab USING fts5vocab (papers_fts, 'row');
    CREATE VIRTUAL TABLE papers_names_fts USING fts5 (
      title, names, authors, facets,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE search_rowids (
      paper_id INTEGER PRIMARY KEY,
      names_rowid INTEGER NOT NULL
    ) STRICT;
    UPDATE search_queue SET indexed = 0;
    INSERT OR IGNORE INTO search_queue (paper_id, indexed) SELECT id, 0 FROM papers;
  `);
}
