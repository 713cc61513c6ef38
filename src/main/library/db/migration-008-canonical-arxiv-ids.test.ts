import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, makeTempDir } from '../../../../tests/support/temp-library.ts';
import { importDigest } from '../import/import-digest.ts';
import { getPaper } from '../papers/get-paper.ts';
import { openSiftLibrary } from '../sift-library.ts';
import { searchPaperIds } from '../search/search-engine.ts';
import { openSchemaBefore } from './testing/schema-before.ts';

const clock = fixedClock('2026-06-20T10:00:00Z');
let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.cleanup());

interface OldPaper {
  arxivId: string;
  title: string;
  status?: string;
  statusChangedAt?: string;
  starred?: number;
  note?: string;
  abstract?: string;
  doi?: string;
}

/** A library at schema 7, written the way the Sift of then wrote it (raw ids as the file had them). */
function oldLibrary(file: string, papers: OldPaper[]): Database {
  const db = openSchemaBefore(file, 'canonical arxiv ids');
  const insert = db.prepare(`INSERT INTO papers (identity_key, arxiv_id, doi, title, title_key, abstract, status, starred, starred_at, note, added_at, status_changed_at, digest_date)
    VALUES (@key, @arxivId, @doi, @title, lower(@title), @abstract, @status, @starred, @starredAt, @note, @addedAt, @statusChangedAt, '2026-01-01')`);
  papers.forEach((paper, index) =>
    insert.run({
      key: `arxiv:${paper.arxivId}`,
      arxivId: paper.arxivId,
      doi: paper.doi ?? null,
      title: paper.title,
      abstract: paper.abstract ?? '',
      status: paper.status ?? 'inbox',
      starred: paper.starred ?? 0,
      starredAt: paper.starred ? '2026-01-03T00:00:00.000Z' : null,
      note: paper.note ?? '',
      addedAt: `2026-01-0${index + 1}T00:00:00.000Z`,
      statusChangedAt: paper.statusChangedAt ?? `2026-01-0${index + 1}T00:00:00.000Z`,
    }),
  );
  return db;
}

function addToDigest(db: Database, name: string, paperIds: number[]): void {
  const digestId = Number(
    db.prepare(`INSERT INTO digests (source_name, format, digest_date, imported_at, content_hash, paper_count) VALUES (?, 'bibtex', NULL, 'now', ?, ?)`).run(name, name, paperIds.length).lastInsertRowid,
  );
  paperIds.forEach((paperId, position) => db.prepare(`INSERT INTO paper_digests (paper_id, digest_id, position) VALUES (?, ?, ?)`).run(paperId, digestId, position));
}

function tag(db: Database, paperId: number, name: string): void {
  db.prepare(`INSERT OR IGNORE INTO tags (name) VALUES (?)`).run(name);
  db.prepare(`INSERT INTO paper_tags (paper_id, tag_id) SELECT ?, id FROM tags WHERE name = ?`).run(paperId, name);
}

describe('migration 008: canonical old-style arXiv ids', () => {
  it('rewrites ids with a subject class or a version to the form imports use, keeping every paper', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    oldLibrary(file, [
      { arxivId: 'hep-th/9901001v2', title: 'Strings' },
      { arxivId: 'math.AG/0501001', title: 'Curves' },
      { arxivId: '2401.00001v3', title: 'Modern' },
      { arxivId: '2401.00002', title: 'Already canonical' },
    ]).close();
    const library = openSiftLibrary(file, { clock });
    const rows = library.db.prepare(`SELECT arxiv_id, identity_key, title FROM papers ORDER BY id`).all();
    expect(rows).toEqual([
      { arxiv_id: 'hep-th/9901001', identity_key: 'arxiv:hep-th/9901001', title: 'Strings' },
      { arxiv_id: 'math/0501001', identity_key: 'arxiv:math/0501001', title: 'Curves' },
      { arxiv_id: '2401.00001', identity_key: 'arxiv:2401.00001', title: 'Modern' },
      { arxiv_id: '2401.00002', identity_key: 'arxiv:2401.00002', title: 'Already canonical' },
    ]);
    // A later import of the same paper under its canonical id finds it instead of adding a second one.
    const report = importDigest(library.db, { fileName: 'ids.txt', bytes: new TextEncoder().encode('arXiv:hep-th/9901001\n') }, clock);
    expect(report).toMatchObject({ added: 0, existing: 1 });
    library.close();
  });

  it('merges two papers that become one id, losing no triage state, star, tag, note or digest link', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    const old = oldLibrary(file, [
      { arxivId: 'cs/0003005', title: 'Query Evaluation', starred: 1, note: 'Compare with chapter 2.' },
      { arxivId: 'cs.DB/0003005', title: 'Query evaluation', status: 'to-read', statusChangedAt: '2026-02-01T00:00:00.000Z', note: 'Cited by the survey.', abstract: 'We study queries.', doi: '10.1000/q.1' },
      { arxivId: 'cs.DB/0003005v2', title: 'Query evaluation (v2)', status: 'skipped', statusChangedAt: '2026-01-15T00:00:00.000Z' },
      { arxivId: '2401.00009', title: 'Bystander' },
    ]);
    addToDigest(old, 'first.bib', [1, 4]);
    addToDigest(old, 'second.bib', [4, 2]);
    addToDigest(old, 'third.bib', [3]);
    tag(old, 1, 'databases');
    tag(old, 2, 'to-cite');
    tag(old, 3, 'databases');
    old.close();

    const library = openSiftLibrary(file, { clock });
    const ids = library.db.prepare(`SELECT id FROM papers ORDER BY id`).pluck().all();
    expect(ids).toEqual([1, 4]);
    const merged = getPaper(library.db, 1);
    expect(merged).toMatchObject({
      arxivId: 'cs/0003005',
      title: 'Query Evaluation',
      abstract: 'We study queries.',
      doi: '10.1000/q.1',
      // The latest decision: to-read on Feb 1 is later than skipped on Jan 15.
      status: 'to-read',
      starred: true,
      note: 'Compare with chapter 2.\n\nCited by the survey.',
    });
    expect([...merged.tags].sort()).toEqual(['databases', 'to-cite']);
    expect(merged.digests.map((digest) => digest.id).sort()).toEqual([1, 2, 3]);
    expect(library.db.prepare(`SELECT digest_id, position FROM paper_digests WHERE paper_id = 1 ORDER BY digest_id`).all()).toEqual([
      { digest_id: 1, position: 0 },
      { digest_id: 2, position: 1 },
      { digest_id: 3, position: 0 },
    ]);
    // Search finds the merged paper once; the rows merged away are gone from the index.
    expect(searchPaperIds(library.db, { query: 'query evaluation' }).ids).toEqual([1]);
    library.close();
  });
});
