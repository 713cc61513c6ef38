import path from 'node:path';
import { SiftError } from '../../../shared/api-errors.ts';
import { listBackupFiles, newestVerifiedBackup } from '../backup/backup-files.ts';

/** SQLite's own words for "a page of this file is not what it should be". */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) return true;
  return error instanceof Error && /database disk image is malformed|file is not a database/i.test(error.message);
}

/**
 * What happened and the way back, in words a reader can act on: the newest backup that passed its
 * integrity check, with its date, and how to put it in place. The library is closed for writing by
 * then, so the advice is a file copy, which works however badly the file is damaged.
 */
export function damagedLibraryMessage(libraryPath: string, libraryId: string | null, what: string): string {
  const head = `The library ${libraryPath} is damaged: ${what}. Part of the file can no longer be read; Sift wrote nothing more to it.`;
  const backup = newestVerifiedBackup(listBackupFiles(libraryPath, libraryId));
  if (!backup) {
    return `${head} There is no verified backup of it. Keep the file (a recovery tool such as "sqlite3 ${path.basename(libraryPath)} .recover" may save most of it) and start a new library with --db or SIFT_DB.`;
  }
  return (
    `${head} Restore the newest verified backup, taken ${backup.createdAt.slice(0, 16).replace('T', ' ')} UTC: quit Sift, move ${libraryPath} aside, ` +
    `and copy ${backup.filePath} in its place.`
  );
}

/** A query that hit a damaged page, turned into that message; anything else passes through unchanged. */
export function explainDamage(error: unknown, libraryPath: string, libraryId: string | null): unknown {
  if (!isDamageError(error) || error instanceof SiftError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SiftError('library-damaged', damagedLibraryMessage(libraryPath, libraryId, `SQLite reports "${detail}"`));
}
