import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/contract/safety-contract.ts';
import { SiftError } from '../../../shared/api-errors.ts';
import type { Clock } from '../db/clock.ts';
import { systemClock } from '../db/clock.ts';
import { damagedLibraryMessage } from '../db/damaged-library-message.ts';
import { readLibraryId, writeBackupStamp } from '../db/library-identity.ts';
import { listBackupFiles, newBackupPath, pruneBackups, toBackupInfo } from './backup-files.ts';
import type { BackupReason } from './backup-files.ts';
import { getBackupsToKeep } from './backup-settings.ts';

export interface BackupSource {
  db: Database;
  path: string;
  clock: Clock;
}

/** The id every backup of this library records; a library at the current schema always has one. */
export function libraryIdOf(db: Database): string {
  const id = readLibraryId(db);
  if (!id) throw new SiftError('library-damaged', 'The library has no id (settings.libraryId is missing); it cannot be backed up safely.');
  return id;
}

/**
 * A consistent snapshot of the live library through SQLite's online backup API. It copies pages in
 * steps between which the app keeps running; writes made meanwhile (by this or another process) are
 * folded in or restart the copy, so the file is always one committed state. The snapshot is written
 * under a `.partial` name, integrity-checked, and renamed only when it passed: a crash never leaves a
 * half backup listed, and a copy of a damaged library never counts as a backup.
 */
export async function createBackup(
  source: BackupSource,
  reason: BackupReason = 'manual',
  options: { protect?: readonly string[] } = {},
): Promise<BackupInfo> {
  const libraryId = libraryIdOf(source.db);
  const finalPath = newBackupPath(source.path, libraryId, reason, source.clock.now());
  const partialPath = `${finalPath}.partial`;
  try {
    await source.db.backup(partialPath);
    finishSnapshot(partialPath, finalPath, { libraryPath: source.path, libraryId, checkedAt: source.clock.now() });
  } catch (error) {
    fs.rmSync(partialPath, { force: true });
    throw error;
  }
  pruneBackups(source.path, libraryId, getBackupsToKeep(source.db), [...(options.protect ?? []), baseName(finalPath)]);
  const created = listBackupFiles(source.path, libraryId).find((file) => file.filePath === finalPath);
  if (!created) throw new Error(`backup ${finalPath} vanished after it was written`);
  return toBackupInfo(created);
}

/**
 * The synchronous snapshot for the one place that cannot wait: just before a migration, inside
 * opening the library, while `db` holds the write lock (so no other process can upgrade meanwhile).
 * `VACUUM INTO` cannot run inside that transaction, so a second, read-only connection takes it: it
 * sees the last committed state, which is exactly the library before the upgrade.
 */
export function snapshotBeforeMigration(
  db: Database,
  libraryPath: string,
  fromVersion: number,
  toVersion: number,
  libraryId: string,
  clock: Clock = systemClock,
): string {
  const finalPath = newBackupPath(libraryPath, libraryId, `before-migration-v${fromVersion}-to-v${toVersion}`, clock.now());
  const partialPath = `${finalPath}.partial`;
  const reader = new BetterSqlite3(libraryPath, { readonly: true, fileMustExist: true });
  try {
    reader.prepare('VACUUM INTO ?').run(partialPath);
    finishSnapshot(partialPath, finalPath, { libraryPath, libraryId, checkedAt: clock.now() });
  } catch (error) {
    fs.rmSync(partialPath, { force: true });
    throw error;
  } finally {
    reader.close();
  }
  pruneBackups(libraryPath, libraryId, readBackupsToKeep(db), [baseName(finalPath)]);
  return finalPath;
}

/** The setting, read defensively: a pre-migration library may predate it. */
function readBackupsToKeep(db: Database): number {
  try {
    return getBackupsToKeep(db);
  } catch {
    return 7;
  }
}

/**
 * A backup is a self-contained file: checked (`quick_check` reads every page and verifies the b-trees),
 * stamped with whose backup it is and when it was verified, switched to rollback-journal mode (no
 * -wal/-shm beside it, readable by a read-only open), then moved into place.
 */
function finishSnapshot(partialPath: string, finalPath: string, stamp: { libraryPath: string; libraryId: string; checkedAt: Date }): void {
  const snapshot = new BetterSqlite3(partialPath, { fileMustExist: true });
  try {
    const check = quickCheck(snapshot);
    if (check !== 'ok') {
      throw new SiftError('library-damaged', damagedLibraryMessage(stamp.libraryPath, stamp.libraryId, `a new backup of it failed its integrity check: ${check}`));
    }
    snapshot.pragma('journal_mode = DELETE');
    writeBackupStamp(snapshot, stamp.libraryId, stamp.checkedAt.toISOString());
  } finally {
    snapshot.close();
  }
  fs.renameSync(partialPath, finalPath);
}

function quickCheck(snapshot: Database): string {
  try {
    const rows = snapshot.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
    return rows.map((row) => row.quick_check).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function baseName(filePath: string): string {
  return filePath.split(/[\\/]/).at(-1) ?? filePath;
}
