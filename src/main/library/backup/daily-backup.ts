import type { BackupInfo } from '../../../shared/contract/safety-contract.ts';
import { listBackupFiles } from './backup-files.ts';
import { createBackup, libraryIdOf } from './create-backup.ts';
import type { BackupSource } from './create-backup.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Called by the app and `sift serve` at start: takes a backup unless one (of any kind) is less
 * than a day old. Returns the new backup, or null when none was due.
 */
export async function backupOnStartIfDue(source: BackupSource): Promise<BackupInfo | null> {
  const newest = listBackupFiles(source.path, libraryIdOf(source.db))[0];
  const now = source.clock.now().getTime();
  if (newest && now - Date.parse(newest.createdAt) < DAY_MS && Date.parse(newest.createdAt) <= now) return null;
  return createBackup(source, 'daily');
}
