// Test helper: a temp library of ~300 real Hugging Face daily papers (tests/fixtures/search, copied from
// the shared 2024–2025 corpus with abstracts cut to their first sentences), searchable like the app's.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { insertPaper, toIncomingPaper } from '../import/merge-paper.ts';
import { emptyPaper } from '../import/parsers/parsed-digest.ts';
import { searchPaperIds, searchPapers } from './search-engine.ts';

interface FixturePaper {
  arxivId: string;
  title: string;
  authors: string[];
  abstract: string;
  publishedAt: string;
}

export const REAL_PAPERS: readonly FixturePaper[] = JSON.parse(
  fs.readFileSync(path.join(FIXTURES_DIR, 'search/hf-real-papers.json'), 'utf8'),
) as FixturePaper[];

export function realPapersLibrary() {
  const clock = fixedClock('2026-03-12T10:00:00.000Z');
  const library = openTempLibrary({ clock });
  const add = (paper: Omit<FixturePaper, 'arxivId' | 'publishedAt'> & { arxivId?: string }) => {
    const parsed = { ...emptyPaper(paper.title), abstract: paper.abstract, authors: paper.authors, arxivId: paper.arxivId ?? null };
    return insertPaper(library.db, toIncomingPaper(parsed), { status: 'inbox', digestDate: '2026-03-12', digestPosition: 0, now: clock.now().toISOString() });
  };
  library.db.transaction(() => REAL_PAPERS.forEach((paper) => add(paper)))();
  /** Titles of a finished query (trailing space) or, with `typing`, of the query as typed so far. */
  const titles = (query: string, options: { typing?: boolean } = {}) =>
    searchPapers(library.db, { query: options.typing ? query : `${query} `, limit: 10 }).hits.map((hit) => hit.paper.title);
  return {
    library,
    add,
    titles,
    search: (query: string, options: { limit?: number; offset?: number } = {}) => searchPapers(library.db, { query, limit: options.limit ?? 50, offset: options.offset }),
    ids: (query: string) => searchPaperIds(library.db, { query }),
  };
}
