// The order of every paper a search matches, however many. Papers with the words in their title, name
// parts or authors come first; within each group the index's bm25 ranks them while the group is small
// enough to score in a frame, and a static rank (shorter titles first, then newer) orders a group too
// large for that: among papers that all carry the same common words in the title, bm25 differs mostly
// by title length, so the static rank approximates it without reading each row's column sizes.
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { titleLengthsOf } from './title-lengths.ts';

/** bm25 reads each match's column sizes (a B-tree lookup per row, ~10 µs): this many fit in a frame. */
export const RANK_LIMIT = 400;
/** bm25 weights: title, names, authors, abstract, tags, note, facets. */
const BM25 = `bm25(papers_fts, 10.0, 8.0, 5.0, 1.0, 4.0, 3.0, 0.0)`;

export interface RankedId {
  id: number;
  /** Positive, larger is better; comparable only within one search. */
  relevance: number;
  /** The words are in its title, name parts or authors. */
  evidence?: boolean;
}

const matchingIds = (db: Database, match: string): number[] =>
  prepared<[string], number>(db, `SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid DESC`).pluck().all(match);

function bm25Ranked(db: Database, match: string, limit: number): RankedId[] {
  return prepared<[string, number], { id: number; score: number }>(
    db,
    `SELECT rowid AS id, ${BM25} AS score FROM papers_fts WHERE papers_fts MATCH ? ORDER BY score LIMIT ?`,
  )
    .all(match, limit)
    .map((row) => ({ id: row.id, relevance: -row.score })); // bm25() is negative: more negative is better
}

/** Shorter titles first, then newer (ids arrive newest first); relevance scaled below any bm25 group. */
function staticRanked(db: Database, ids: number[], scale: number): RankedId[] {
  const lengthOf = titleLengthsOf(db, ids);
  return ids
    .map((id, order) => ({ id, order, length: lengthOf(id) }))
    .sort((a, b) => a.length - b.length || a.order - b.order)
    .map(({ id, length }) => ({ id, relevance: scale / (20 + length) }));
}

function rankGroup(db: Database, match: string, ids: number[], scale: number): RankedId[] {
  if (ids.length > RANK_LIMIT) return staticRanked(db, ids, scale);
  return bm25Ranked(db, match, ids.length + 1).map((row) => ({ id: row.id, relevance: row.relevance * scale }));
}

/**
 * Every match, best first. `evidenceMatch` is the same query restricted to titles, names and authors.
 * Ranked text searches put those matches first; filter-only searches list the newest first.
 */
export function orderMatches(db: Database, match: string, evidenceMatch: string | null): RankedId[] {
  const all = matchingIds(db, match);
  if (!evidenceMatch) return all.map((id) => ({ id, relevance: 0 }));
  const evidenceIds = matchingIds(db, evidenceMatch);
  const first = rankGroup(db, evidenceMatch, evidenceIds, 1);
  const placed = new Set(evidenceIds);
  const rest = placed.size === 0 ? all : all.filter((id) => !placed.has(id));
  const second =
    rest.length > RANK_LIMIT
      ? staticRanked(db, rest, 0.01)
      : placed.size === 0
        ? bm25Ranked(db, match, all.length)
        : bm25Ranked(db, `(${match}) NOT (${evidenceMatch})`, rest.length + 1).filter((row) => !placed.has(row.id));
  const best = first[0]?.relevance ?? 1;
  // Keep the groups apart: anything in the first outranks everything in the second.
  const floor = first.length ? Math.min(...first.slice(-1).map((row) => row.relevance)) : best;
  const top = Math.max(...second.slice(0, 1).map((row) => row.relevance), 1e-9);
  return [...first.map((row) => ({ ...row, evidence: true })), ...second.map((row) => ({ id: row.id, relevance: (row.relevance / top) * floor * 0.5 }))];
}
