// Test helper: a temp library holding the shared Hugging Face digest (58 papers, 2026-03-11), plus a way to
// add papers with authors and dates through the import core, which the text digest does not carry.
import fs from 'node:fs';
import { fixedClock, HF_PAPERS_PAGE, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { importDigest } from '../import/import-digest.ts';
import { insertPaper, toIncomingPaper } from '../import/merge-paper.ts';
import { emptyPaper } from '../import/parsers/parsed-digest.ts';
import { searchPapers } from './search-engine.ts';

export function digestLibrary() {
  const clock = fixedClock('2026-03-12T10:00:00.000Z');
  const library = openTempLibrary({ clock });
  importDigest(library.db, { fileName: 'hf-papers-page.txt', bytes: fs.readFileSync(HF_PAPERS_PAGE) }, clock);
  const context = { db: library.db, history: library.history, clock };
  const idOf = (titleStart: string): number => {
    const id = library.db.prepare(`SELECT id FROM papers WHERE title LIKE ? || '%'`).pluck().get(titleStart) as number | undefined;
    if (id === undefined) throw new Error(`no paper titled "${titleStart}…"`);
    return id;
  };
  const addPaper = (fields: { title: string; abstract?: string; authors?: string[]; publishedAt?: string | null }): number => {
    const parsed = { ...emptyPaper(fields.title), abstract: fields.abstract ?? '', authors: fields.authors ?? [], publishedAt: fields.publishedAt ?? null };
    return insertPaper(library.db, toIncomingPaper(parsed), { status: 'inbox', digestDate: '2026-03-12', digestPosition: 0, now: clock.now().toISOString() });
  };
  /** Ids of a completed query (a trailing space: the last word is finished), in rank order. */
  const ids = (query: string, queue?: Parameters<typeof searchPapers>[1]['queue']) =>
    searchPapers(library.db, { query: `${query} `, queue, limit: 100 }).hits.map((hit) => hit.paper.id);
  const titles = (query: string) => searchPapers(library.db, { query, limit: 10 }).hits.map((hit) => hit.paper.title);
  return { library, context, idOf, addPaper, ids, titles, search: (query: string) => searchPapers(library.db, { query, limit: 50 }) };
}
