import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-library.ts';
import { searchPapers } from '../search/search-engine.ts';
import { indexPendingPapers } from '../search/index-sync.ts';
import { openSiftLibrary } from '../sift-library.ts';
import { MIGRATIONS } from './migrations/index.ts';

/** A library as Sift left it before the names column: migrations up to the search index, indexed. */
function buildLibraryBeforeNames(file: string): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  const names = MIGRATIONS.find((migration) => migration.name === 'search name parts');
  const before = MIGRATIONS.filter((migration) => migration.version < (names?.version ?? 0));
  db.transaction(() => {
    for (const migration of before) migration.up(db);
    db.pragma(`user_version = ${before.at(-1)?.version ?? 0}`);
  })();
  const insert = db.prepare(
    `INSERT INTO papers (identity_key, arxiv_id, title, title_key, abstract, authors, status, starred, note, position, added_at, status_changed_at)
     VALUES (?, ?, ?, ?, ?, '[]', 'inbox', 0, '', NULL, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  );
  insert.run('arxiv:2502.18137', '2502.18137', 'SpargeAttn: Accurate Sparse Attention Accelerating Any Model Inference', 'spargeattn', 'Sparse attention for any model.');
  insert.run('arxiv:2502.13923', '2502.13923', 'Qwen2.5-VL Technical Report', 'qwen25vl', 'A vision-language model.');
  // The old index, filled the old way (rowid = paper id).
  db.exec(`INSERT INTO papers_fts (rowid, title, authors, abstract, tags, note, facets) SELECT id, title, authors, abstract, '', note, '0zall' FROM papers;
    DELETE FROM search_queue;`);
  db.close();
}

describe('migration 005: the search index gains name parts', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp?.cleanup());

  it('rebuilds the index so names are found by their parts, and an edited title leaves no trace of the old one', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    buildLibraryBeforeNames(file);
    const library = openSiftLibrary(file);
    try {
      const titles = (query: string) => searchPapers(library.db, { query: `${query} ` }).hits.map((hit) => hit.paper.title);
      expect(titles('sparge')).toEqual(['SpargeAttn: Accurate Sparse Attention Accelerating Any Model Inference']);
      expect(titles('qwen vl')).toEqual(['Qwen2.5-VL Technical Report']);
      library.db.prepare(`UPDATE papers SET title = 'Qwen Report, Revised and Much Longer Than Before' WHERE arxiv_id = '2502.13923'`).run();
      indexPendingPapers(library.db);
      expect(titles('technical')).toEqual([]);
      expect(titles('revised')).toEqual(['Qwen Report, Revised and Much Longer Than Before']);
    } finally {
      library.close();
    }
  });
});
