import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';

export const DEFAULT_BACKUPS_TO_KEEP = 7;
const KEY = 'backupsToKeep';

/** How many automatic and manual backups to keep (stored in `settings`; 7 unless the reader chose). */
export function getBackupsToKeep(db: Database): number {
  const stored = prepared<[string], string>(db, `SELECT value FROM settings WHERE key = ?`).pluck().get(KEY);
  const value = Number(stored);
  return stored !== undefined && Number.isInteger(value) && value >= 1 && value <= 365 ? value : DEFAULT_BACKUPS_TO_KEEP;
}

/**
 * Saves the setting. Older backups beyond the new number are removed at the next backup, not now:
 * lowering the number by mistake must not destroy anything on the spot.
 */
export function setBackupsToKeep(db: Database, backupsToKeep: number): { backupsToKeep: number } {
  prepared(db, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
    KEY,
    String(backupsToKeep),
  );
  return { backupsToKeep: getBackupsToKeep(db) };
}
