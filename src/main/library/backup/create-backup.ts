import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/contract/safety-contract.ts';
import { SiftError } from '../../../shared/api-errors.ts';
import type { Clock } from '../db/clock.ts';
import { systemClock } from '../db/clock.ts';
import { damagedLibraryMessage } from '../db/damaged-library-message.ts';
import { readLibraryId } from '../db/library-identity.ts';
import { listBackupFiles, newBackupPath, pruneBackups, toListedBackup } from './backup-files.ts';
import type { BackupReason } from './backup-files.ts';
import { getBackupsToKeep } from './backup-settings.ts';
import { finishSnapshot } from './finish-snapshot.ts';
import type { SnapshotCheck } from './finish-snapshot.ts';
import { snapshotInWorker, SnapshotWorkerUnavailable } from './run-snapshot-worker.ts';
import type { SnapshotJob, SnapshotStage } from './snapshot-worker-protocol.ts';

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

export interface BackupOptions {
  protect?: readonly string[];
  /** Told when the copy starts and when its integrity check starts (for progress, and the tests). */
  onStage?: (stage: SnapshotStage) => void;
}

/**
 * A consistent snapshot of the live library through SQLite's online backup API, taken in a worker
 * thread with its own read-only connection: the copy is one read transaction (WAL lets writes go on
 * beside it), so the file is always one committed state. The snapshot is written under a `.partial`
 * name, integrity-checked (in the worker too: seconds at 100k papers that the main thread no longer
 * waits), and renamed only when it passed: a crash never leaves a half backup listed, and a copy of a
 * damaged library never counts as a backup.
 */
export async function createBackup(source: BackupSource, reason: BackupReason = 'manual', options: BackupOptions = {}): Promise<BackupInfo> {
  const libraryId = libraryIdOf(source.db);
  const finalPath = newBackupPath(source.path, libraryId, reason, source.clock.now());
  const partialPath = `${finalPath}.partial`;
  let paperCount: number;
  const job: SnapshotJob = { libraryPath: source.path, partialPath, finalPath, libraryId, checkedAt: source.clock.now().toISOString() };
  try {
    const check = await takeSnapshot(source.db, job, options.onStage ?? (() => undefined));
    if (!check.ok) throw damagedSnapshot(job, check.problem);
    paperCount = check.paperCount;
  } catch (error) {
    fs.rmSync(partialPath, { force: true });
    throw error;
  }
  pruneBackups(source.path, libraryId, getBackupsToKeep(source.db), [...(options.protect ?? []), baseName(finalPath)]);
  const created = listBackupFiles(source.path, libraryId).find((file) => file.filePath === finalPath);
  if (!created) throw new Error(`backup ${finalPath} vanished after it was written`);
  return { ...toListedBackup(created), paperCount, verified: true };
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
    const job = { libraryPath, partialPath, finalPath, libraryId, checkedAt: clock.now().toISOString() };
    const check = finishSnapshot(partialPath, finalPath, job);
    if (!check.ok) throw damagedSnapshot(job, check.problem);
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
 * The copy and its check, in a worker. Where no worker can start (a bundle without its script), in
 * place as before: through the app's own connection, in steps between which the app keeps running.
 */
async function takeSnapshot(db: Database, job: SnapshotJob, onStage: (stage: SnapshotStage) => void): Promise<SnapshotCheck> {
  try {
    return await snapshotInWorker(job, onStage);
  } catch (error) {
    if (!(error instanceof SnapshotWorkerUnavailable)) throw error;
  }
  onStage('copying');
  await db.backup(job.partialPath);
  onStage('checking');
  return finishSnapshot(job.partialPath, job.finalPath, job);
}

function damagedSnapshot(job: SnapshotJob, problem: string): SiftError {
  return new SiftError('library-damaged', damagedLibraryMessage(job.libraryPath, job.libraryId, `a new backup of it failed its integrity check: ${problem}`));
}

function baseName(filePath: string): string {
  return filePath.split(/[\\/]/).at(-1) ?? filePath;
}
