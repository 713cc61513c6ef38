import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, makeTempDir } from '../../../../tests/support/temp-library.ts';
import { setStatus } from '../papers/triage-papers.ts';
import { openSiftLibrary } from '../sift-library.ts';
import { importDigest } from './import-digest.ts';
import type { ImportObserver } from './import-digest.ts';
import { librarySnapshot } from './testing/library-snapshot.ts';
import { renderHfText, samplePapers } from './testing/sample-papers.ts';

// The bulk path writes runs of certainly-new papers together and indexes them without FTS5 merging;
// the one-by-one path is the import as it was. On a file full of the cases that make import hard,
// both must leave the same library and the same search index.

const clock = fixedClock('2026-06-20T10:00:00Z');
const papers = samplePapers();
const bytes = (text: string) => new TextEncoder().encode(text);
let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const csl = (items: object[]) => bytes(JSON.stringify(items));
const cslItem = (fields: { title?: string; doi?: string; arxiv?: string; year?: number; authors?: string[]; type?: string; volume?: string }) => ({
  type: fields.type ?? 'article-journal',
  title: fields.title,
  DOI: fields.doi,
  URL: fields.arxiv ? `https://arxiv.org/abs/${fields.arxiv}` : undefined,
  author: (fields.authors ?? ['Ada Lovelace']).map((name) => ({ given: name.split(' ')[0], family: name.split(' ').slice(1).join(' ') })),
  issued: fields.year ? { 'date-parts': [[fields.year]] } : undefined,
  volume: fields.volume,
});

/** A library with history: title-only papers, DOI papers, a namesake, some of it triaged. */
function seededLibrary(file: string): void {
  const library = openSiftLibrary(file, { clock });
  importDigest(library.db, { fileName: 'page.txt', bytes: bytes(renderHfText(papers.slice(0, 8))) }, clock, { indexForSearch: true });
  importDigest(
    library.db,
    {
      fileName: 'zotero.json',
      bytes: csl([
        cslItem({ title: 'Deep Residual Learning', doi: '10.1109/cvpr.2016.90', year: 2016, authors: ['Kaiming He'] }),
        cslItem({ title: 'Introduction', year: 1999, authors: ['Jane Roe'], type: 'chapter' }),
        cslItem({ title: 'A Survey of Graphs', doi: '10.1000/graphs.1', year: 2020 }),
      ]),
    },
    clock,
    { indexForSearch: true },
  );
  setStatus({ db: library.db, history: library.history, clock }, [1, 3], 'to-read');
  library.close();
}

/** Every hard case in one file: arXiv, DOI and title matches, duplicates inside the file, namesakes, new papers. */
function trickyFile(): Uint8Array {
  const items: object[] = [];
  papers.slice(20, 30).forEach((paper) => items.push(cslItem({ title: paper.title, arxiv: paper.arxivId, year: 2025, authors: paper.authors })));
  // Title matches of the title-only papers, now with their arXiv ids (enrich + title merge report).
  papers.slice(0, 4).forEach((paper) => items.push(cslItem({ title: paper.title, arxiv: paper.arxivId, authors: paper.authors })));
  items.push(cslItem({ title: 'Deep residual learning.', doi: '10.1109/CVPR.2016.90', year: 2016, authors: ['Kaiming He'] }));
  items.push(cslItem({ title: 'A Survey of Graphs, Revisited', doi: '10.1000/graphs.1', year: 2021 }));
  // Namesakes: a conflicting "Introduction" becomes its own paper; the second one of this file joins the first.
  items.push(cslItem({ title: 'Introduction', year: 2010, authors: ['John Doe'], type: 'chapter' }));
  items.push(cslItem({ title: 'Introduction', year: 2010, authors: ['John Doe'], type: 'chapter' }));
  papers.slice(10, 20).forEach((paper) => items.push(cslItem({ title: paper.title, arxiv: paper.arxivId, authors: paper.authors })));
  // Duplicates inside the file: by arXiv id, by DOI (case differs), and by title alone.
  items.push(cslItem({ title: papers[12]?.title, arxiv: papers[12]?.arxivId }));
  items.push(cslItem({ title: 'Graph Nets at Scale', doi: '10.1000/NETS.7', year: 2022 }));
  items.push(cslItem({ title: 'Graph nets at scale', doi: '10.1000/nets.7', year: 2022 }));
  items.push(cslItem({ title: 'Sparse Attention Without Ids', year: 2023 }));
  items.push(cslItem({ title: 'Sparse attention without ids!', year: 2023 }));
  // A DOI-only record that a later record with the same DOI and a title fills in.
  items.push(cslItem({ doi: '10.1000/only.doi' }));
  items.push(cslItem({ title: 'Now With A Title', doi: '10.1000/only.doi', year: 2024 }));
  // Enough records that the import indexes in bulk (without FTS5 merging) and in several batches.
  for (let index = 0; index < 1100; index += 1) items.push(cslItem({ title: `Generated paper number ${index} on graphs`, doi: `10.1000/gen.${index}`, year: 2024 }));
  return csl(items);
}

/** Everything an import writes, the search index's terms and documents included. */
function fullSnapshot(db: Database): unknown {
  const rows = (sql: string) => db.prepare(sql).all();
  return {
    library: librarySnapshot(db),
    merges: rows(`SELECT * FROM title_merges ORDER BY id`),
    queue: rows(`SELECT * FROM search_queue ORDER BY paper_id`),
    terms: rows(`SELECT term, doc, cnt FROM papers_fts_vocab ORDER BY term`),
    names: rows(`SELECT rowid, * FROM papers_names_fts ORDER BY rowid`),
    rowids: rows(`SELECT * FROM search_rowids ORDER BY paper_id`),
    // Merging is only deferred during the import: later writes merge as before (FTS5's default is 4).
    automerge: ['papers_fts', 'papers_names_fts'].map((table) => db.prepare(`SELECT coalesce((SELECT v FROM ${table}_config WHERE k = 'automerge'), 4)`).pluck().get()),
    matches: ['graphs', 'introduction', 'attention', 'residual', 'title'].map((word) =>
      db.prepare(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid`).pluck().all(word),
    ),
  };
}

function importBothWays(into: 'inbox' | 'to-read', observer: ImportObserver = {}) {
  const seed = path.join(temp.dir, 'seed.db');
  seededLibrary(seed);
  const outcome = (oneByOne: boolean) => {
    const file = path.join(temp.dir, `${oneByOne ? 'one-by-one' : 'bulk'}-${into}.db`);
    fs.copyFileSync(seed, file);
    const library = openSiftLibrary(file, { clock });
    try {
      const report = importDigest(library.db, { fileName: 'tricky.json', bytes: trickyFile(), into }, clock, { ...observer, indexForSearch: true, oneByOne });
      return { report, snapshot: fullSnapshot(library.db) };
    } finally {
      library.close();
    }
  };
  return { bulk: outcome(false), oneByOne: outcome(true) };
}

describe('bulk import', () => {
  it('leaves the same library and search index as importing record by record, into the inbox', () => {
    const { bulk, oneByOne } = importBothWays('inbox');
    expect(bulk.report.added).toBeGreaterThan(1100);
    expect(bulk.report.titleMerges?.length).toBeGreaterThan(3);
    expect(bulk.report).toEqual(oneByOne.report);
    expect(bulk.snapshot).toEqual(oneByOne.snapshot);
  });

  it('leaves the same library (to-read positions included) when papers go to the to-read queue', () => {
    const { bulk, oneByOne } = importBothWays('to-read');
    expect(bulk.report).toEqual(oneByOne.report);
    expect(bulk.snapshot).toEqual(oneByOne.snapshot);
  });

  it('reports progress at the same points, every 250 papers', () => {
    const seen = (oneByOne: boolean) => {
      const written: number[] = [];
      const file = path.join(temp.dir, `progress-${String(oneByOne)}.db`);
      const library = openSiftLibrary(file, { clock });
      const report = importDigest(library.db, { fileName: 'tricky.json', bytes: trickyFile() }, clock, {
        oneByOne,
        onProgress: (progress) => {
          if (progress.phase === 'writing') written.push(progress.papersWritten);
        },
      });
      library.close();
      return { written, papers: report.papers };
    };
    const bulk = seen(false);
    expect(bulk.papers).toBeGreaterThan(1000);
    expect(bulk.written).toEqual([250, 500, 750, 1000, bulk.papers]);
    expect(seen(true)).toEqual(bulk);
  });
});
