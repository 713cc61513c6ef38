import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPaper, dumpLibrary, seedLibrary } from '../../../../tests/support/seed-papers.ts';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { openSiftLibrary } from '../sift-library.ts';
import { setStatus } from '../papers/triage-papers.ts';
import { backupsDir, listBackupFiles } from './backup-files.ts';
import { getBackupsToKeep, setBackupsToKeep } from './backup-settings.ts';
import { createBackup } from './create-backup.ts';
import { backupOnStartIfDue } from './daily-backup.ts';
import { restoreBackup, restoredTables } from './restore-backup.ts';

describe('backups', () => {
  let library: ReturnType<typeof openTempLibrary>;
  let clock: ReturnType<typeof fixedClock>;
  beforeEach(() => {
    clock = fixedClock('2026-11-29T08:30:00.000Z');
    library = openTempLibrary({ clock });
    seedLibrary(library);
  });
  afterEach(() => library.cleanup());

  const paperCount = (db: BetterSqlite3.Database) => db.prepare('SELECT count(*) FROM papers').pluck().get() as number;

  it('a backup is a complete, self-contained SQLite snapshot in backups/ beside the library', async () => {
    const info = await createBackup(library);
    expect(info.fileName).toMatch(/^library-[0-9a-f]{8}-2026-11-29T08-30-00-000Z-manual\.db$/);
    expect(info.createdAt).toBe('2026-11-29T08:30:00.000Z');
    expect(info.paperCount).toBe(paperCount(library.db));
    const file = path.join(library.dir, 'backups', info.fileName);
    expect(info.sizeBytes).toBe(fs.statSync(file).size);
    // No -wal/-shm beside it: the snapshot is one file that can be copied anywhere.
    expect(fs.readdirSync(path.join(library.dir, 'backups'))).toEqual([info.fileName]);
    const copy = new BetterSqlite3(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(dumpLibrary(copy)).toEqual(dumpLibrary(library.db));
    copy.close();
  });

  it('a write made while the backup runs is either wholly in the snapshot or not at all', async () => {
    const before = paperCount(library.db);
    const running = createBackup(library);
    addPaper(library, { title: 'Written during the backup' });
    const info = await running;
    expect([before, before + 1]).toContain(info.paperCount);
  });

  it('keeps the newest N backups (setting backupsToKeep, default 7)', async () => {
    expect(getBackupsToKeep(library.db)).toBe(7);
    for (let day = 0; day < 9; day += 1) {
      await createBackup(library);
      clock.advance(60_000);
    }
    expect(listBackupFiles(library.path, null)).toHaveLength(7);
    setBackupsToKeep(library.db, 3);
    expect(getBackupsToKeep(library.db)).toBe(3);
    // Lowering the number deletes nothing on the spot; the next backup prunes.
    expect(listBackupFiles(library.path, null)).toHaveLength(7);
    const newest = await createBackup(library);
    const kept = listBackupFiles(library.path, null);
    expect(kept).toHaveLength(3);
    expect(kept[0]!.fileName).toBe(newest.fileName);
  });

  it('takes a backup at start at most once a day', async () => {
    const first = await backupOnStartIfDue(library);
    expect(first?.fileName).toMatch(/-daily\.db$/);
    clock.advance(23 * 3600_000);
    expect(await backupOnStartIfDue(library)).toBeNull();
    clock.advance(2 * 3600_000);
    expect(await backupOnStartIfDue(library)).not.toBeNull();
    expect(listBackupFiles(library.path, null)).toHaveLength(2);
  });

  it('two backups in the same instant get distinct names', async () => {
    const a = await createBackup(library);
    const b = await createBackup(library);
    expect(a.fileName).not.toBe(b.fileName);
    expect(listBackupFiles(library.path, null)).toHaveLength(2);
  });

  it('restoring a backup replaces the content under the open connection, after backing up the current state', async () => {
    const snapshot = dumpLibrary(library.db);
    const backup = await createBackup(library);
    clock.advance(60_000);
    const other = openSiftLibrary(library.path);
    try {
      const context = { db: library.db, history: library.history, clock };
      const ids = library.db.prepare('SELECT id FROM papers').pluck().all() as number[];
      setStatus(context, ids, 'read');
      addPaper(library, { title: 'Zyzzogeton written after the backup' });
      const changed = dumpLibrary(library.db);
      expect(library.history.size).toBeGreaterThan(0);
      const otherVersion = other.db.pragma('data_version', { simple: true });

      const result = await restoreBackup(library, backup.fileName);

      expect(result.restored).toBe(backup.fileName);
      expect(dumpLibrary(library.db)).toEqual(snapshot);
      expect(library.history.size).toBe(0);
      // Another connection (a second window, the CLI) sees the restore as one more commit.
      expect(other.db.pragma('data_version', { simple: true })).not.toBe(otherVersion);
      expect(dumpLibrary(other.db)).toEqual(snapshot);
      // The state just replaced was saved first, and the chosen backup itself is untouched.
      const safety = listBackupFiles(library.path, null).find((file) => file.fileName === result.safetyBackup)!;
      expect(safety.reason).toBe('before-restore');
      const saved = new BetterSqlite3(safety.filePath, { readonly: true });
      expect(dumpLibrary(saved)).toEqual(changed);
      saved.close();
      expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(library.db.pragma('foreign_key_check')).toEqual([]);
      expect(fs.readdirSync(backupsDir(library.path)).filter((name) => !name.endsWith('.db'))).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('restore replaces exactly the content tables; derived tables (search) are left to their triggers', () => {
    // Subscriptions and their fetch state travel with the library: a restored library must not keep an
    // ETag newer than its papers, or the next conditional fetch would answer 304 and lose those days.
    expect(restoredTables(library.db).sort()).toEqual([
      'digests', 'paper_digests', 'paper_links', 'paper_tags', 'papers', 'subscription_state', 'subscriptions', 'tags', 'title_merges',
    ]);
  });

  it('restoring keeps the reader\'s settings', async () => {
    const backup = await createBackup(library);
    setBackupsToKeep(library.db, 12);
    await restoreBackup(library, backup.fileName);
    expect(getBackupsToKeep(library.db)).toBe(12);
  });

  it('refuses a damaged backup or an unknown name, and changes nothing', async () => {
    const backup = await createBackup(library);
    const file = path.join(backupsDir(library.path), backup.fileName);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = dumpLibrary(library.db);
    await expect(restoreBackup(library, backup.fileName)).rejects.toThrow(/cannot be restored|damaged/);
    await expect(restoreBackup(library, '../library.db')).rejects.toThrow(/no backup named/);
    expect(dumpLibrary(library.db)).toEqual(before);
  });
});
