import type { Database } from 'better-sqlite3';
import { SiftError } from '../../../shared/api-errors.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';

export interface MigrationHooks {
  /** Called once before an existing library is upgraded, e.g. to snapshot it. */
  beforeMigrate?: (db: Database, fromVersion: number, toVersion: number) => void;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every pending migration, each in its own transaction together with its user_version bump. */
export function runMigrations(db: Database, filePath: string, hooks: MigrationHooks = {}): void {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new SiftError(
      'library-damaged',
      `${filePath} was written by a newer Sift (schema ${current}; this one knows ${LATEST_SCHEMA_VERSION}). Update Sift to open it.`,
    );
  }
  if (current === LATEST_SCHEMA_VERSION) return;
  if (current > 0) hooks.beforeMigrate?.(db, current, LATEST_SCHEMA_VERSION);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
