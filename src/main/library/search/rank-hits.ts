// The final order of the few rows a search shows: the index relevance (BM25F, which weights title over
// authors, tags, notes and abstract) blended with how closely the title reads like the typed words,
// so "the paper a person means", usually the one whose title reads like the query, comes first.
import { titleCloseness } from './title-closeness.ts';

export interface Candidate {
  id: number;
  title: string;
  /** Positive; larger is more relevant. 0 when the row was not ranked by the index. */
  relevance: number;
}

const INDEX_SHARE = 0.6;
const TITLE_SHARE = 0.4;

export function rankCandidates<T extends Candidate>(candidates: readonly T[], words: string): { candidate: T; score: number }[] {
  if (candidates.length === 0) return [];
  const best = Math.max(...candidates.map((candidate) => candidate.relevance)) || 1;
  const closeness = titleCloseness(words);
  return candidates
    .map((candidate, order) => ({
      candidate,
      order,
      score: INDEX_SHARE * (candidate.relevance / best) + TITLE_SHARE * closeness(candidate.title),
    }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ candidate, score }) => ({ candidate, score: Math.round(score * 1000) / 1000 }));
}
