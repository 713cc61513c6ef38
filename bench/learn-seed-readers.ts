// A second family of simulated readers, defined unlike the phrase readers and unlike Sift's own model,
// so For you is not tuned to how one family happens to be simulated. Each reader is a handful of seed
// papers (3 to 5: an anchor paper from the triage days and its nearest neighbours); a paper interests
// the reader when it is close to one of the seeds by a measure Sift does not use: authors in common,
// plus rare words shared in the *titles* alone (weighted by how rare the word is among all titles).
// No abstract and no TF-IDF cosine enter it. The readers' papers are the closest share of the corpus.
import { seededRandom } from '../src/main/library/learn/seeded-random.ts';
import type { Corpus, CorpusPaper } from './learn-corpus.ts';
import type { SimulatedReader } from './learn-readers.ts';

/** How many seed readers, and the share of the corpus each is interested in (real readers keep a few in a hundred). */
const SEED_READERS = 5;
const INTEREST_SHARE = 0.06;
/** A title word is rare when at most this share of titles has it (and more than one: one title cannot be shared). */
const RARE_SHARE = 0.01;
const AUTHOR_WEIGHT = 3;

const STOP_WORDS = new Set(('with from that this into using based towards toward through via over under their your what when where which while ' +
  'more than less large language models model learning data training multi efficient scalable robust benchmark evaluating evaluation ' +
  'improving improved approach framework method methods study analysis generation understanding reasoning').split(' '));

interface TitleIndex {
  words: Map<string, number>;
  titles: string[][];
  authors: Set<string>[];
}

function titleWords(title: string): string[] {
  return [...new Set(title.toLowerCase().match(/[a-z][a-z0-9-]{3,}/g) ?? [])].filter((word) => !STOP_WORDS.has(word));
}

export function indexTitles(papers: readonly CorpusPaper[]): TitleIndex {
  const titles = papers.map((paper) => titleWords(paper.title));
  const frequency = new Map<string, number>();
  for (const words of titles) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const rareLimit = Math.max(2, Math.floor(papers.length * RARE_SHARE));
  const words = new Map<string, number>();
  for (const [word, count] of frequency) if (count >= 2 && count <= rareLimit) words.set(word, Math.log(papers.length / count));
  return { words, titles: titles.map((list) => list.filter((word) => words.has(word))), authors: papers.map((paper) => new Set(paper.authors.map((name) => name.toLowerCase()))) };
}

export function closeness(index: TitleIndex, a: number, b: number): number {
  let score = 0;
  for (const author of index.authors[a] ?? []) if (index.authors[b]?.has(author)) score += AUTHOR_WEIGHT;
  const other = new Set(index.titles[b] ?? []);
  for (const word of index.titles[a] ?? []) if (other.has(word)) score += index.words.get(word) ?? 0;
  return score;
}

/**
 * Readers for this corpus: anchors drawn from the triage days (seeded, so every run has the same
 * readers), each far from the other readers' seeds; the anchor's 2–4 closest papers complete its seeds.
 */
export function seedReaders(corpus: Corpus, trainDays: number): SimulatedReader[] {
  const papers = corpus.days.flatMap((day) => day.papers);
  const trainCount = corpus.days.slice(0, trainDays).reduce((sum, day) => sum + day.papers.length, 0);
  const index = indexTitles(papers);
  const random = seededRandom(20261204);
  const readers: SimulatedReader[] = [];
  const taken: number[] = [];
  for (let attempt = 0; readers.length < SEED_READERS && attempt < 10_000; attempt += 1) {
    const anchor = Math.floor(random() * trainCount);
    if ((index.titles[anchor]?.length ?? 0) < 3 || taken.some((seed) => closeness(index, anchor, seed) > 0)) continue;
    const neighbours = papers.map((_, other) => ({ other, score: other === anchor ? 0 : closeness(index, anchor, other) }))
      .filter((candidate) => candidate.score > 0)
      .sort((a, b) => b.score - a.score);
    const extra = 2 + Math.floor(random() * 3);
    if (neighbours.length < extra) continue;
    const seeds = [anchor, ...neighbours.slice(0, extra).map((candidate) => candidate.other)];
    taken.push(...seeds);
    readers.push(readerFromSeeds(papers, index, seeds, 0.1 + 0.05 * (readers.length % 3)));
  }
  const first = readers[0];
  if (first) readers.push({ ...first, name: `${first.name}, 25 decisions only`, budget: 25, skipShare: 0.2 });
  return readers;
}

function readerFromSeeds(papers: readonly CorpusPaper[], index: TitleIndex, seeds: number[], noise: number): SimulatedReader {
  const scores = papers.map((_, row) => Math.max(...seeds.map((seed) => (seed === row ? Infinity : closeness(index, row, seed)))));
  const ranked = scores.filter((score) => score > 0).sort((a, b) => b - a);
  const threshold = Math.max(ranked[Math.floor(papers.length * INTEREST_SHARE)] ?? 0, Number.MIN_VALUE);
  const interesting = new Set(papers.filter((_, row) => (scores[row] ?? 0) >= threshold).map((paper) => paper.arxivId));
  const anchor = papers[seeds[0] ?? 0];
  const label = (anchor?.title ?? '').split(/[:\s]+/).slice(0, 4).join(' ');
  return { name: `seeds: ${label}…`.slice(0, 30), noise, interested: (paper) => interesting.has(paper.arxivId) };
}
