import type { Database } from 'better-sqlite3';
import { SiftError } from '../../../shared/api-errors.ts';
import { ensureLibraryId } from './library-identity.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import { withWriteLock } from './write-lock.ts';

export interface MigrationHooks {
  /** Called once before an existing library is upgraded, e.g. to snapshot it; `db` holds the write lock. */
  beforeMigrate?: (db: Database, fromVersion: number, toVersion: number, libraryId: string) => void;
  /** Told when another process holds the write lock and opening waits for it. */
  onWait?: (message: string) => void;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertKnownVersion(version: number, filePath: string): void {
  if (version > LATEST_SCHEMA_VERSION) {
    throw new SiftError(
      'library-damaged',
      `${filePath} was written by a newer Sift (schema ${version}; this one knows ${LATEST_SCHEMA_VERSION}). Update Sift to open it.`,
    );
  }
}

/**
 * Brings the schema up to date. Two processes may open a new or an old library at the same moment, so
 * the version that decides what to do is read only after taking the write lock: the first process
 * creates or upgrades (one backup, one set of migrations), the second then finds nothing left to do.
 * An old library first gets its id in a commit of its own, so the backup taken before the upgrade
 * records an id the library keeps even if the upgrade itself fails.
 */
export function runMigrations(db: Database, filePath: string, hooks: MigrationHooks = {}): void {
  const unlocked = schemaVersion(db);
  assertKnownVersion(unlocked, filePath);
  if (unlocked === LATEST_SCHEMA_VERSION) return;
  const onWait = hooks.onWait ?? (() => undefined);
  const libraryId = withWriteLock(db, () => (schemaVersion(db) > 0 && schemaVersion(db) < LATEST_SCHEMA_VERSION ? ensureLibraryId(db) : undefined), onWait);
  withWriteLock(
    db,
    () => {
      const current = schemaVersion(db);
      assertKnownVersion(current, filePath);
      if (current === LATEST_SCHEMA_VERSION) return;
      if (current > 0 && libraryId) hooks.beforeMigrate?.(db, current, LATEST_SCHEMA_VERSION, libraryId);
      for (const migration of MIGRATIONS) {
        if (migration.version <= current) continue;
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
    },
    onWait,
  );
}
