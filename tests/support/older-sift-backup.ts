import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { backupsDir } from '../../src/main/library/backup/backup-files.ts';
import { MIGRATIONS } from '../../src/main/library/db/migrations/index.ts';

/**
 * A backup as Sift wrote it before libraries had ids: a schema-2 library (no id, no stamp) named
 * `<library>-<UTC time>-<reason>.db` (backup-files.ts before commit 3a9da5b). Returns its file name.
 */
export function writeOlderSiftBackup(libraryPath: string, stamp: string, reason: string, titles: readonly string[]): string {
  const dir = backupsDir(libraryPath);
  fs.mkdirSync(dir, { recursive: true });
  const stem = path.basename(libraryPath).replace(/\.[^.]*$/, '');
  const fileName = `${stem}-${stamp}-${reason}.db`;
  const db = new BetterSqlite3(path.join(dir, fileName));
  db.transaction(() => {
    for (const migration of MIGRATIONS.filter((candidate) => candidate.version <= 2)) migration.up(db);
    db.pragma('user_version = 2');
    const insert = db.prepare(
      `INSERT INTO papers (identity_key, title, title_key, added_at, status_changed_at) VALUES (?, ?, ?, '2026-10-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z')`,
    );
    for (const title of titles) insert.run(`title:${title.toLowerCase()}`, title, title.toLowerCase());
  })();
  db.close();
  return fileName;
}
