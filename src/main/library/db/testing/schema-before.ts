// For migration tests: a library file as an older Sift left it, every migration before the one under
// test applied and the schema version set to match, open on a raw connection for the test to fill.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { MIGRATIONS } from '../migrations/index.ts';

export function openSchemaBefore(file: string, migrationName: string): Database {
  const before = MIGRATIONS.findIndex((migration) => migration.name === migrationName);
  if (before < 0) throw new Error(`no migration named "${migrationName}"`);
  const db = new BetterSqlite3(file);
  for (const migration of MIGRATIONS.slice(0, before)) migration.up(db);
  db.pragma(`user_version = ${MIGRATIONS[before - 1]?.version ?? 0}`);
  return db;
}
