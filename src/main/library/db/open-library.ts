import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { SiftError } from '../../../shared/api-errors.ts';
import { runMigrations } from './run-migrations.ts';
import type { MigrationHooks } from './run-migrations.ts';

export type LibraryDb = Database;

export interface OpenLibraryOptions extends MigrationHooks {
  readonly?: boolean;
}

/**
 * Opens (creating if needed) a Sift library file and brings its schema up to date.
 * A file that is not SQLite, is damaged, or belongs to another program is reported, never overwritten.
 */
export function openLibrary(filePath: string, options: OpenLibraryOptions = {}): LibraryDb {
  const existed = fs.existsSync(filePath) && fs.statSync(filePath).size > 0;
  if (!existed) fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(filePath, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw damaged(filePath, error);
  }
  try {
    configureConnection(db);
    if (existed) assertSiftLibrary(db, filePath);
    if (!options.readonly) runMigrations(db, filePath, options);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof SiftError) throw error;
    throw damaged(filePath, error);
  }
}

function configureConnection(db: Database): void {
  // Another process (the CLI, a second window) may hold the write lock: wait for it instead of failing.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
}

function assertSiftLibrary(db: Database, filePath: string): void {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[];
  if (tables.length === 0) return; // an empty SQLite file: safe to initialise
  const marker = tables.includes('settings')
    ? (db.prepare(`SELECT value FROM settings WHERE key = 'application'`).pluck().get() as string | undefined)
    : undefined;
  if (marker !== 'sift') {
    throw new SiftError(
      'library-damaged',
      `${filePath} is an SQLite database but not a Sift library; Sift will not touch it. Choose another file with --db or SIFT_DB.`,
    );
  }
}

function damaged(filePath: string, error: unknown): SiftError {
  const reason = error instanceof Error ? error.message : String(error);
  return new SiftError(
    'library-damaged',
    `${filePath} cannot be opened as a Sift library (${reason}). It was left untouched; restore a backup or move it aside.`,
  );
}
