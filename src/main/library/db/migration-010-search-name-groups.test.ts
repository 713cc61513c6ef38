import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-library.ts';
import { namePartsText } from '../search/name-parts.ts';
import { searchPapers } from '../search/search-engine.ts';
import { indexRowid } from '../search/static-rank.ts';
import { openSiftLibrary } from '../sift-library.ts';
import { MIGRATIONS } from './migrations/index.ts';

const TITLES = [
  'I2VEdit: First-Frame-Guided Video Editing via Image-to-Video Diffusion Models',
  'SAM2Point: Segment Any 3D as Videos in Zero-shot and Promptable Manners',
  'Plain Words Only',
];

/** A library as Sift left it before migration 010, indexed with the names it wrote then (fine parts only). */
function buildLibraryBefore(file: string): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  const before = MIGRATIONS.filter((migration) => migration.version < 10);
  db.transaction(() => {
    for (const migration of before) migration.up(db);
    db.pragma(`user_version = ${before.at(-1)?.version ?? 0}`);
  })();
  const insert = db.prepare(
    `INSERT INTO papers (identity_key, title, title_key, abstract, authors, status, starred, note, position, added_at, status_changed_at)
     VALUES (?, ?, ?, 'An abstract.', '[]', 'inbox', 0, '', NULL, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  );
  const oldNames: Record<string, string> = {
    [TITLES[0] ?? '']: 'i 2 v edit firstframeguided imagetovideo',
    [TITLES[1] ?? '']: 'sam 2 point zeroshot',
    [TITLES[2] ?? '']: '',
  };
  TITLES.forEach((title, index) => {
    const id = Number(insert.run(`title:${index}`, title, `key${index}`).lastInsertRowid);
    const names = oldNames[title] ?? '';
    db.prepare(`INSERT INTO papers_fts (rowid, title, names, authors, abstract, tags, note, facets) VALUES (?, ?, ?, '', 'An abstract.', '', '', '0zall')`).run(id, title, names);
    const rowid = indexRowid(id, title);
    db.prepare(`INSERT INTO papers_names_fts (rowid, title, names, authors, facets) VALUES (?, ?, ?, '', '0zall')`).run(rowid, title, names);
    db.prepare(`INSERT INTO search_rowids (paper_id, names_rowid) VALUES (?, ?)`).run(id, rowid);
  });
  db.exec(`DELETE FROM search_queue`);
  db.close();
}

describe('migration 010: names with digits gain their case-boundary parts', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp?.cleanup());

  it('the new parts are written for new papers', () => {
    expect(namePartsText(TITLES[0] ?? '').split(' ')).toEqual(expect.arrayContaining(['i2v', 'edit']));
    expect(namePartsText(TITLES[1] ?? '').split(' ')).toEqual(expect.arrayContaining(['sam2', 'point']));
    expect(namePartsText('GPT4Vision').split(' ')).toEqual(expect.arrayContaining(['gpt4', 'vision']));
  });

  it('re-indexes the papers whose titles have digits, so an older library finds "i2v" and "sam2"', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    buildLibraryBefore(file);
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.prepare(`SELECT count(*) FROM papers_fts WHERE papers_fts MATCH 'i2v'`).pluck().get()).toBe(0);
    raw.close();
    const library = openSiftLibrary(file);
    try {
      const queued = library.db.prepare(`SELECT count(*) FROM search_queue`).pluck().get();
      // Only the two titles with digits: a library's plain titles are not indexed again.
      expect(queued).toBeLessThanOrEqual(2);
      const titles = (query: string) => searchPapers(library.db, { query: `${query} ` }).hits.map((hit) => hit.paper.title);
      expect(titles('i2v edit first frame')).toEqual([TITLES[0]]);
      expect(titles('sam2 point')).toEqual([TITLES[1]]);
      // Each paper once: the old index rows were replaced, not added to.
      expect(titles('segment')).toEqual([TITLES[1]]);
      expect(titles('editing')).toEqual([TITLES[0]]);
      expect(titles('plain words')).toEqual([TITLES[2]]);
    } finally {
      library.close();
    }
  });
});
