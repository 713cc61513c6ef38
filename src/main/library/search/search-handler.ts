import type { Database } from 'better-sqlite3';
import type { SearchResult } from '../../../shared/contract/search-contract.ts';
import type { Queue } from '../../../shared/domain.ts';
import { countSearchMatches, searchPaperIds, searchPapers } from './search-engine.ts';
import type { SearchInput } from './search-engine.ts';
import { warmUpInBackground } from './search-state.ts';

/**
 * The `searchPapers` operation for one open library. Creating it starts loading the vocabulary in the
 * background, a chunk per event-loop turn, so the first keystroke does not pay for it.
 */
export function searchHandler(db: Database): (input: SearchInput) => SearchResult {
  warmUpInBackground(db);
  return (input) => searchPapers(db, input);
}

/** Every matching paper's id for one open library (select all). */
export function searchIdsHandler(db: Database): (input: { query: string; queue?: Queue | undefined }) => { ids: number[]; total: number } {
  return (input) => searchPaperIds(db, input);
}

/** The exact number of matches of a query for one open library. */
export function searchCountHandler(db: Database): (input: { query: string; queue?: Queue | undefined }) => { total: number } {
  return (input) => ({ total: countSearchMatches(db, input) });
}
