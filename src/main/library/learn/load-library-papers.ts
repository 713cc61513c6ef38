// Reads what the model learns from straight out of the library: every paper's text, authors, tags
// and the reader's decision: one query for the papers, one for all tag links.
import type { Database } from 'better-sqlite3';
import type { PaperStatus } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { parseAuthors } from '../papers/paper-rows.ts';
import { featureSpaceBuilder } from './feature-space.ts';
import type { FeatureSpace } from './feature-space.ts';
import type { LibraryPaper } from './reader-model.ts';

interface LearnRow {
  id: number;
  title: string;
  abstract: string;
  authors: string;
  status: PaperStatus;
  starred: number;
}

/**
 * The library as the model needs it, streamed: each paper's text goes into the feature space as it
 * is read and is not kept, so 100,000 abstracts never sit in memory at once. The papers returned
 * carry only their id, decision and tags.
 */
export function loadLibraryForLearning(db: Database): { papers: LibraryPaper[]; space: FeatureSpace } {
  const tagsById = loadTags(db);
  const builder = featureSpaceBuilder();
  const papers: LibraryPaper[] = [];
  for (const row of prepared<[], LearnRow>(db, PAPERS_SQL).iterate()) {
    const paper = rowToPaper(row, tagsById);
    builder.add(paper);
    papers.push({ ...paper, title: '', abstract: '', authors: [] });
  }
  return { papers, space: builder.finish() };
}

const PAPERS_SQL = `SELECT p.id, p.title, p.abstract, p.authors, p.status, p.starred FROM papers p WHERE p.title_is_placeholder = 0 ORDER BY p.id`;

function rowToPaper(row: LearnRow, tagsById: Map<number, string[]>): LibraryPaper {
  return {
    id: row.id,
    title: row.title,
    abstract: row.abstract,
    authors: parseAuthors(row.authors),
    tags: tagsById.get(row.id) ?? [],
    status: row.status,
    starred: row.starred === 1,
  };
}

/** Every paper with its text, for the bench and tests. */
export function loadLibraryPapers(db: Database): LibraryPaper[] {
  const tagsById = loadTags(db);
  return prepared<[], LearnRow>(db, PAPERS_SQL).all().map((row) => rowToPaper(row, tagsById));
}

/** One pass over the tag links instead of a subquery per paper. */
export function loadTags(db: Database): Map<number, string[]> {
  const tagsById = new Map<number, string[]>();
  for (const link of prepared<[], { paper_id: number; name: string }>(db, `SELECT pt.paper_id, t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id`).iterate()) {
    const list = tagsById.get(link.paper_id);
    if (list) list.push(link.name);
    else tagsById.set(link.paper_id, [link.name]);
  }
  return tagsById;
}
