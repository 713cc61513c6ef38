// Per-library search state: the in-memory vocabulary and how far it has followed the index.
// Kept in a WeakMap keyed by the connection, so closing a library lets its state go with it.
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { facetToken } from './facets.ts';
import { hasPendingPapers, indexPendingPapers, pendingPaperCount, readPaperTexts } from './index-sync.ts';
import { termsOf } from './search-tokens.ts';
import { addTerm, emptyVocabulary } from './vocabulary.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface SearchState {
  vocabulary: Vocabulary;
  ready: boolean;
  /** Last `search_log` entry folded into the vocabulary. */
  logSeq: number;
  /** PRAGMA data_version when last checked: it changes when another connection commits. */
  dataVersion: number;
  /** A background load in progress, stepped from the event loop. */
  loading: Iterator<void> | null;
  /** True once a vocabulary was loaded: a stale one still serves while a fresh one loads. */
  loadedOnce: boolean;
}

/** More changed papers than this and reloading the vocabulary is cheaper than folding them in one by one. */
const FOLD_LIMIT = 5000;
const LOAD_CHUNK = 4000;
/** Papers indexed per background step: a few tens of milliseconds, so requests in between stay quick. */
const CATCH_UP_BATCH = 1000;

const states = new WeakMap<Database, SearchState>();

export function searchState(db: Database): SearchState {
  let state = states.get(db);
  if (!state) {
    state = { vocabulary: emptyVocabulary(), ready: false, logSeq: 0, dataVersion: -1, loading: null, loadedOnce: false };
    states.set(db, state);
  }
  return state;
}

const latestLogSeq = (db: Database) =>
  (prepared(db, `SELECT coalesce(max(seq), 0) FROM search_log`).pluck().get() as number);

/** Reads the vocabulary from fts5vocab in chunks of terms; yields between chunks. */
function* loadSteps(db: Database, state: SearchState): Generator<void> {
  const vocabulary = emptyVocabulary();
  const startSeq = latestLogSeq(db);
  const chunk = prepared<[string, number], [string, number]>(
    db,
    // fts5vocab returns terms in order and seeks on `term >`, so each chunk costs only its own terms.
    `SELECT term, doc FROM papers_fts_vocab WHERE term > ? LIMIT ?`,
  ).raw();
  let after = '';
  for (;;) {
    const rows = chunk.all(after, LOAD_CHUNK);
    for (const [term, docs] of rows) addTerm(vocabulary, term, docs, true);
    const last = rows.at(-1);
    if (!last || rows.length < LOAD_CHUNK) break;
    after = last[0];
    yield;
  }
  vocabulary.paperCount = vocabulary.docs.get(facetToken.all()) ?? 0;
  state.vocabulary = vocabulary;
  state.ready = true;
  state.loadedOnce = true;
  state.logSeq = startSeq;
  state.loading = null;
  // Changes made while loading in steps: fold them in (counting a few twice does no harm).
  foldLoggedChanges(db, state);
}

function loadNow(db: Database, state: SearchState): void {
  const steps = state.loading ?? loadSteps(db, state);
  state.loading = steps;
  while (!steps.next().done) {
    /* run every step now */
  }
}

/** Papers waiting for the index (a fresh import, or every paper after an index rebuild), a batch per step. */
function* catchUpSteps(db: Database): Generator<void> {
  while (!db.readonly && hasPendingPapers(db)) {
    indexPendingPapers(db, { limit: CATCH_UP_BATCH });
    yield;
  }
}

function* warmUpSteps(db: Database, state: SearchState): Generator<void> {
  yield* catchUpSteps(db);
  yield* loadSteps(db, state);
}

/**
 * Starts indexing what waits and loading the vocabulary, a chunk per event-loop turn, so opening a
 * library stays instant and the reader's first keystroke finds the vocabulary warm.
 */
export function warmUpInBackground(db: Database): void {
  const state = searchState(db);
  if (state.ready || state.loading) return;
  const steps = warmUpSteps(db, state);
  state.loading = steps;
  const step = () => {
    if (!db.open || state.loading !== steps) return;
    try {
      if (!steps.next().done) setImmediate(step);
    } catch {
      state.loading = null; // the next search loads synchronously and reports any real error
    }
  };
  setImmediate(step);
}

function addText(vocabulary: Vocabulary): (text: string) => void {
  const terms = new Set<string>();
  return (text) => {
    terms.clear();
    termsOf(text, terms);
    for (const term of terms) addTerm(vocabulary, term, 1);
    vocabulary.paperCount = vocabulary.docs.get(facetToken.all()) ?? vocabulary.paperCount;
  };
}

/** Papers another connection indexed since we last looked. */
function foldLoggedChanges(db: Database, state: SearchState): void {
  const latest = latestLogSeq(db);
  if (latest <= state.logSeq) return;
  const oldest = prepared(db, `SELECT coalesce(min(seq), 0) FROM search_log`).pluck().get() as number;
  if (oldest > state.logSeq + 1 || latest - state.logSeq > FOLD_LIMIT) {
    state.ready = false; // fell behind the trimmed log, or too much changed: reload instead
    return;
  }
  const ids = prepared<[number], number>(db, `SELECT paper_id FROM search_log WHERE seq > ? ORDER BY seq`).pluck().all(state.logSeq);
  readPaperTexts(db, ids, addText(state.vocabulary));
  state.logSeq = latest;
}

/**
 * Called before every search: indexes what the triggers queued (so the search sees every change) and
 * brings the vocabulary up to date. Costs two tiny queries when nothing changed.
 */
export function bringUpToDate(db: Database): SearchState {
  const state = searchState(db);
  const dataVersion = prepared(db, `PRAGMA data_version`).pluck().get() as number;
  if (dataVersion !== state.dataVersion) {
    state.dataVersion = dataVersion;
    if (state.ready) foldLoggedChanges(db, state);
  }
  if (!db.readonly && hasPendingPapers(db)) {
    const followVocabulary = state.ready && pendingPaperCount(db) <= FOLD_LIMIT;
    if (state.ready && !followVocabulary) state.ready = false;
    db.transaction(() => {
      // Inside the write lock, so no other connection can log anything between these two steps.
      if (state.ready) foldLoggedChanges(db, state);
      indexPendingPapers(db, followVocabulary && state.ready ? { onText: addText(state.vocabulary) } : {});
      if (state.ready) state.logSeq = latestLogSeq(db);
    }).immediate();
  }
  // A load already under way continues: it folds in everything logged since it started.
  // A vocabulary that fell behind (thousands of papers imported by a worker or another process) is
  // reloaded in the background, a chunk per event-loop turn, instead of stalling this search for half a
  // second at 100k papers: meanwhile the old one serves typo correction; the index itself is current.
  if (!state.ready) {
    if (state.loadedOnce) warmUpInBackground(db);
    else loadNow(db, state);
  }
  return state;
}
