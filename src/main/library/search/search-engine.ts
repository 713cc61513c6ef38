// Search over one library: what each keystroke runs. Matches are ordered only as far as the page asked
// for (order-matches.ts), and that order is kept for the last few queries, so scrolling further extends
// it and "select all" completes it instead of searching again. Only the page's rows are loaded.
import type { Database } from 'better-sqlite3';
import type { SearchHit, SearchResult } from '../../../shared/contract/search-contract.ts';
import type { Queue } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { rowToPaperSummary } from '../papers/paper-rows.ts';
import { abstractSnippet, highlightRanges } from './highlights.ts';
import { scoreCandidates } from './candidate-scores.ts';
import { countMatches, orderMatches } from './order-matches.ts';
import type { RankCandidates, RankedId } from './order-matches.ts';
import { parseQuery } from './parse-query.ts';
import type { QueryPart } from './parse-query.ts';
import { searchByIdentifier } from './identifier-search.ts';
import { planQuery } from './plan-query.ts';
import type { SearchPlan } from './plan-query.ts';
import { rankCandidates } from './rank-hits.ts';
import { bringUpToDate } from './search-state.ts';
import { searchRows } from './search-rows.ts';
import type { SearchRows } from './search-rows.ts';
import { termMatcher } from './term-matcher.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface SearchInput {
  query: string;
  queue?: Queue | undefined;
  limit?: number | undefined;
  /** Rows to skip: later pages of the same search. */
  offset?: number | undefined;
}

/** The first rows of the order re-ranked by how closely their titles read like the query. */
const CANDIDATES = 60;
/** Orders kept: the current query and the few before it (paging, select all, a reader going back). */
const ORDERS_KEPT = 4;

interface Ordered {
  key: string;
  ids: Int32Array;
  scores: Float32Array;
  /** Every match is in `ids`; otherwise only the best ones, as far as a page asked. */
  complete: boolean;
  total: number;
  estimated: boolean;
}

const orders = new WeakMap<Database, Ordered[]>();

const typedWords = (parts: readonly QueryPart[]) =>
  parts
    .flatMap((part) => (part.negated || part.kind === 'filter' ? [] : part.kind === 'word' ? [part.term] : part.terms))
    .join(' ');

/** Another form of a typed word (a plural, the other spelling) scores a little below the word itself. */
const FORM_WEIGHT = 0.8;

/**
 * BM25F over the candidates' text, with each term's rarity from the vocabulary (candidate-scores.ts).
 * A typed word and its other forms are one term, as a stemmed index would count them: their papers
 * together give its rarity.
 */
function candidateRanker(rows: SearchRows, plan: SearchPlan, vocabulary: Vocabulary): RankCandidates {
  const matcher = termMatcher(plan.highlight.exact, []);
  const papers = Math.max(1, vocabulary.paperCount);
  const docsOf = (term: string) => vocabulary.docs.get(term) ?? 0;
  const groupDocs = new Map<string, number>();
  for (const [form, typed] of plan.formsOf) groupDocs.set(typed, (groupDocs.get(typed) ?? docsOf(typed)) + docsOf(form));
  const idf = (term: string) => {
    const docs = groupDocs.get(term) ?? docsOf(term);
    return Math.log(1 + (papers - docs + 0.5) / (docs + 0.5));
  };
  const groupOf = (term: string) => {
    const typed = plan.formsOf.get(term);
    return typed ? { key: typed, weight: FORM_WEIGHT } : { key: term, weight: 1 };
  };
  return (ids, fields) => scoreCandidates(rows, ids, fields, matcher, idf, groupOf);
}

/**
 * The order of one search as far as `want` rows (Infinity: all), cached until the library changes (any
 * commit, on any connection). A deeper request extends it; the rows already given keep their places.
 */
function orderFor(
  db: Database,
  rows: SearchRows,
  plan: SearchPlan & { match: string },
  vocabulary: Vocabulary,
  words: string,
  version: string,
  want: number,
): Ordered {
  const key = `${version}\u0000${plan.match}\u0000${words}`;
  const kept = orders.get(db) ?? [];
  const found = kept.find((entry) => entry.key === key);
  if (found && (found.complete || found.ids.length >= want)) return found;
  // Reading a little past the page makes scrolling to the next one free.
  const wanted = Number.isFinite(want) ? Math.max(want * 2, CANDIDATES) : want;
  const order = orderMatches(db, plan.match, plan.evidence, wanted, plan.estimate, candidateRanker(rows, plan, vocabulary), plan.postings);
  const { ranked } = order;
  const head = plan.hasText ? rerankHead(rows, ranked.slice(0, CANDIDATES), words) : ranked.slice(0, CANDIDATES);
  const ids = new Int32Array(ranked.length);
  const scores = new Float32Array(ranked.length);
  head.forEach((row, index) => {
    ids[index] = row.id;
    scores[index] = row.relevance;
  });
  for (let index = head.length; index < ranked.length; index += 1) {
    ids[index] = ranked[index]?.id ?? 0;
    scores[index] = ranked[index]?.relevance ?? 0;
  }
  const entry = { key, ids, scores, complete: order.complete, total: order.total, estimated: order.estimated };
  // Orders from before a change are stale: only this version's are kept.
  const others = kept.filter((other) => other.key !== key && other.key.startsWith(`${version}\u0000`));
  orders.set(db, [entry, ...others].slice(0, ORDERS_KEPT));
  return entry;
}

/** Re-ranks within each group only: a paper with the words in its title stays above one without. */
function rerankHead(rows: SearchRows, head: RankedId[], words: string): RankedId[] {
  if (head.length < 2) return head;
  const titles = rows.get(head.map((row) => row.id));
  const rerank = (group: RankedId[]) =>
    rankCandidates(
      group.map((row) => ({ id: row.id, title: titles.get(row.id)?.title ?? '', relevance: row.relevance })),
      words,
    ).map(({ candidate, score }) => ({ id: candidate.id, relevance: score }));
  const withEvidence = head.filter((row) => row.evidence);
  const rest = head.filter((row) => !row.evidence);
  const first = rerank(withEvidence);
  const floor = first.at(-1)?.relevance ?? 1;
  return [...first, ...rerank(rest).map((row) => ({ ...row, relevance: Math.min(row.relevance, floor) * 0.5 }))];
}

/** A token that changes whenever any connection commits: PRAGMA data_version for others, total_changes for this one. */
const libraryVersion = (db: Database) =>
  `${prepared(db, `PRAGMA data_version`).pluck().get() as number}.${prepared(db, `SELECT total_changes()`).pluck().get() as number}`;

function prepare(db: Database, query: string, queue: Queue | undefined) {
  const state = bringUpToDate(db);
  const parts = parseQuery(query);
  const plan = planQuery(db, state.vocabulary, parts, queue);
  return { parts, plan, vocabulary: state.vocabulary };
}

/** A page of the papers a query of identifiers names (identifier-search.ts). */
function identifierPage(db: Database, ids: readonly number[], limit: number, offset: number, started: number): SearchResult {
  const pageIds = ids.slice(offset, offset + limit);
  const rows = searchRows(db, libraryVersion(db)).get(pageIds);
  const hits = pageIds.flatMap((id): SearchHit[] => {
    const row = rows.get(id);
    return row ? [{ paper: rowToPaperSummary(row), score: 1, titleHighlights: [], snippet: null }] : [];
  });
  return { hits, total: ids.length, correctedQuery: null, tookMs: Math.round((performance.now() - started) * 100) / 100 };
}

export function searchPapers(db: Database, input: SearchInput): SearchResult {
  const started = performance.now();
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  const named = searchByIdentifier(db, input.query, input.queue);
  if (named) return identifierPage(db, named.ids, limit, offset, started);
  const { parts, plan, vocabulary } = prepare(db, input.query, input.queue);
  const done = (hits: SearchHit[], total: number, totalIsEstimate = false): SearchResult => ({
    hits,
    total,
    ...(totalIsEstimate ? { totalIsEstimate } : {}),
    correctedQuery: plan.correctedQuery,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  });
  if (plan.match === null) return { ...done([], 0), incomplete: input.query.trim() !== '' };
  const words = plan.correctedQuery ? [...plan.highlight.exact].join(' ') : typedWords(parts);
  // The first page reads only as far as it shows; a reader scrolling on gets the whole order (and an
  // exact count) once, and every later page reads it from the cache.
  const want = offset === 0 ? limit : Number.POSITIVE_INFINITY;
  const version = libraryVersion(db);
  const rows = searchRows(db, version);
  const order = orderFor(db, rows, { ...plan, match: plan.match }, vocabulary, words, version, want);
  const pageIds = Array.from(order.ids.subarray(offset, offset + limit));
  const pageRows = rows.get(pageIds);
  const hits = pageIds.flatMap((id, index): SearchHit[] => {
    const row = pageRows.get(id);
    if (!row) return [];
    return [
      {
        paper: rowToPaperSummary(row),
        score: Math.round((order.scores[offset + index] ?? 0) * 1000) / 1000,
        titleHighlights: plan.hasText ? highlightRanges(row.title, plan.highlight) : [],
        snippet: plan.hasText ? abstractSnippet(row.abstract, plan.highlight) : null,
      },
    ];
  });
  return done(hits, order.total, order.estimated);
}

/** Every matching paper's id, in result order: what "select all" acts on. */
export function searchPaperIds(db: Database, input: { query: string; queue?: Queue | undefined }): { ids: number[]; total: number } {
  const named = searchByIdentifier(db, input.query, input.queue);
  if (named) return { ids: named.ids, total: named.ids.length };
  const { parts, plan, vocabulary } = prepare(db, input.query, input.queue);
  if (plan.match === null) return { ids: [], total: 0 };
  const words = plan.correctedQuery ? [...plan.highlight.exact].join(' ') : typedWords(parts);
  const version = libraryVersion(db);
  const order = orderFor(db, searchRows(db, version), { ...plan, match: plan.match }, vocabulary, words, version, Number.POSITIVE_INFINITY);
  return { ids: Array.from(order.ids), total: order.total };
}

/** The exact number of matches: what an estimated total on screen becomes once typing pauses. */
export function countSearchMatches(db: Database, input: { query: string; queue?: Queue | undefined }): number {
  const named = searchByIdentifier(db, input.query, input.queue);
  if (named) return named.ids.length;
  const { plan } = prepare(db, input.query, input.queue);
  if (plan.match === null) return 0;
  return countMatches(db, plan.match);
}
