// The reader model as the app, the serve bridge and the CLI use it: rebuilt (in a process of its own when it can)
// whenever the library has changed since, and For you rankings kept as snapshots per view so the
// order never reshuffles under the reader's cursor between refreshes.
import type { Database } from 'better-sqlite3';
import type { ForYouPage, ForYouSearchPage, LearnProgress, PaperWhy, SimilarPaper, TagSuggestion } from '../../../shared/contract/learn-contract.ts';
import type { PaperSummary, Queue } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { listPapers } from '../papers/list-papers.ts';
import { searchPaperIds, searchPapers } from '../search/search-engine.ts';
import { learnInOwnProcess, learnInProcess } from './build-in-process.ts';
import type { LearnProcessOptions } from './build-in-process.ts';
import type { LearntLibrary, ReusableSpace } from './learn-from-library.ts';
import { learnProgress } from './learn-progress.ts';
import { ModelFiles } from './model-files.ts';
import { libraryRevision } from '../db/library-changes.ts';
import { reasonsFor } from './rank-papers.ts';
import { displayScore, scoreModel } from './scored-model.ts';
import type { ScoredModel } from './scored-model.ts';
import { searchHitsForIds } from './search-hits.ts';
import { similarRows } from './similar-papers.ts';
import { suggestTagsForRow } from './suggest-tags.ts';
import { summariesByIds, viewPaperIds } from './view-papers.ts';
import type { ViewQuery } from './view-papers.ts';

export interface LearnServiceOptions {
  /** The library file, for a learning process to open; without it the model is learnt in-process. */
  libraryPath?: string | null;
  /** How the learning process starts (Electron's utility process in the app) and its script. */
  learnProcess?: LearnProcessOptions;
}

/** Where the current model was learnt: in a process of its own, or in this one (no process could start). */
export type BuiltIn = 'own process' | 'this process';

interface Snapshot {
  ids: number[];
}

export class LearnService {
  private scored: ScoredModel | null = null;
  private scoredRevision: string | null = null;
  /** The library's learn-space counter when the current model's space was packed (null: from the text). */
  private scoredStamp: number | null = null;
  /** The model file the current model's space came in (a learning process reads it back), if any. */
  private scoredSpaceFile: string | null = null;
  private scoredBuiltIn: BuiltIn | null = null;
  private readonly files = new ModelFiles();
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
    if (this.pending) {
      if (this.pending.revision === revision) return this.pending.promise;
      // One learning process at a time. A change made while one learns waits for it and is learnt once
      // after it: starting one per change had several processes storing the same 100k vectors at a first
      // start, and the window's keystrokes waited behind them (p95 0.5 s).
      await this.pending.promise.catch(() => undefined);
      return this.currentModel();
    }
    const before = this.scored;
    const promise = this.learn(this.reusableSpace()).then(({ learnt, builtIn, spaceFile }) => {
      // A kept space keeps its rows: the id → row map is not built again either.
      const scored = scoreModel(learnt.model, before && learnt.model.space === before.model.space ? before.rows : undefined);
      // Builds run one at a time, so this one is the newest: it replaces the model it was started from.
      if (spaceFile !== this.scoredSpaceFile) this.files.remove(this.scoredSpaceFile);
      this.scored = scored;
      this.scoredRevision = revision;
      this.scoredStamp = learnt.stamp;
      this.scoredSpaceFile = spaceFile;
      this.scoredBuiltIn = builtIn;
      this.pending = null;
      return scored;
    });
    this.pending = { revision, promise };
    promise.catch(() => {
      this.pending = null;
    });
    return promise;
  }

  /** Where the current model was learnt (null before the first). */
  get builtIn(): BuiltIn | null {
    return this.scoredBuiltIn;
  }

  /** The space the current model was packed on, for the next rebuild to keep if nothing it came from changed. */
  private reusableSpace(): ReusableSpace | null {
    return this.scored && this.scoredStamp !== null ? { space: this.scored.model.space, stamp: this.scoredStamp, file: this.scoredSpaceFile } : null;
  }

  private async learn(previous: ReusableSpace | null): Promise<{ learnt: LearntLibrary; builtIn: BuiltIn; spaceFile: string | null }> {
    const dbPath = this.options.libraryPath;
    if (dbPath) {
      let modelFile: string | null = null;
      try {
        modelFile = this.files.next();
        const learnt = await learnInOwnProcess(dbPath, previous, modelFile, this.options.learnProcess);
        // A file that only carried weights has been read; one that carried a space stays with the model.
        if (learnt.reusedSpace) this.files.remove(modelFile);
        return { learnt, builtIn: 'own process', spaceFile: learnt.reusedSpace ? (previous?.file ?? null) : modelFile };
      } catch {
        // No process here (a bundle without its script, no temporary directory): learning in-process beats not learning.
        this.files.remove(modelFile);
      }
    }
    const learnt = learnInProcess(this.db, previous);
    return { learnt, builtIn: 'this process', spaceFile: learnt.reusedSpace ? (previous?.file ?? null) : null };
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
