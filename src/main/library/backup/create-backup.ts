import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/contract/safety-contract.ts';
import type { Clock } from '../db/clock.ts';
import { systemClock } from '../db/clock.ts';
import { listBackupFiles, newBackupPath, pruneBackups, toBackupInfo } from './backup-files.ts';
import type { BackupReason } from './backup-files.ts';
import { getBackupsToKeep } from './backup-settings.ts';

export interface BackupSource {
  db: Database;
  path: string;
  clock: Clock;
}

/**
 * A consistent snapshot of the live library through SQLite's online backup API. It copies pages in
 * steps between which the app keeps running; writes made meanwhile (by this or another process) are
 * folded in or restart the copy, so the file is always one committed state. The snapshot is written
 * under a `.partial` name and renamed only when complete: a crash never leaves a half backup listed.
 */
export async function createBackup(
  source: BackupSource,
  reason: BackupReason = 'manual',
  options: { protect?: readonly string[] } = {},
): Promise<BackupInfo> {
  const finalPath = newBackupPath(source.path, reason, source.clock.now());
  const partialPath = `${finalPath}.partial`;
  try {
    await source.db.backup(partialPath);
    finishSnapshot(partialPath, finalPath);
  } catch (error) {
    fs.rmSync(partialPath, { force: true });
    throw error;
  }
  pruneBackups(source.path, getBackupsToKeep(source.db), [...(options.protect ?? []), baseName(finalPath)]);
  const created = listBackupFiles(source.path).find((file) => file.filePath === finalPath);
  if (!created) throw new Error(`backup ${finalPath} vanished after it was written`);
  return toBackupInfo(created);
}

/**
 * The synchronous snapshot for the one place that cannot wait: just before a migration, inside
 * opening the library. `VACUUM INTO` is SQLite's other transactional snapshot (one read transaction,
 * a complete new file); nothing else uses the connection yet, so blocking is harmless here.
 */
export function snapshotBeforeMigration(db: Database, libraryPath: string, fromVersion: number, toVersion: number, clock: Clock = systemClock): string {
  const finalPath = newBackupPath(libraryPath, `before-migration-v${fromVersion}-to-v${toVersion}`, clock.now());
  const partialPath = `${finalPath}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partialPath);
    finishSnapshot(partialPath, finalPath);
  } catch (error) {
    fs.rmSync(partialPath, { force: true });
    throw error;
  }
  pruneBackups(libraryPath, readBackupsToKeep(db), [baseName(finalPath)]);
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
 * A backup is a self-contained file: rollback-journal mode (no -wal/-shm beside it, readable by a
 * read-only open), then moved into place.
 */
function finishSnapshot(partialPath: string, finalPath: string): void {
  const snapshot = new BetterSqlite3(partialPath, { fileMustExist: true });
  try {
    snapshot.pragma('journal_mode = DELETE');
  } finally {
    snapshot.close();
  }
  fs.renameSync(partialPath, finalPath);
}

function baseName(filePath: string): string {
  return filePath.split(/[\\/]/).at(-1) ?? filePath;
}
