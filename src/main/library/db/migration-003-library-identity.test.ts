import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-library.ts';
import { listBackupFiles, readBackupContents } from '../backup/backup-files.ts';
import { openSiftLibrary } from '../sift-library.ts';
import { readLibraryId } from './library-identity.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';

describe('migration 003: every library has a stable identity', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp.cleanup());

  it('a new library gets a random id that stays the same across opens', () => {
    temp = makeTempDir();
    const a = openSiftLibrary(path.join(temp.dir, 'a.db'));
    const b = openSiftLibrary(path.join(temp.dir, 'b.db'));
    const idA = readLibraryId(a.db);
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(readLibraryId(b.db)).not.toBe(idA);
    a.close();
    b.close();
    const again = openSiftLibrary(path.join(temp.dir, 'a.db'));
    expect(readLibraryId(again.db)).toBe(idA);
    again.close();
  });

  it('a schema-2 library upgraded gets an id, and its before-upgrade backup records that same id', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    const db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
    db.transaction(() => {
      for (const migration of MIGRATIONS.filter((candidate) => candidate.version <= 2)) migration.up(db);
      db.pragma('user_version = 2');
    })();
    db.close();
    const library = openSiftLibrary(file);
    const id = readLibraryId(library.db);
    library.close();
    expect(id).toBeDefined();
    const [backup] = listBackupFiles(file, id!);
    expect(backup?.reason).toBe(`before-migration-v2-to-v${LATEST_SCHEMA_VERSION}`);
    const contents = readBackupContents(backup!.filePath);
    expect(contents.backupOf).toBe(id);
    expect(contents.verifiedAt).not.toBeNull();
  });
});
