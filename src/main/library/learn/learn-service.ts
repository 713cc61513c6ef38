// The reader model as the app, the serve bridge and the CLI use it: rebuilt (in a worker when it can)
// whenever the library has changed since, and For you rankings kept as snapshots per view so the
// order never reshuffles under the reader's cursor between refreshes.
import type { Database } from 'better-sqlite3';
import type { ForYouPage, ForYouSearchPage, LearnProgress, PaperWhy, SimilarPaper, TagSuggestion } from '../../../shared/contract/learn-contract.ts';
import type { PaperSummary, Queue } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { listPapers } from '../papers/list-papers.ts';
import { searchPaperIds, searchPapers } from '../search/search-engine.ts';
import { learnInProcess, learnInWorker } from './build-in-worker.ts';
import type { LearntLibrary, ReusableSpace } from './learn-from-library.ts';
import { learnProgress } from './learn-progress.ts';
import { libraryRevision } from './load-library-papers.ts';
import { reasonsFor } from './rank-papers.ts';
import { displayScore, scoreModel } from './scored-model.ts';
import type { ScoredModel } from './scored-model.ts';
import { searchHitsForIds } from './search-hits.ts';
import { similarRows } from './similar-papers.ts';
import { suggestTagsForRow } from './suggest-tags.ts';
import { summariesByIds, viewPaperIds } from './view-papers.ts';
import type { ViewQuery } from './view-papers.ts';

export interface LearnServiceOptions {
  /** The library file, for a worker to open; without it the model is learnt in-process. */
  workerDbPath?: string | null;
  /** The worker's script, when not the one beside this module (the bench runs the app's bundled one). */
  workerUrl?: URL;
}

interface Snapshot {
  ids: number[];
}

export class LearnService {
  private scored: ScoredModel | null = null;
  private scoredRevision: string | null = null;
  /** The library's learn-space counter when the current model's space was packed (null: from the text). */
  private scoredStamp: number | null = null;
  private pending: { revision: string; promise: Promise<ScoredModel> } | null = null;
  private readonly snapshots = new Map<string, Snapshot>();
  private progressCache: { revision: string; progress: LearnProgress } | null = null;

  private readonly db: Database;
  private readonly options: LearnServiceOptions;

  constructor(db: Database, options: LearnServiceOptions = {}) {
    this.db = db;
    this.options = options;
  }

  /** The model for the library as it is now (learning again only when it changed). */
  async currentModel(): Promise<ScoredModel> {
    const revision = libraryRevision(this.db);
    if (this.scored && this.scoredRevision === revision) return this.scored;
    if (this.pending?.revision === revision) return this.pending.promise;
    const before = this.scored;
    const promise = this.learn(this.reusableSpace()).then((learnt) => {
      // A kept space keeps its rows: the id → row map is not built again either.
      const scored = scoreModel(learnt.model, before && learnt.model.space === before.model.space ? before.rows : undefined);
      // A slower, older build must not replace a newer one.
      if (this.pending?.revision === revision) {
        this.scored = scored;
        this.scoredRevision = revision;
        this.scoredStamp = learnt.stamp;
        this.pending = null;
      }
      return scored;
    });
    this.pending = { revision, promise };
    promise.catch(() => {
      if (this.pending?.revision === revision) this.pending = null;
    });
    return promise;
  }

  /** The space the current model was packed on, for the next rebuild to keep if nothing it came from changed. */
  private reusableSpace(): ReusableSpace | null {
    return this.scored && this.scoredStamp !== null ? { space: this.scored.model.space, stamp: this.scoredStamp } : null;
  }

  private async learn(previous: ReusableSpace | null): Promise<LearntLibrary> {
    const dbPath = this.options.workerDbPath;
    if (dbPath) {
      try {
        return await learnInWorker(dbPath, previous, this.options.workerUrl);
      } catch {
        // No worker here (e.g. a bundle without its file): learning in-process beats not learning.
      }
    }
    return learnInProcess(this.db, previous);
  }

  async listForYou(query: ViewQuery & { offset: number; limit: number; refresh: boolean; order?: 'for-you' | 'digest'; focusId?: number | undefined }): Promise<ForYouPage> {
    const progress = this.progress();
    if (query.order === 'digest') return this.digestPage(query, progress);
    const key = JSON.stringify([query.queue, query.tag ?? null, query.digestId ?? null]);
    let snapshot = this.snapshots.get(key);
    if (query.refresh || !snapshot) {
      const scored = await this.currentModel();
      snapshot = scored.model.ranker ? { ids: rankView(scored, viewPaperIds(this.db, query)) } : undefined;
      if (snapshot) this.snapshots.set(key, snapshot);
      else this.snapshots.delete(key);
    }
    if (!snapshot || !progress.ready) return this.digestPage(query, progress);
    const ranked = keepPresent(snapshot.ids, viewPaperIds(this.db, query));
    const pageIds = ranked.slice(query.offset, query.offset + query.limit);
    const papers = summariesByIds(this.db, pageIds);
    const scored = this.scored;
    const focusIndex = query.focusId === undefined ? null : indexOrNull(ranked, query.focusId);
    return { papers, focusIndex, scores: papers.map((paper) => (scored ? displayScore(scored, paper.id) : null)), total: ranked.length, progress };
  }

  /**
   * A search's matches For you: every match ranked once per query (or on refresh) and kept as a
   * snapshot, as a view is, so triaging from the results never reshuffles them.
   */
  async searchForYou(query: { query: string; queue?: Queue | undefined; offset: number; limit: number; refresh: boolean; order: 'for-you' | 'relevance'; focusId?: number | undefined }): Promise<ForYouSearchPage> {
    const progress = this.progress();
    const matching = searchPaperIds(this.db, query).ids;
    const key = JSON.stringify(['search', query.query, query.queue ?? null]);
    let snapshot = this.snapshots.get(key);
    if (query.order === 'for-you' && (query.refresh || !snapshot)) {
      const scored = await this.currentModel();
      snapshot = scored.model.ranker ? { ids: rankView(scored, matching) } : undefined;
      if (snapshot) this.snapshots.set(key, snapshot);
      else this.snapshots.delete(key);
    }
    const forYou = query.order === 'for-you' && snapshot !== undefined && progress.ready;
    const ranked = forYou && snapshot ? keepPresent(snapshot.ids, matching) : matching;
    const focusIndex = query.focusId === undefined ? null : indexOrNull(ranked, query.focusId);
    if (!forYou) {
      const page = searchPapers(this.db, query);
      return { hits: page.hits, focusIndex, scores: page.hits.map(() => null), total: page.total, correctedQuery: page.correctedQuery, progress };
    }
    const hits = searchHitsForIds(this.db, query, ranked.slice(query.offset, query.offset + query.limit));
    const scored = this.scored;
    const correctedQuery = query.offset === 0 ? searchPapers(this.db, { ...query, limit: 1 }).correctedQuery : null;
    return { hits, focusIndex, scores: hits.map((hit) => (scored ? displayScore(scored, hit.paper.id) : null)), total: ranked.length, correctedQuery, progress };
  }

  private digestPage(query: ViewQuery & { offset: number; limit: number; focusId?: number | undefined }, progress: LearnProgress): ForYouPage {
    const page = listPapers(this.db, query);
    const focusIndex = query.focusId === undefined ? null : indexOrNull(viewPaperIds(this.db, query), query.focusId);
    return { ...page, focusIndex, scores: page.papers.map(() => null), progress };
  }

  async explain(id: number): Promise<PaperWhy> {
    const scored = await this.currentModel();
    const row = scored.rows.get(id);
    const progress = this.progress();
    if (row === undefined || !scored.model.ranker) return { score: null, reasons: [], progress };
    // The direction follows the score the reader sees (upper or lower half of their library).
    const score = displayScore(scored, id);
    return { score, reasons: reasonsFor(scored.model, row, 5, (score ?? 0) >= 50), progress };
  }

  async similar(id: number, limit: number): Promise<SimilarPaper[]> {
    const scored = await this.currentModel();
    const row = scored.rows.get(id);
    if (row === undefined) return [];
    const nearest = similarRows(scored.model.space, row, limit);
    const papers = new Map<number, PaperSummary>(
      summariesByIds(this.db, nearest.map((hit) => scored.model.space.paperIds[hit.row] ?? 0)).map((paper) => [paper.id, paper]),
    );
    return nearest.flatMap((hit) => {
      const paper = papers.get(scored.model.space.paperIds[hit.row] ?? 0);
      return paper ? [{ paper, similarity: Math.round(hit.similarity * 1000) / 1000 }] : [];
    });
  }

  /**
   * Suggestions are a hint beside a paper, asked for whenever the cursor rests on one: they never wait
   * for a model being built (at 100k papers the first build takes seconds, and in a browser the waiting
   * requests took every connection, so searches queued behind them). A model from before the library's
   * last change still knows the reader's tags; with none yet, nothing is suggested while one is built.
   */
  async suggestTags(id: number): Promise<TagSuggestion[]> {
    if (!(this.scored && this.scoredRevision === libraryRevision(this.db))) {
      this.currentModel().catch(() => undefined);
      if (!this.scored) return [];
    }
    const scored = this.scored;
    const row = scored.rows.get(id);
    if (row === undefined) return [];
    const existing = prepared<[number], string>(this.db, `SELECT t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = ?`).pluck().all(id);
    return suggestTagsForRow(scored.model, row, existing);
  }

  /** Counted once per library revision: every page of a list asks. */
  progress(): LearnProgress {
    const revision = libraryRevision(this.db);
    if (this.progressCache?.revision !== revision) this.progressCache = { revision, progress: learnProgress(this.db) };
    return this.progressCache.progress;
  }
}

/** The snapshot's order, less papers that left since; papers that arrived since go last. */
function keepPresent(snapshotIds: readonly number[], current: readonly number[]): number[] {
  const present = new Set(current);
  const ranked = snapshotIds.filter((id) => present.has(id));
  const known = new Set(snapshotIds);
  for (const id of current) if (!known.has(id)) ranked.push(id);
  return ranked;
}

function indexOrNull(ids: readonly number[], id: number): number | null {
  const index = ids.indexOf(id);
  return index < 0 ? null : index;
}

/** Highest score first; papers the model has not seen keep their place after, in view order. */
export function rankView(scored: ScoredModel, idsInViewOrder: readonly number[]): number[] {
  const knownIds: number[] = [];
  const knownScores: number[] = [];
  const unknown: number[] = [];
  for (const id of idsInViewOrder) {
    const row = scored.rows.get(id);
    if (row === undefined) unknown.push(id);
    else {
      knownIds.push(id);
      knownScores.push(scored.scores[row] ?? 0);
    }
  }
  // Sorting positions (a typed array) rather than objects: 100,000 papers in tens of milliseconds.
  const order = Uint32Array.from(knownIds.keys());
  order.sort((a, b) => (knownScores[b] ?? 0) - (knownScores[a] ?? 0) || a - b);
  const ranked = Array.from(order, (position) => knownIds[position] ?? 0);
  return unknown.length === 0 ? ranked : ranked.concat(unknown);
}
