import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * Gives the library a stable, random identity (`settings.libraryId`). Backups record it, so two
 * libraries in one folder (`papers.db`, `papers.sqlite`) never share, prune or restore each other's
 * backups. `OR IGNORE`: the upgrade path may already have stamped the id before its snapshot.
 */
export function migration003LibraryIdentity(db: Database): void {
  db.prepare(`INSERT OR IGNORE INTO settings (key, value) VALUES ('libraryId', ?)`).run(crypto.randomUUID());
}
