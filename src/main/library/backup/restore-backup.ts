import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { SiftError } from '../../../shared/api-errors.ts';
import { openLibrary } from '../db/open-library.ts';
import type { SiftLibrary } from '../sift-library.ts';
import { findBackup, readBackupContents } from './backup-files.ts';
import type { BackupFile } from './backup-files.ts';
import { createBackup, libraryIdOf } from './create-backup.ts';

// Preferences, not library content: restoring last week's papers must not also undo the reader's
// settings (how many backups to keep) or the marker that makes the file a Sift library.
// search_rowids is the search index's own bookkeeping (where each paper sits in papers_names_fts): it
// must describe the index in this file, which the restore leaves to be rebuilt from the queued papers.
const NOT_RESTORED = new Set(['settings', 'search_rowids', 'learn_terms']);

/**
 * Replaces the library's content with a backup's, under the open connection.
 *
 * The file is never swapped: other connections (a second window, the CLI) and the API handlers keep
 * using the same database, in WAL mode, and simply see one more commit. Steps:
 * 1. a working copy of the backup is opened as a library (checked, upgraded to this schema if it was
 *    taken before a migration) and checked for integrity — the backup itself is never modified;
 * 2. the current state is backed up first;
 * 3. in one transaction every table's rows are replaced by the copy's (triggers keep any derived
 *    index such as search up to date), foreign keys are checked, and it commits or nothing changes;
 * 4. the undo history, which describes the replaced state, is cleared.
 */
export async function restoreBackup(library: SiftLibrary, fileName: string): Promise<{ restored: string; safetyBackup: string }> {
  const libraryId = libraryIdOf(library.db);
  const backup = findBackup(library.path, libraryId, fileName);
  assertBackupOf(backup, library.path, libraryId);
  const workingPath = `${backup.filePath}.restoring-${process.pid}-${Date.now()}`;
  try {
    fs.copyFileSync(backup.filePath, workingPath);
    prepareWorkingCopy(workingPath, fileName);
    const safety = await createBackup(library, 'before-restore', { protect: [fileName] });
    copyContentFrom(library.db, workingPath);
    library.history.clear();
    return { restored: fileName, safetyBackup: safety.fileName };
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${workingPath}${suffix}`, { force: true });
  }
}

/**
 * The file's own record of whose backup it is decides, not its name: a backup of another library
 * renamed (or copied) to look like one of ours is refused too. A backup an older Sift made, named for
 * this library, records nothing (its library had no id yet); it is restored unless the file says it is
 * another library's. The state before the restore is backed up first, so even that choice can be undone.
 */
function assertBackupOf(backup: BackupFile, libraryPath: string, libraryId: string): void {
  const { fileName, filePath } = backup;
  const { backupOf, paperCount, libraryIdInside } = readBackupContents(filePath);
  if (paperCount === null) throw new SiftError('library-damaged', `The backup ${fileName} cannot be read (it is damaged or not a Sift backup); choose another one. Nothing was changed.`);
  const recordsNoOwner = backupOf === null && (libraryIdInside === null || libraryIdInside === libraryId);
  if (backup.fromOlderSift && recordsNoOwner) return;
  if (backupOf !== libraryId) {
    throw new SiftError(
      'conflict',
      `The backup ${fileName} is a backup of another library${backupOf ? '' : ' (or from an older Sift, which did not record whose it was)'}, not of ${libraryPath}; Sift will not put it in this library's place. Nothing was changed.`,
    );
  }
}

function prepareWorkingCopy(workingPath: string, fileName: string): void {
  // Messages name the backup the reader chose, never the temporary working copy.
  const inTermsOfBackup = (text: string) => text.split(workingPath).join(fileName);
  let copy: Database;
  try {
    copy = openLibrary(workingPath, { beforeMigrate: () => undefined });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SiftError('library-damaged', inTermsOfBackup(`The backup ${fileName} cannot be restored, it is damaged: ${reason.replace(/ It was left untouched\..*$/s, '')}. Choose another backup; nothing was changed.`));
  }
  try {
    const check = checkIntegrity(copy);
    if (check !== 'ok') throw new SiftError('library-damaged', `The backup ${fileName} is damaged (${inTermsOfBackup(check)}); choose another one. Nothing was changed.`);
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function checkIntegrity(copy: Database): string {
  try {
    return String(copy.pragma('integrity_check', { simple: true }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Tables that triggers write (the search index's change log, say) are derived from the content:
 * the triggers rebuild them as the content rows go in, and copying them too would collide.
 */
function triggerWrittenTables(db: Database): Set<string> {
  const triggers = db.prepare(`SELECT sql, tbl_name FROM main.sqlite_schema WHERE type = 'trigger' AND sql IS NOT NULL`).all() as { sql: string; tbl_name: string }[];
  const targets = new Set<string>();
  const write = /\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|DELETE\s+FROM|UPDATE(?:\s+OR\s+\w+)?)\s+["`[]?(\w+)/gi;
  for (const { sql, tbl_name: own } of triggers) {
    // A trigger that keeps a column of its own table current (papers.triaged_at) does not make it derived.
    for (const match of sql.matchAll(write)) if (match[1] && match[1].toLowerCase() !== own.toLowerCase()) targets.add(match[1].toLowerCase());
  }
  return targets;
}

/**
 * The tables a restore replaces: ordinary tables holding the reader's content. Virtual tables and
 * their shadow tables, trigger-maintained tables and settings are left to the triggers and the reader.
 */
export function restoredTables(db: Database, schema = 'main'): string[] {
  const derived = triggerWrittenTables(db);
  return (db.prepare(`PRAGMA ${schema}.table_list`).all() as { name: string; type: string }[])
    .filter((table) => table.type === 'table' && !table.name.startsWith('sqlite_') && !NOT_RESTORED.has(table.name))
    .filter((table) => !derived.has(table.name.toLowerCase()))
    .map((table) => table.name);
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function copyContentFrom(db: Database, workingPath: string): void {
  db.prepare('ATTACH DATABASE ? AS restore_source').run(workingPath);
  try {
    db.transaction(() => {
      // Rows go in table by table; foreign keys are checked once, at the end, against the whole.
      db.pragma('defer_foreign_keys = ON');
      const tables = restoredTables(db, 'main');
      const available = new Set(restoredTables(db, 'restore_source'));
      for (const table of tables) db.prepare(`DELETE FROM main.${quoted(table)}`).run();
      for (const table of tables) {
        if (!available.has(table)) continue;
        const columns = (db.prepare(`PRAGMA main.table_info(${quoted(table)})`).all() as { name: string }[])
          .map((column) => quoted(column.name))
          .join(', ');
        db.prepare(`INSERT INTO main.${quoted(table)} (${columns}) SELECT ${columns} FROM restore_source.${quoted(table)}`).run();
      }
      const violations = db.pragma('main.foreign_key_check') as unknown[];
      if (violations.length) throw new SiftError('library-damaged', 'The backup does not hold together (foreign key check failed); nothing was changed.');
    }).immediate();
  } finally {
    db.prepare('DETACH DATABASE restore_source').run();
  }
}
