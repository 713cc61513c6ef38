// A library file exactly as the first released Sift created it: migration 001 only, schema version 1.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { MIGRATIONS } from '../../src/main/library/db/migrations/index.ts';

/** Creates the file with the version-1 schema and returns it open, for the caller to fill and close. */
export function createV1Library(file: string): Database {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    MIGRATIONS[0]?.up(db);
    db.pragma('user_version = 1');
  })();
  return db;
}
