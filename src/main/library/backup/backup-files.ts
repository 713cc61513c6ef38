import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/contract/safety-contract.ts';
import { SiftError } from '../../../shared/api-errors.ts';
import { readBackupStamp, readLibraryId, shortLibraryId } from '../db/library-identity.ts';

// Backups live in `backups/` beside the library file, named
// `<library>-<short library id>-<UTC time>-<reason>.db`, e.g. `library-1f3a9c2e-2026-11-29T08-30-00-000Z-daily.db`:
// sortable, readable, and never mistaken for another library's backups in the same folder, even one
// with the same stem (`papers.db` and `papers.sqlite`). The file itself also records whose backup it is.
// Sift before library ids (schema 3) named them `<library>-<UTC time>-<reason>.db`: those are listed and
// can be restored, marked as from an older Sift, but are never pruned, since nothing says whose they are.
const STAMP = /\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z/;
const ANY_ID = '[0-9a-f]{8}';

export type BackupReason = 'manual' | 'daily' | 'before-restore' | `before-migration-v${number}-to-v${number}`;

export interface BackupFile {
  fileName: string;
  filePath: string;
  createdAt: string;
  reason: string;
  sizeBytes: number;
  /** Named by a Sift from before library ids: it may be a backup of another library with the same stem. */
  fromOlderSift: boolean;
}

export function backupsDir(libraryPath: string): string {
  return path.join(path.dirname(path.resolve(libraryPath)), 'backups');
}

function libraryStem(libraryPath: string): string {
  return path.basename(libraryPath).replace(/\.[^.]*$/, '') || 'library';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A fresh, unused path for a backup of library `libraryId` taken now. */
export function newBackupPath(libraryPath: string, libraryId: string, reason: BackupReason, now: Date): string {
  const dir = backupsDir(libraryPath);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = `${libraryStem(libraryPath)}-${shortLibraryId(libraryId)}-${stamp}-${reason}`;
  let candidate = path.join(dir, `${base}.db`);
  for (let copy = 2; fs.existsSync(candidate) || fs.existsSync(`${candidate}.partial`); copy += 1) {
    candidate = path.join(dir, `${base}-${copy}.db`);
  }
  return candidate;
}

/**
 * This library's backups, newest first. Files that do not follow the naming are not ours and are left
 * alone. With `libraryId` null (a library too damaged to read its id), every backup named for this file
 * stem is listed: the reader needs a way back more than a perfect match. With `olderSift`, also the
 * backups an older Sift named for this stem (see above), in time order with the others; pruning and the
 * daily schedule never ask for them.
 */
export function listBackupFiles(libraryPath: string, libraryId: string | null, options: { olderSift?: boolean } = {}): BackupFile[] {
  const dir = backupsDir(libraryPath);
  const id = libraryId === null ? ANY_ID : shortLibraryId(libraryId);
  const stem = escapeRegExp(libraryStem(libraryPath));
  const pattern = new RegExp(`^${stem}-${id}-(${STAMP.source})-([a-z0-9-]+)\\.db$`);
  const olderPattern = options.olderSift ? new RegExp(`^${stem}-(${STAMP.source})-([a-z0-9-]+)\\.db$`) : null;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const fileName of names) {
    const older = olderPattern?.exec(fileName);
    const match = pattern.exec(fileName) ?? older;
    if (!match?.[1] || !match[2]) continue;
    const filePath = path.join(dir, fileName);
    const stat = fs.statSync(filePath, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    // Named the old way but stamped as another library's backup (a library whose stem ends in a date-like
    // part, or a renamed file): the stamp decides, as it does for a restore.
    if (older && libraryId !== null && isStampedForAnother(filePath, libraryId)) continue;
    const [date, time] = match[1].split('T') as [string, string];
    const [hours, minutes, seconds, millis] = time.replace('Z', '').split('-');
    files.push({
      fileName,
      filePath,
      createdAt: `${date}T${hours}:${minutes}:${seconds}.${millis}Z`,
      reason: match[2],
      sizeBytes: stat.size,
      fromOlderSift: Boolean(older),
    });
  }
  return files.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.fileName < b.fileName ? 1 : -1));
}

function isStampedForAnother(filePath: string, libraryId: string): boolean {
  const { backupOf, libraryIdInside } = readBackupContents(filePath);
  return (backupOf !== null && backupOf !== libraryId) || (libraryIdInside !== null && libraryIdInside !== libraryId);
}

export interface BackupContents {
  paperCount: number | null;
  /** When the backup passed its integrity check, as recorded in it; null when it never did or is unreadable. */
  verifiedAt: string | null;
  backupOf: string | null;
  /** The id of the library the file was a copy of, when it had one (backups of schema 3 and later). */
  libraryIdInside: string | null;
}

/** What a backup holds, read without changing it; nulls when it cannot be read. */
export function readBackupContents(filePath: string): BackupContents {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(filePath, { readonly: true, fileMustExist: true });
    const paperCount = db.prepare('SELECT count(*) FROM papers').pluck().get() as number;
    const stamp = readBackupStamp(db);
    return { paperCount, verifiedAt: stamp.verifiedAt ?? null, backupOf: stamp.backupOf ?? null, libraryIdInside: readLibraryId(db) ?? null };
  } catch {
    return { paperCount: null, verifiedAt: null, backupOf: null, libraryIdInside: null };
  } finally {
    db?.close();
  }
}

/** Only the stamp: counting a large backup's papers would hold up every backup and prune for nothing. */
function readVerifiedAt(filePath: string): string | null {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(filePath, { readonly: true, fileMustExist: true });
    return readBackupStamp(db).verifiedAt ?? null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

export function toBackupInfo(file: BackupFile): BackupInfo {
  const contents = readBackupContents(file.filePath);
  return { ...toListedBackup(file), paperCount: contents.paperCount, verified: contents.verifiedAt !== null };
}

/** What the name and size say; the contents (count, verified) are read by toBackupInfo. */
export function toListedBackup(file: BackupFile): Omit<BackupInfo, 'paperCount' | 'verified'> {
  return { fileName: file.fileName, createdAt: file.createdAt, reason: file.reason, sizeBytes: file.sizeBytes, fromOlderSift: file.fromOlderSift };
}

/** The backup a reader chose, by file name only: no path can reach outside the backups folder. */
export function findBackup(libraryPath: string, libraryId: string, fileName: string): BackupFile {
  const backup = listBackupFiles(libraryPath, libraryId, { olderSift: true }).find((file) => file.fileName === fileName);
  if (backup) return backup;
  const someonesBackup = listBackupFiles(libraryPath, null).some((file) => file.fileName === fileName) || isLegacyBackupName(fileName);
  if (someonesBackup) {
    throw new SiftError(
      'conflict',
      `${fileName} is not a backup of ${libraryPath}: it belongs to another library (or was made by an older Sift that did not record which library). Nothing was changed.`,
    );
  }
  throw new SiftError('not-found', `There is no backup named "${fileName}" in ${backupsDir(libraryPath)}.`);
}

function isLegacyBackupName(fileName: string): boolean {
  return new RegExp(`-${STAMP.source}-[a-z0-9-]+\\.db$`).test(fileName) && !fileName.includes('/') && !fileName.includes('\\');
}

/** The newest backup that passed its integrity check: the one a reader can count on. */
export function newestVerifiedBackup(files: readonly BackupFile[]): (BackupFile & { verifiedAt: string }) | undefined {
  for (const file of files) {
    const verifiedAt = readVerifiedAt(file.filePath);
    if (verifiedAt !== null) return { ...file, verifiedAt };
  }
  return undefined;
}

/**
 * Keeps the newest `keep` backups and removes the rest, but never the ones named in `protect` and never
 * the newest verified backup: a run of backups of a damaged library must not push out the last good one.
 */
export function pruneBackups(libraryPath: string, libraryId: string, keep: number, protect: readonly string[] = []): string[] {
  // Backups named by an older Sift are not among them: nothing says they are this library's to remove.
  const files = listBackupFiles(libraryPath, libraryId);
  const lastGood = newestVerifiedBackup(files)?.fileName;
  const removed: string[] = [];
  for (const file of files.slice(keep)) {
    if (protect.includes(file.fileName) || file.fileName === lastGood) continue;
    fs.rmSync(file.filePath, { force: true });
    removed.push(file.fileName);
  }
  return removed;
}

/** The library's backups as Settings and `sift backups` list them, newest first. */
export function listBackups(library: { db: BetterSqlite3.Database; path: string }): BackupInfo[] {
  return listBackupFiles(library.path, readLibraryId(library.db) ?? null, { olderSift: true }).map(toBackupInfo);
}
