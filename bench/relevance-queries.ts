// Queries a person types for a paper they remember, built like issue #11's table from real titles:
// the two rarest title words; the same with one typo in the first word; three common title words.
// Deterministic: a seeded choice of papers, and rarity read from the library's own vocabulary.
import { STOPWORDS } from '../src/shared/search-stopwords.ts';
import { foldTerm } from '../src/main/library/search/search-tokens.ts';
import { seededRandom } from './synthetic-papers.ts';

export type RelevanceKind = 'rare' | 'typo' | 'common';

export interface RelevanceQuery {
  kind: RelevanceKind;
  text: string;
  /** Index into the real papers of the paper meant. */
  about: number;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** A title's words as a person would type them: "Olaf-World:" → "olaf-world"; no stop words, no bare numbers. */
export function titleWords(title: string): string[] {
  return [
    ...new Set(
      title
        .split(/\s+/)
        .map((chunk) => chunk.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
        .filter((word) => word.length >= 3 && !STOPWORDS.has(word) && !/^[\d.]+$/.test(word) && /^[\p{L}\p{N}.+-]+$/u.test(word)),
    ),
  ];
}

/** One typo in a word's letters (dropped, swapped, doubled), never the first letter, never a joiner. */
export function withTypo(word: string, random: () => number): string | null {
  const spots: number[] = [];
  for (let at = 1; at < word.length - 1; at += 1) if (/\p{L}/u.test(word[at] ?? '') && /\p{L}/u.test(word[at + 1] ?? '')) spots.push(at);
  if (spots.length === 0) return null;
  const at = spots[Math.floor(random() * spots.length)] ?? 1;
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  return word.slice(0, at) + word[at] + word.slice(at);
}

export function relevanceQueries(titles: readonly string[], perKind: number, seed: number, docs: (term: string) => number): RelevanceQuery[] {
  const random = seededRandom(seed);
  // A name is as rare as its rarest part: "olaf-world" is as rare as "olaf".
  const rarity = (word: string) => Math.min(...(word.match(TOKEN) ?? [word]).map((token) => docs(foldTerm(token)) || Number.MAX_SAFE_INTEGER));
  const queries: RelevanceQuery[] = [];
  const counts = { rare: 0, typo: 0, common: 0 };
  const tried = new Set<number>();
  while ((counts.rare < perKind || counts.typo < perKind || counts.common < perKind) && tried.size < titles.length) {
    const about = Math.floor(random() * titles.length);
    if (tried.has(about)) continue;
    tried.add(about);
    const words = titleWords(titles[about] ?? '');
    if (words.length < 3) continue;
    const byRarity = [...words].sort((a, b) => rarity(a) - rarity(b));
    const rare = words.filter((word) => byRarity.slice(0, 2).includes(word));
    const common = words.filter((word) => byRarity.slice(-3).includes(word));
    if (counts.rare < perKind) {
      queries.push({ kind: 'rare', text: rare.join(' '), about });
      counts.rare += 1;
    }
    const misspelt = rare[0] && rare[0].length >= 5 ? withTypo(rare[0], random) : null;
    if (misspelt && counts.typo < perKind) {
      queries.push({ kind: 'typo', text: [misspelt, ...rare.slice(1)].join(' '), about });
      counts.typo += 1;
    }
    if (counts.common < perKind) {
      queries.push({ kind: 'common', text: common.join(' '), about });
      counts.common += 1;
    }
  }
  return queries;
}
