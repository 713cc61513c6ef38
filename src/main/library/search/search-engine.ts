// Search over one library: what each keystroke runs. The work is bounded by the rows shown and a fixed
// cap on the rows ranked, never by the size of the library (see SEARCH-NOTES and bench/RESULTS.md).
import type { Database } from 'better-sqlite3';
import type { SearchHit, SearchResult } from '../../../shared/contract/search-contract.ts';
import type { Queue } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { rowToPaperSummary, SUMMARY_COLUMNS } from '../papers/paper-rows.ts';
import type { PaperSummaryRow } from '../papers/paper-rows.ts';
import { abstractSnippet, highlightRanges } from './highlights.ts';
import { parseQuery } from './parse-query.ts';
import { planQuery } from './plan-query.ts';
import type { SearchPlan } from './plan-query.ts';
import { rankCandidates } from './rank-hits.ts';
import { bringUpToDate } from './search-state.ts';

export interface SearchInput {
  query: string;
  queue?: Queue | undefined;
  limit?: number | undefined;
}

/**
 * Matches up to this many are ranked by bm25; beyond it, title matches first, then the newest.
 * bm25 reads each match's column sizes (a B-tree lookup per row, ~10 µs): 400 rows fit in a frame.
 */
const RANK_LIMIT = 400;
/** Rows re-ranked by fuse.js before the page is cut. */
const CANDIDATES = 60;
/** bm25 weights: title, authors, abstract, tags, note, facets. */
const BM25 = `bm25(papers_fts, 10.0, 5.0, 1.0, 4.0, 3.0, 0.0)`;

interface Ranked {
  id: number;
  relevance: number;
}

function newest(db: Database, match: string, limit: number): number[] {
  return prepared<[string, number], number>(db, `SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid DESC LIMIT ?`)
    .pluck()
    .all(match, limit);
}

function bestRanked(db: Database, match: string, limit: number): Ranked[] {
  return prepared<[string, number], { id: number; score: number }>(
    db,
    `SELECT rowid AS id, ${BM25} AS score FROM papers_fts WHERE papers_fts MATCH ? ORDER BY score LIMIT ?`,
  )
    .all(match, limit)
    // bm25() is negative, more negative is better.
    .map((row) => ({ id: row.id, relevance: -row.score }));
}

/** Candidate ids in a first order, and the total number of matches (estimated when large). */
function findCandidates(db: Database, plan: SearchPlan & { match: string }, pageSize: number): { ranked: Ranked[]; total: number } {
  const all = newest(db, plan.match, RANK_LIMIT + 1);
  if (!plan.hasText) {
    const total = all.length <= RANK_LIMIT ? all.length : Math.max(plan.estimate, all.length);
    return { ranked: all.slice(0, pageSize).map((id) => ({ id, relevance: 0 })), total };
  }
  const want = Math.max(pageSize, CANDIDATES);
  if (all.length <= RANK_LIMIT) return { ranked: bestRanked(db, plan.match, want), total: all.length };
  // Too many to rank per keystroke: the ones with the words in the title, best first, then the newest.
  const ranked: Ranked[] = [];
  if (plan.titleMatch) {
    const inTitle = newest(db, plan.titleMatch, RANK_LIMIT + 1);
    if (inTitle.length <= RANK_LIMIT) ranked.push(...bestRanked(db, plan.titleMatch, want));
    else ranked.push(...inTitle.slice(0, want).map((id) => ({ id, relevance: 0 })));
  }
  const seen = new Set(ranked.map((row) => row.id));
  for (const id of all) {
    if (ranked.length >= want) break;
    if (!seen.has(id)) ranked.push({ id, relevance: 0 });
  }
  return { ranked, total: Math.max(plan.estimate, all.length) };
}

type HitRow = PaperSummaryRow & { abstract: string };

function loadRows(db: Database, ids: readonly number[]): Map<number, HitRow> {
  const rows = prepared<[string], HitRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS}, p.abstract FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids));
  return new Map(rows.map((row) => [row.id, row]));
}

export function searchPapers(db: Database, input: SearchInput): SearchResult {
  const started = performance.now();
  const limit = input.limit ?? 50;
  const state = bringUpToDate(db);
  const parts = parseQuery(input.query);
  const plan = planQuery(db, state.vocabulary, parts, input.queue);
  const done = (hits: SearchHit[], total: number): SearchResult => ({
    hits,
    total,
    correctedQuery: plan.correctedQuery,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  });
  if (plan.match === null) return done([], 0);
  const { match } = plan;
  const { ranked, total } = findCandidates(db, { ...plan, match }, limit);
  const rows = loadRows(db, ranked.map((row) => row.id));
  const candidates = ranked.flatMap((row) => {
    const found = rows.get(row.id);
    return found ? [{ id: row.id, title: found.title, relevance: row.relevance, row: found }] : [];
  });
  const words = parts
    .flatMap((part) => (part.kind === 'word' && !part.negated ? [part.term] : part.kind === 'phrase' && !part.negated ? part.terms : []))
    .join(' ');
  const ordered = plan.hasText ? rankCandidates(candidates, plan.correctedQuery ? [...plan.highlight.exact].join(' ') : words) : candidates.map((candidate) => ({ candidate, score: 0 }));
  const hits = ordered.slice(0, limit).map(({ candidate, score }): SearchHit => ({
    paper: rowToPaperSummary(candidate.row),
    score,
    titleHighlights: plan.hasText ? highlightRanges(candidate.row.title, plan.highlight) : [],
    snippet: plan.hasText ? abstractSnippet(candidate.row.abstract, plan.highlight) : null,
  }));
  return done(hits, Math.max(total, hits.length));
}
