import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-library.ts';
import { openLibrary } from './open-library.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';

describe('opening a library', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp?.cleanup());

  it('creates a new library with every migration applied, WAL and foreign keys on', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'nested', 'library.db');
    const db = openLibrary(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['papers', 'digests', 'paper_digests', 'tags', 'paper_tags', 'paper_links', 'settings']));
    db.close();
  });

  it('migrations are numbered in increasing order', () => {
    // Parallel branches take reserved numbers (gaps until every branch is merged); order is what matters.
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('one paper, one row: a second row with the same arXiv id is refused by the database itself', () => {
    temp = makeTempDir();
    const db = openLibrary(path.join(temp.dir, 'library.db'));
    const insert = db.prepare(
      `INSERT INTO papers (identity_key, arxiv_id, title, title_key, added_at, status_changed_at) VALUES (?, ?, 'T', 't', 'now', 'now')`,
    );
    insert.run('arxiv:2403.00001', '2403.00001');
    expect(() => insert.run('arxiv:2403.00001b', '2403.00001')).toThrow(/UNIQUE/);
    db.close();
  });

  it('a status outside the four known ones cannot be stored', () => {
    temp = makeTempDir();
    const db = openLibrary(path.join(temp.dir, 'library.db'));
    expect(() =>
      db.prepare(`INSERT INTO papers (identity_key, title, title_key, status, added_at, status_changed_at) VALUES ('k', 'T', 't', 'later', 'now', 'now')`).run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('refuses a library written by a newer Sift and leaves it untouched', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    openLibrary(file).close();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openLibrary(file)).toThrow(/newer Sift/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an SQLite file that is not a Sift library', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'other.db');
    const other = new BetterSqlite3(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    expect(() => openLibrary(file)).toThrow(/not a Sift library/);
    const check = new BetterSqlite3(file);
    expect(check.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all()).toEqual(['invoices']);
    check.close();
  });
});
