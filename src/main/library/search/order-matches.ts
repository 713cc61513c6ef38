// The order of the papers a search matches, best first, computed only as far down as asked. Papers with
// the words in their title, name parts or authors come first. Within each group the index's bm25 ranks
// every match while the group is small enough to score in a frame; a larger group comes in the index's
// static rank (static-rank.ts: shorter titles first), read in order and only as far as needed, so a
// common word's first page costs the same whether 500 or 500,000 papers carry it.
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { paperIdOf } from './static-rank.ts';

/** bm25 reads each match's column sizes (a B-tree lookup per row, ~10 µs): this many fit in a frame. */
export const RANK_LIMIT = 300;
/** bm25 weights: title, names, authors, abstract, tags, note, facets. */
const BM25 = `bm25(papers_fts, 10.0, 8.0, 5.0, 1.0, 4.0, 3.0, 0.0)`;
const ID_BITS = 2 ** 32;

export interface RankedId {
  id: number;
  /** Positive, larger is better; comparable only within one search. */
  relevance: number;
  /** The words are in its title, name parts or authors. */
  evidence?: boolean;
}

export interface MatchOrder {
  /** The best matches, at least as many as asked for when there are that many. */
  ranked: RankedId[];
  /** Every match is in `ranked`. */
  complete: boolean;
  total: number;
}

interface Group {
  ranked: RankedId[];
  complete: boolean;
}

const inRankOrder = (db: Database, match: string, limit: number): number[] =>
  prepared<[string, number], number>(db, `SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid LIMIT ?`).pluck().all(match, limit);

function bm25Ranked(db: Database, match: string, limit: number): RankedId[] {
  return prepared<[string, number], { rowid: number; score: number }>(
    db,
    `SELECT rowid, ${BM25} AS score FROM papers_fts WHERE papers_fts MATCH ? ORDER BY score LIMIT ?`,
  )
    .all(match, limit)
    .map((row) => ({ id: paperIdOf(row.rowid), relevance: -row.score })); // bm25() is negative: more negative is better
}

/** The first `want` matches of one group (all of them when it is small, or when want is Infinity). */
function rankGroup(db: Database, match: string, want: number): Group {
  const probe = inRankOrder(db, match, Number.isFinite(want) ? Math.max(RANK_LIMIT + 1, want) : -1);
  if (probe.length <= RANK_LIMIT) return { ranked: bm25Ranked(db, match, probe.length), complete: true };
  const ranked = probe.map((rowid) => ({ id: paperIdOf(rowid), relevance: 1 / (20 + Math.floor(rowid / ID_BITS)) }));
  return { ranked, complete: !Number.isFinite(want) };
}

const countMatches = (db: Database, match: string) =>
  prepared<[string], number>(db, `SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?`).pluck().get(match) ?? 0;

/** Filter-only searches (no words): every match, newest first. */
function newestFirst(db: Database, match: string): MatchOrder {
  const ids = inRankOrder(db, match, -1).map(paperIdOf).sort((a, b) => b - a);
  return { ranked: ids.map((id) => ({ id, relevance: 0 })), complete: true, total: ids.length };
}

/**
 * The best `want` matches (Infinity: all of them). `evidenceMatch` is the same query restricted to
 * titles, names and authors; null for a search with no words.
 */
export function orderMatches(db: Database, match: string, evidenceMatch: string | null, want: number): MatchOrder {
  if (!evidenceMatch) return newestFirst(db, match);
  const first = rankGroup(db, evidenceMatch, want);
  const needMore = first.complete && first.ranked.length < want;
  const second = needMore ? rankGroup(db, `(${match}) NOT (${evidenceMatch})`, want - first.ranked.length) : { ranked: [], complete: false };
  const complete = first.complete && second.complete;
  const ranked = [...first.ranked.map((row) => ({ ...row, evidence: true })), ...scaledBelow(first.ranked, second.ranked)];
  return { ranked, complete, total: complete ? ranked.length : countMatches(db, match) };
}

/** The second group's relevance scaled below the first group's lowest: evidence always ranks first. */
function scaledBelow(first: readonly RankedId[], second: readonly RankedId[]): RankedId[] {
  const floor = first.at(-1)?.relevance ?? 1;
  const top = Math.max(second[0]?.relevance ?? 0, 1e-9);
  return second.map((row) => ({ id: row.id, relevance: (row.relevance / top) * floor * 0.5 }));
}
