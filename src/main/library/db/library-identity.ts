import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';

const KEY = 'libraryId';
// Stamped into every backup: whose backup it is (the library's own id is restored with the
// content of no table, since `settings` is never restored).
const BACKUP_OF_KEY = 'backupOf';
const VERIFIED_KEY = 'backupVerifiedAt';

/** The library's id, or undefined for a library from before schema 3 (or not a library at all). */
export function readLibraryId(db: Database, schema = 'main'): string | undefined {
  try {
    return db.prepare(`SELECT value FROM ${schema}.settings WHERE key = ?`).pluck().get(KEY) as string | undefined;
  } catch {
    return undefined;
  }
}

/** Reads the id, creating it if this library has none yet (inside the caller's write transaction). */
export function ensureLibraryId(db: Database): string {
  const existing = readLibraryId(db);
  if (existing) return existing;
  const id = crypto.randomUUID();
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`).run(KEY, id);
  return id;
}

/** The short form that goes into backup file names: enough to tell a folder's libraries apart. */
export function shortLibraryId(libraryId: string): string {
  return libraryId.replace(/-/g, '').slice(0, 8).toLowerCase();
}

export interface BackupStamp {
  backupOf: string | undefined;
  verifiedAt: string | undefined;
}

/** Marks a snapshot as a backup of `libraryId`, checked at `verifiedAt`. */
export function writeBackupStamp(snapshot: Database, libraryId: string, verifiedAt: string): void {
  const put = snapshot.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  snapshot.transaction(() => {
    put.run(BACKUP_OF_KEY, libraryId);
    put.run(VERIFIED_KEY, verifiedAt);
  })();
}

export function readBackupStamp(snapshot: Database): BackupStamp {
  try {
    const get = snapshot.prepare(`SELECT value FROM settings WHERE key = ?`).pluck();
    return { backupOf: get.get(BACKUP_OF_KEY) as string | undefined, verifiedAt: get.get(VERIFIED_KEY) as string | undefined };
  } catch {
    return { backupOf: undefined, verifiedAt: undefined };
  }
}
