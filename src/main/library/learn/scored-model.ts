// A reader model ready to answer: each paper's row, and every paper's score sorted once, so a
// paper's displayed score (where it stands in the whole library, 0–100) is a binary search.
import { rowsById } from './feature-space.ts';
import type { RowLookup } from './feature-space.ts';
import { scoreAllRows } from './rank-papers.ts';
import type { ReaderModel } from './reader-model.ts';

export interface ScoredModel {
  model: ReaderModel;
  rows: RowLookup;
  /** Raw score per row (empty while cold). */
  scores: Float32Array;
  sortedScores: Float32Array;
}

/** `rows`: the map of an earlier model on the same space, which still holds. */
export function scoreModel(model: ReaderModel, rows?: RowLookup): ScoredModel {
  const scores = model.ranker ? scoreAllRows(model.space, model.ranker) : new Float32Array(0);
  const sortedScores = Float32Array.from(scores).sort();
  return { model, rows: rows ?? rowsById(model.space), scores, sortedScores };
}

/** 0–100: the share of the library this paper outranks (99: among the reader's top 1%). */
export function displayScore(scored: ScoredModel, paperId: number): number | null {
  const row = scored.rows.get(paperId);
  if (row === undefined || scored.scores.length === 0) return null;
  const score = scored.scores[row] ?? 0;
  let low = 0;
  let high = scored.sortedScores.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((scored.sortedScores[middle] ?? 0) < score) low = middle + 1;
    else high = middle;
  }
  return Math.min(99, Math.floor((100 * low) / scored.sortedScores.length));
}
