import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-library.ts';
import { listBackupFiles } from '../backup/backup-files.ts';
import { getPaper } from '../papers/get-paper.ts';
import { openSiftLibrary } from '../sift-library.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';
import { createV1Library } from '../../../../tests/support/v1-library.ts';

/** A library exactly as the first released Sift left it: migration 001 only, with reader data. */
function buildV1Library(file: string): void {
  const db = createV1Library(file);
  const insert = db.prepare(
    `INSERT INTO papers (identity_key, arxiv_id, title, title_key, abstract, authors, status, starred, note, position, added_at, status_changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z')`,
  );
  insert.run('arxiv:2401.00001', '2401.00001', 'Old paper one', 'old paper one', 'About transformers.', '["A. Author"]', 'to-read', 1, 'keep this note', 1);
  insert.run('title:old paper two', null, 'Old paper two', 'old paper two', '', '[]', 'read', 0, '', null);
  db.exec(`INSERT INTO tags (name) VALUES ('kept'); INSERT INTO paper_tags (paper_id, tag_id) VALUES (1, 1);
    INSERT INTO paper_links (paper_id, kind, url) VALUES (1, 'code', 'https://example.org/code');
    INSERT INTO digests (source_name, format, digest_date, imported_at, content_hash, paper_count) VALUES ('d.txt', 'hf-papers-text', '2025-01-01', '2025-01-01T00:00:00.000Z', 'abc', 2);
    INSERT INTO paper_digests (paper_id, digest_id, position) VALUES (1, 1, 0), (2, 1, 1);`);
  db.close();
}

describe('a library created by an older Sift', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp?.cleanup());

  it('opens, upgrades in place, keeps every paper, tag, note and digest, and was backed up first', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    buildV1Library(file);
    const library = openSiftLibrary(file);
    try {
      expect(library.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const one = getPaper(library.db, 1);
      expect(one).toMatchObject({ title: 'Old paper one', status: 'to-read', starred: true, note: 'keep this note', tags: ['kept'], position: 1 });
      expect(one.links).toContainEqual({ kind: 'code', url: 'https://example.org/code' });
      expect(one.digests.map((digest) => digest.sourceName)).toEqual(['d.txt']);
      expect(getPaper(library.db, 2)).toMatchObject({ status: 'read' });
      expect(library.db.pragma('foreign_key_check')).toEqual([]);
      expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
      if (LATEST_SCHEMA_VERSION > 1) {
        const [backup] = listBackupFiles(file, null);
        expect(backup?.reason).toBe(`before-migration-v1-to-v${LATEST_SCHEMA_VERSION}`);
        const snapshot = new BetterSqlite3(backup!.filePath, { readonly: true });
        expect(snapshot.pragma('user_version', { simple: true })).toBe(1);
        expect(snapshot.prepare('SELECT title FROM papers ORDER BY id').pluck().all()).toEqual(['Old paper one', 'Old paper two']);
        snapshot.close();
      } else {
        expect(listBackupFiles(file, null)).toEqual([]);
      }
    } finally {
      library.close();
    }
    // Opening again migrates nothing and takes no further backup.
    const backups = listBackupFiles(file, null).length;
    openSiftLibrary(file).close();
    expect(listBackupFiles(file, null)).toHaveLength(backups);
  });
});
