// Synthetic papers whose text statistics follow real abstracts: the head of the vocabulary, sentence and
// title lengths come from the shared Hugging Face digest; a long tail of rarer words (names, methods,
// datasets) is grown from fragments of real words so the vocabulary grows with the library as real text does.
import fs from 'node:fs';
import { parseHfPapersText } from '../src/main/library/import/parsers/hf-papers-text.ts';
import type { ParsedPaper } from '../src/main/library/import/parsers/parsed-digest.ts';

// The same seeded generator the learning code uses: the same seed gives the same library on every run.
export { seededRandom } from '../src/main/library/learn/seeded-random.ts';
import { seededRandom } from '../src/main/library/learn/seeded-random.ts';

interface Distribution {
  words: string[];
  cumulative: Float64Array;
}

function distribution(counts: Map<string, number>): Distribution {
  const words = [...counts.keys()];
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  words.forEach((word, index) => {
    sum += counts.get(word) ?? 0;
    cumulative[index] = sum;
  });
  for (let index = 0; index < cumulative.length; index += 1) cumulative[index] = (cumulative[index] ?? 0) / sum;
  return { words, cumulative };
}

function draw(dist: Distribution, random: () => number): string {
  const target = random();
  let low = 0;
  let high = dist.cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((dist.cumulative[mid] ?? 1) < target) low = mid + 1;
    else high = mid;
  }
  return dist.words[low] ?? 'model';
}

/** Zipf-distributed index in [0, n): rank r is drawn with weight 1/(r+1)^s, by inverse transform. */
function zipfIndex(n: number, random: () => number): number {
  // Continuous approximation of the Zipf CDF with s = 1: rank ≈ n^u − 1.
  return Math.min(n - 1, Math.floor(Math.pow(n + 1, random()) - 1));
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;
const FIRST_NAMES = `Wei Yue Li Ming Hao Jun Xin Ana Maria Sofia Lucas Noah Emma Olivia Liam Mateo Aarav Priya Rohan Ananya
  Yuki Haruto Sakura Minji Jisoo Omar Fatima Youssef Amir Sara David Daniel Elena Ivan Olga Pierre Camille Jonas Lena
  Tomasz Katarzyna Giulia Marco Ahmed Chen Zhang Kenji Arjun Meera Samuel Grace Ethan Chloe Felix Nora Hugo Alice`.split(/\s+/);

export interface SyntheticCorpus {
  /** One synthetic paper in the shape a digest parser produces. */
  paper(index: number): ParsedPaper;
  /** Words real queries use: frequent content words of the fixture titles. */
  titleWords: string[];
  surnames: string[];
}

export function syntheticCorpus(fixturePath: string, seed: number): SyntheticCorpus {
  const digest = parseHfPapersText(fs.readFileSync(fixturePath, 'utf8'), { today: new Date('2026-03-12') });
  const abstractCounts = new Map<string, number>();
  const titleCounts = new Map<string, number>();
  const abstractLengths: number[] = [];
  const titleLengths: number[] = [];
  for (const paper of digest.papers) {
    const abstractWords = paper.abstract.match(WORD) ?? [];
    const titleWords = paper.title.match(WORD) ?? [];
    abstractLengths.push(abstractWords.length);
    titleLengths.push(titleWords.length);
    for (const word of abstractWords) abstractCounts.set(word, (abstractCounts.get(word) ?? 0) + 1);
    for (const word of titleWords) titleCounts.set(word, (titleCounts.get(word) ?? 0) + 1);
  }
  const random = seededRandom(seed);
  // The tail: ~150k rarer words made of a real word's start and another's end ("spectformer", "quantipool").
  const stems = [...abstractCounts.keys()].filter((word) => /^[a-z]{5,}$/i.test(word));
  const tail = new Set<string>();
  while (tail.size < 150_000) {
    const a = stems[Math.floor(random() * stems.length)] ?? 'sparse';
    const b = stems[Math.floor(random() * stems.length)] ?? 'attention';
    tail.add(`${a.slice(0, 3 + Math.floor(random() * 3))}${b.slice(-(2 + Math.floor(random() * 4)))}`.toLowerCase());
  }
  const tailWords = [...tail];
  const surnames = tailWords.slice(0, 20_000).map((word) => word[0]?.toUpperCase() + word.slice(1));
  const abstractDist = distribution(abstractCounts);
  const titleDist = distribution(titleCounts);
  const titleWords = [...titleCounts.entries()]
    .filter(([word]) => word.length >= 5)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 200)
    .map(([word]) => word.toLowerCase());

  // Share of tokens that are tail words: real abstracts of 100k papers hold ~100k distinct terms.
  const TAIL_SHARE = 0.05;
  const word = (dist: Distribution, rnd: () => number) =>
    rnd() < TAIL_SHARE ? (tailWords[zipfIndex(tailWords.length, rnd)] ?? 'model') : draw(dist, rnd);

  return {
    titleWords,
    surnames,
    paper(index) {
      // Each paper has its own stream, so paper i is the same whatever order papers are made in.
      const rnd = seededRandom(seed * 7919 + index);
      const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)] as T;
      const titleLength = Math.max(3, pick(titleLengths));
      const titleParts: string[] = [];
      if (rnd() < 0.4) titleParts.push(`${(tailWords[zipfIndex(tailWords.length, rnd)] ?? 'model').replace(/^./, (c) => c.toUpperCase())}:`);
      for (let i = 0; i < titleLength; i += 1) titleParts.push(word(titleDist, rnd));
      const abstractLength = Math.max(40, pick(abstractLengths));
      const sentences: string[] = [];
      let sentence: string[] = [];
      for (let i = 0; i < abstractLength; i += 1) {
        sentence.push(word(abstractDist, rnd));
        if (sentence.length >= 12 + Math.floor(rnd() * 18)) {
          sentences.push(`${sentence.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
          sentence = [];
        }
      }
      if (sentence.length) sentences.push(`${sentence.join(' ')}.`);
      const authorCount = 1 + Math.floor(rnd() * 8);
      const authors = Array.from({ length: authorCount }, () => `${pick(FIRST_NAMES)} ${surnames[zipfIndex(surnames.length, rnd)]}`);
      const day = new Date(Date.UTC(2022, 0, 1) + Math.floor((index / 100_000) * 4 * 365) * 86_400_000);
      const published = rnd() < 0.8 ? day.toISOString().slice(0, 10) : null;
      const yymm = `${String(day.getUTCFullYear() % 100).padStart(2, '0')}${String(day.getUTCMonth() + 1).padStart(2, '0')}`;
      return {
        title: titleParts.join(' '),
        abstract: sentences.join(' '),
        authors,
        arxivId: `${yymm}.${String(index).padStart(6, '0')}`,
        doi: null,
        links: [],
        publishedAt: published,
        primaryCategory: 'cs.LG',
        sectionDate: day.toISOString().slice(0, 10),
      };
    },
  };
}
