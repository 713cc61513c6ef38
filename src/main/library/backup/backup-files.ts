import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/contract/safety-contract.ts';
import { SiftError } from '../../../shared/api-errors.ts';

// Backups live in `backups/` beside the library file, named
// `<library>-<UTC time>-<reason>.db`, e.g. `library-2026-11-29T08-30-00-000Z-daily.db`:
// sortable, readable, and never mistaken for another library's backups in the same folder.
const STAMP = /\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z/;

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

/** A fresh, unused path for a backup taken now. */
export function newBackupPath(libraryPath: string, reason: BackupReason, now: Date): string {
  const dir = backupsDir(libraryPath);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = `${libraryStem(libraryPath)}-${stamp}-${reason}`;
  let candidate = path.join(dir, `${base}.db`);
  for (let copy = 2; fs.existsSync(candidate) || fs.existsSync(`${candidate}.partial`); copy += 1) {
    candidate = path.join(dir, `${base}-${copy}.db`);
  }
  return candidate;
}

/** This library's backups, newest first. Files that do not follow the naming are not ours and are left alone. */
export function listBackupFiles(libraryPath: string): BackupFile[] {
  const dir = backupsDir(libraryPath);
  const pattern = new RegExp(`^${escapeRegExp(libraryStem(libraryPath))}-(${STAMP.source})-([a-z0-9-]+)\\.db$`);
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

/** How many papers a backup holds, read without changing it; null when it cannot be read. */
export function backupPaperCount(filePath: string): number | null {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(filePath, { readonly: true, fileMustExist: true });
    return db.prepare('SELECT count(*) FROM papers').pluck().get() as number;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

export function toBackupInfo(file: BackupFile): BackupInfo {
  return { fileName: file.fileName, createdAt: file.createdAt, reason: file.reason, sizeBytes: file.sizeBytes, paperCount: backupPaperCount(file.filePath) };
}

/** The backup a reader chose, by file name only: no path can reach outside the backups folder. */
export function findBackup(libraryPath: string, fileName: string): BackupFile {
  const backup = listBackupFiles(libraryPath).find((file) => file.fileName === fileName);
  if (!backup) throw new SiftError('not-found', `There is no backup named "${fileName}" in ${backupsDir(libraryPath)}.`);
  return backup;
}

/** Keeps the newest `keep` backups (never deleting the ones named in `protect`) and removes the rest. */
export function pruneBackups(libraryPath: string, keep: number, protect: readonly string[] = []): string[] {
  const removed: string[] = [];
  listBackupFiles(libraryPath)
    .slice(keep)
    .filter((file) => !protect.includes(file.fileName))
    .forEach((file) => {
      fs.rmSync(file.filePath, { force: true });
      removed.push(file.fileName);
    });
  return removed;
}

/** The library's backups as Settings lists them, newest first. */
export function listBackups(libraryPath: string): BackupInfo[] {
  return listBackupFiles(libraryPath).map(toBackupInfo);
}
