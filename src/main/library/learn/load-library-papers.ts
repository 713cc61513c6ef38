// Reads what the model learns from straight out of the library: every paper's text, authors, tags
// and the reader's decision. One query with tags folded in, so 100,000 papers load in one pass.
import type { Database } from 'better-sqlite3';
import type { PaperStatus } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { parseAuthors } from '../papers/paper-rows.ts';
import type { LibraryPaper } from './reader-model.ts';

interface LearnRow {
  id: number;
  title: string;
  abstract: string;
  authors: string;
  status: PaperStatus;
  starred: number;
  tags: string | null;
}

export function loadLibraryPapers(db: Database): LibraryPaper[] {
  const rows = prepared<[], LearnRow>(
    db,
    `SELECT p.id, p.title, p.abstract, p.authors, p.status, p.starred,
       (SELECT group_concat(t.name, char(31)) FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = p.id) AS tags
     FROM papers p WHERE p.title_is_placeholder = 0 ORDER BY p.id`,
  ).all();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    abstract: row.abstract,
    authors: parseAuthors(row.authors),
    tags: row.tags ? row.tags.split('\u001f') : [],
    status: row.status,
    starred: row.starred === 1,
  }));
}

/** Changes whenever this or any other connection commits: the model is stale when it differs. */
export function libraryRevision(db: Database): string {
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const ownChanges = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${dataVersion}:${ownChanges}`;
}
