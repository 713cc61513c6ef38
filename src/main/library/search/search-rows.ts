// The papers searches read, each read once. A keystroke used to read rows three times: the
// candidates' text to score them, the head's titles to re-rank it, and the page to show it, together
// about a quarter of the slowest keystrokes at 100k papers (each paper is a B-tree lookup of a ~2 KB
// row). The page is part of the head and the head of the candidates, so one read serves all three.
// Rows are also kept between keystrokes, until the library changes: the next letter of a word mostly
// shows the papers the last one did, and reading them again was a third of the slowest keystrokes.
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { abstractWords, SUMMARY_COLUMNS_BUT_WORDS } from '../papers/paper-rows.ts';
import type { PaperSummaryRow } from '../papers/paper-rows.ts';

export type SearchRow = PaperSummaryRow & { abstract: string; note: string };

export interface SearchRows {
  /** The rows of `ids` that exist, reading only those not read before. */
  get(ids: readonly number[]): Map<number, SearchRow>;
}

/** Rows kept between keystrokes (~2–3 KB each): several searches' candidates and pages. */
const KEPT_ROWS = 4000;

const keptRows = new WeakMap<Database, { version: string; rows: Map<number, SearchRow> }>();

/**
 * The rows searches read, for the library as it is at `version` (a token that changes with every
 * commit on any connection): rows kept under another version are dropped, so no row is ever stale.
 */
export function searchRows(db: Database, version: string): SearchRows {
  let kept = keptRows.get(db);
  if (!kept || kept.version !== version) {
    kept = { version, rows: new Map() };
    keptRows.set(db, kept);
  }
  const read = kept.rows;
  const select = prepared<[string], Omit<SearchRow, 'abstract_words'>>(
    db,
    `SELECT ${SUMMARY_COLUMNS_BUT_WORDS}, p.abstract, p.note FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`,
  );
  return {
    get(ids) {
      const found = new Map<number, SearchRow>();
      const missing: number[] = [];
      for (const id of ids) {
        const row = read.get(id);
        if (!row) missing.push(id);
        else {
          // Used again: moved to the newest end, so the oldest rows are the ones let go.
          read.delete(id);
          read.set(id, row);
        }
      }
      if (missing.length) {
        for (const row of select.all(JSON.stringify(missing))) read.set(row.id, { ...row, abstract_words: abstractWords(row.abstract) });
      }
      for (const id of ids) {
        const row = read.get(id);
        if (row) found.set(id, row);
      }
      for (const id of read.keys()) {
        if (read.size <= KEPT_ROWS) break;
        read.delete(id);
      }
      return found;
    },
  };
}
