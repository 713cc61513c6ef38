import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SiftError } from '../../../shared/api-errors.ts';
import { addPaper } from '../../../../tests/support/seed-papers.ts';
import { makeTempDir } from '../../../../tests/support/temp-library.ts';
import { createBackup } from '../backup/create-backup.ts';
import { openSiftLibrary } from '../sift-library.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';

/** Opening must fail with a library-damaged error and leave every byte of the file as it was. */
function expectRefusedUntouched(file: string, message: RegExp): SiftError {
  const before = fs.readFileSync(file);
  let error: unknown;
  try {
    openSiftLibrary(file).close();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(SiftError);
  expect((error as SiftError).type).toBe('library-damaged');
  expect((error as SiftError).message).toMatch(message);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
  return error as SiftError;
}

/** A real library with enough papers to span many pages, closed cleanly (checkpointed). */
function makeLibrary(file: string, papers = 300): void {
  const library = openSiftLibrary(file);
  for (let index = 0; index < papers; index += 1) addPaper(library, { title: `Paper ${index}`, abstract: 'x'.repeat(400) });
  library.close();
}

describe('a damaged or foreign library file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp?.cleanup());

  it('random bytes are refused as not SQLite, with what to do', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    fs.writeFileSync(file, crypto.randomBytes(64 * 1024));
    expectRefusedUntouched(file, /not an SQLite database.*left untouched.*Move it aside/s);
  });

  it('a truncated library is refused as truncated', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    makeLibrary(file);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    expectRefusedUntouched(file, /truncated/);
  });

  it('names the newest backup to restore when there is one', async () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    makeLibrary(file, 10);
    const library = openSiftLibrary(file);
    const backup = await createBackup(library);
    library.close();
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const error = expectRefusedUntouched(file, /restore a backup/);
    expect(error.message).toContain(backup.fileName);
  });

  it('an SQLite database of another program is refused and not modified', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'other.db');
    const other = new BetterSqlite3(file);
    other.exec(`CREATE TABLE settings (name TEXT, data BLOB); CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5);`);
    other.close();
    expectRefusedUntouched(file, /not a Sift library/);
  });

  it('a library from a newer Sift is refused, asking to update Sift', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    makeLibrary(file, 3);
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    expectRefusedUntouched(file, /newer Sift.*Update Sift/s);
  });

  it('an empty file is simply a new library', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    fs.writeFileSync(file, '');
    const library = openSiftLibrary(file);
    expect(library.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    library.close();
  });
});
