// The final order of the few rows a search shows: the index's bm25 (which weights title over authors,
// tags, notes and abstract) blended with fuse.js's fuzzy closeness of the typed words to the title,
// so "the paper a person means" — usually the one whose title reads like the query — comes first.
import Fuse from 'fuse.js';

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
  const titleScores = new Map<number, number>();
  if (words.trim()) {
    // ignoreLocation: titles are short, and a match late in the title counts as much as an early one.
    const fuse = new Fuse(candidates, { keys: ['title'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
    for (const result of fuse.search(words)) titleScores.set(result.item.id, 1 - (result.score ?? 1));
  }
  return candidates
    .map((candidate, order) => ({
      candidate,
      order,
      score: INDEX_SHARE * (candidate.relevance / best) + TITLE_SHARE * (titleScores.get(candidate.id) ?? 0),
    }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ candidate, score }) => ({ candidate, score: Math.round(score * 1000) / 1000 }));
}
