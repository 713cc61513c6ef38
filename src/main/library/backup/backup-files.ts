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
const STAMP = /\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z/;
const ANY_ID = '[0-9a-f]{8}';

export type BackupReason = 'manual' | 'daily' | 'before-restore' | `before-migration-v${number}-to-v${number}`;

export interface BackupFile {
  fileName: string;
  filePath: string;
  createdAt: string;
  reason: string;
  sizeBytes: number;
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
 * stem is listed: the reader needs a way back more than a perfect match.
 */
export function listBackupFiles(libraryPath: string, libraryId: string | null): BackupFile[] {
  const dir = backupsDir(libraryPath);
  const id = libraryId === null ? ANY_ID : shortLibraryId(libraryId);
  const pattern = new RegExp(`^${escapeRegExp(libraryStem(libraryPath))}-${id}-(${STAMP.source})-([a-z0-9-]+)\\.db$`);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const fileName of names) {
    const match = pattern.exec(fileName);
    if (!match?.[1] || !match[2]) continue;
    const filePath = path.join(dir, fileName);
    const stat = fs.statSync(filePath, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const [date, time] = match[1].split('T') as [string, string];
    const [hours, minutes, seconds, millis] = time.replace('Z', '').split('-');
    files.push({
      fileName,
      filePath,
      createdAt: `${date}T${hours}:${minutes}:${seconds}.${millis}Z`,
      reason: match[2],
      sizeBytes: stat.size,
    });
  }
  return files.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.fileName < b.fileName ? 1 : -1));
}

export interface BackupContents {
  paperCount: number | null;
  /** When the backup passed its integrity check, as recorded in it; null when it never did or is unreadable. */
  verifiedAt: string | null;
  backupOf: string | null;
}

/** What a backup holds, read without changing it; nulls when it cannot be read. */
export function readBackupContents(filePath: string): BackupContents {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(filePath, { readonly: true, fileMustExist: true });
    const paperCount = db.prepare('SELECT count(*) FROM papers').pluck().get() as number;
    const stamp = readBackupStamp(db);
    return { paperCount, verifiedAt: stamp.verifiedAt ?? null, backupOf: stamp.backupOf ?? null };
  } catch {
    return { paperCount: null, verifiedAt: null, backupOf: null };
  } finally {
    db?.close();
  }
}

export function toBackupInfo(file: BackupFile): BackupInfo {
  const contents = readBackupContents(file.filePath);
  return {
    fileName: file.fileName,
    createdAt: file.createdAt,
    reason: file.reason,
    sizeBytes: file.sizeBytes,
    paperCount: contents.paperCount,
    verified: contents.verifiedAt !== null,
  };
}

/** The backup a reader chose, by file name only: no path can reach outside the backups folder. */
export function findBackup(libraryPath: string, libraryId: string, fileName: string): BackupFile {
  const backup = listBackupFiles(libraryPath, libraryId).find((file) => file.fileName === fileName);
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
    const { verifiedAt } = readBackupContents(file.filePath);
    if (verifiedAt !== null) return { ...file, verifiedAt };
  }
  return undefined;
}

/**
 * Keeps the newest `keep` backups and removes the rest, but never the ones named in `protect` and never
 * the newest verified backup: a run of backups of a damaged library must not push out the last good one.
 */
export function pruneBackups(libraryPath: string, libraryId: string, keep: number, protect: readonly string[] = []): string[] {
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
  return listBackupFiles(library.path, readLibraryId(library.db) ?? null).map(toBackupInfo);
}
