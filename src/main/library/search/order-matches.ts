// The order of the papers a search matches, best first, computed only as far down as asked.
// First group: papers with the words in their title, name parts or authors, from papers_names_fts, whose
// rowid is a static rank (static-rank.ts: shorter titles first). Second group: the other matches, from
// papers_fts. A group small enough to score in a frame is ranked by BM25F over its text
// (candidate-scores.ts); a larger one comes in its
// table's rowid order (the static rank; for the second group, newest first), read only as far as
// needed, so a common word's first page costs the same whether 500 or 500,000 papers carry it.
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import type { CandidateFields } from './candidate-scores.ts';
import type { EvidencePlan } from './plan-query.ts';
import { paperIdOf } from './static-rank.ts';

/** Scoring reads each candidate's text (~5 µs a paper): this many fit in a keystroke's budget. */
export const RANK_LIMIT = 100;
const ID_BITS = 2 ** 32;
/**
 * Matches counted exactly on every keystroke up to about this many; above, the estimate stands in until
 * the window asks for the exact count when typing pauses (search:count). Counting visits every match:
 * 5,000 cost up to ~4 ms of a keystroke at 100k papers.
 */
const EXACT_COUNT_LIMIT = 1_000;
/** Nor when the walk is long whatever the matches: a count is ~1 µs a posting, in SQLite's C code. */
const COUNT_POSTINGS_LIMIT = 5_000;
/** Excluded words are looked up once per search; more papers than this carrying them is not a search. */
const EXCLUDED_CAP = 200_000;

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
  /** `total` is an estimate (a large result read only as far as asked). */
  estimated: boolean;
}

interface Group {
  ranked: RankedId[];
  complete: boolean;
}

/** Ranks a small group's papers (by id), best first. */
export type RankCandidates = (ids: readonly number[], fields: CandidateFields) => RankedId[];

interface Table {
  name: 'papers_fts' | 'papers_names_fts';
  /** The text a match of this table has the words in. */
  fields: CandidateFields;
  /** The rowid order that serves as the static rank. */
  direction: 'ASC' | 'DESC';
  relevanceOf: (rowid: number) => number;
  idOf: (rowid: number) => number;
}

const NAMES: Table = {
  name: 'papers_names_fts',
  fields: 'names',
  direction: 'ASC',
  relevanceOf: (rowid) => 1 / (20 + Math.floor(rowid / ID_BITS)),
  idOf: paperIdOf,
};
const ALL: Table = { name: 'papers_fts', fields: 'all', direction: 'DESC', relevanceOf: () => 1, idOf: (rowid) => rowid };

const inRankOrder = (db: Database, table: Table, match: string, limit: number): number[] =>
  prepared<[string, number], number>(db, `SELECT rowid FROM ${table.name} WHERE ${table.name} MATCH ? ORDER BY rowid ${table.direction} LIMIT ?`)
    .pluck()
    .all(match, limit);

/**
 * The first `want` matches of one group (all of them when it is small, or when want is Infinity).
 * `dropped` is how many matches `keep` may leave out at most: read that many more.
 */
function rankGroup(db: Database, table: Table, match: string, want: number, keep: (id: number) => boolean, rank: RankCandidates, dropped = 0): Group {
  const limit = Number.isFinite(want) ? Math.max(RANK_LIMIT + 1, want) + dropped : -1;
  const probe = inRankOrder(db, table, match, limit);
  const complete = limit === -1 || probe.length < limit;
  const kept = probe.map(table.idOf).filter(keep);
  if (complete && kept.length <= RANK_LIMIT) return { ranked: rank(kept, table.fields), complete };
  const ranked = probe.map((rowid) => ({ id: table.idOf(rowid), relevance: table.relevanceOf(rowid) })).filter((row) => keep(row.id));
  return { ranked, complete };
}

export const countMatches = (db: Database, match: string) =>
  prepared<[string], number>(db, `SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?`).pluck().get(match) ?? 0;

/** Papers carrying an excluded word anywhere (the names table cannot see abstracts). */
function excludedIds(db: Database, words: string | null): (id: number) => boolean {
  if (!words) return () => true;
  const ids = new Set(inRankOrder(db, ALL, words, EXCLUDED_CAP));
  return (id) => !ids.has(id);
}

/** Filter-only searches (no words): every match, newest first. */
function newestFirst(db: Database, match: string): MatchOrder {
  const ids = inRankOrder(db, ALL, match, -1);
  return { ranked: ids.map((id) => ({ id, relevance: 0 })), complete: true, total: ids.length, estimated: false };
}

/**
 * The best `want` matches (Infinity: all of them). Without `evidence` (no words), every match, newest
 * first. `estimate` stands in for the total when counting would mean visiting every match.
 */
export function orderMatches(
  db: Database,
  match: string,
  evidence: EvidencePlan | null,
  want: number,
  estimate: number,
  rank: RankCandidates,
  postings: number,
): MatchOrder {
  if (!evidence) return newestFirst(db, match);
  const first = rankGroup(db, NAMES, evidence.namesMatch, want, excludedIds(db, evidence.excludedWords), rank);
  const needMore = first.complete && first.ranked.length < want;
  // The first group is complete here and is a subset of `match`: the rest of the matches are `match`
  // without its papers. Leaving them out here rather than with `NOT (names match)` in the query spares
  // FTS5 a second walk of every searched term's postings (half the cost of a query of common words).
  const inFirst = new Set(first.ranked.map((row) => row.id));
  const second = needMore ? rankGroup(db, ALL, match, want - first.ranked.length, (id) => !inFirst.has(id), rank, inFirst.size) : null;
  const complete = first.complete && (second?.complete ?? false);
  const ranked = [...first.ranked.map((row) => ({ ...row, evidence: true })), ...scaledBelow(first.ranked, second?.ranked ?? [])];
  if (complete) return { ranked, complete, total: ranked.length, estimated: false };
  // Counting visits every match (~1 µs each, in SQLite's C code): done when the estimate says that is
  // cheap; otherwise the vocabulary's estimate stands in until the order is complete.
  if (estimate <= EXACT_COUNT_LIMIT && postings <= COUNT_POSTINGS_LIMIT) return { ranked, complete, total: Math.max(ranked.length, countMatches(db, match)), estimated: false };
  return { ranked, complete, total: Math.max(ranked.length, Math.round(estimate)), estimated: true };
}

/** The second group's relevance scaled below the first group's lowest: evidence always ranks first. */
function scaledBelow(first: readonly RankedId[], second: readonly RankedId[]): RankedId[] {
  const floor = first.at(-1)?.relevance ?? 1;
  const top = Math.max(second[0]?.relevance ?? 0, 1e-9);
  return second.map((row) => ({ id: row.id, relevance: (row.relevance / top) * floor * 0.5 }));
}
