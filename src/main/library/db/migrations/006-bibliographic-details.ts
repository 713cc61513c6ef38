import type { Database } from 'better-sqlite3';

/**
 * What tells apart two works that share a title, as the source stated it: volume and edition of a
 * book, the entry type ("book", "chapter", "article-journal"). Read by the identity rule before a
 * title-only merge; NULL when no source said.
 */
export function migration006BibliographicDetails(db: Database): void {
  db.exec(`
    ALTER TABLE papers ADD COLUMN volume TEXT;
    ALTER TABLE papers ADD COLUMN edition TEXT;
    ALTER TABLE papers ADD COLUMN entry_type TEXT;
  `);
}
