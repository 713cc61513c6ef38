// The papers one search reads, each read once. A keystroke used to read rows three times: the
// candidates' text to score them, the head's titles to re-rank it, and the page to show it, together
// about a quarter of the slowest keystrokes at 100k papers (each paper is a B-tree lookup of a ~2 KB
// row). The page is part of the head and the head of the candidates, so one read serves all three.
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { SUMMARY_COLUMNS } from '../papers/paper-rows.ts';
import type { PaperSummaryRow } from '../papers/paper-rows.ts';

export type SearchRow = PaperSummaryRow & { abstract: string; note: string };

export interface SearchRows {
  /** The rows of `ids` that exist, reading only those not read before. */
  get(ids: readonly number[]): Map<number, SearchRow>;
}

export function searchRows(db: Database): SearchRows {
  const read = new Map<number, SearchRow>();
  const select = prepared<[string], SearchRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS}, p.abstract, p.note FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`,
  );
  return {
    get(ids) {
      const missing = ids.filter((id) => !read.has(id));
      if (missing.length) for (const row of select.all(JSON.stringify(missing))) read.set(row.id, row);
      const found = new Map<number, SearchRow>();
      for (const id of ids) {
        const row = read.get(id);
        if (row) found.set(id, row);
      }
      return found;
    },
  };
}
