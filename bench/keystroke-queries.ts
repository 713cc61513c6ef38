// The queries the bench types, one character at a time. Built from the synthetic papers themselves, so
// each has a paper it is "about" (used to check the right paper comes first), covering every kind of
// query the search supports.
import { seededRandom } from './synthetic-papers.ts';
import type { SyntheticCorpus } from './synthetic-papers.ts';
import { BENCH_TAGS } from './build-library.ts';

export interface BenchQuery {
  kind: 'words' | 'typo' | 'prefix' | 'author' | 'phrase' | 'title' | 'filter' | 'negated';
  text: string;
  /** Index of the synthetic paper the query is about (id = index + 1 in a bench library), if any. */
  about: number | null;
}

const WORD = /[A-Za-z][A-Za-z-]{3,}/g;

function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1); // dropped letter
  if (kind === 1) return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2); // swapped
  return word.slice(0, at) + word[at] + word.slice(at); // doubled
}

/**
 * `docs(word)` is how many papers contain the word: a person looking for a paper remembers its unusual
 * title words, so queries are made of the rarest ones.
 */
export function benchQueries(corpus: SyntheticCorpus, paperCount: number, seed: number, docs: (word: string) => number): BenchQuery[] {
  const random = seededRandom(seed);
  const queries: BenchQuery[] = [];
  const somePaper = () => Math.floor(random() * paperCount);
  const titleWords = (index: number) => (corpus.paper(index).title.match(WORD) ?? []).map((word) => word.toLowerCase());
  const distinctive = (index: number) => {
    const words = [...new Set(titleWords(index))].sort((a, b) => docs(a) - docs(b) || b.length - a.length);
    return words.slice(0, 2);
  };
  for (let i = 0; i < 8; i += 1) {
    const index = somePaper();
    queries.push({ kind: 'words', text: distinctive(index).join(' '), about: index });
  }
  for (let i = 0; i < 10; i += 1) {
    const index = somePaper();
    const words = distinctive(index);
    const misspelt = words.map((word, position) => (position === 0 && word.length >= 6 ? typo(word, random) : word));
    queries.push({ kind: 'typo', text: misspelt.join(' '), about: index });
  }
  for (let i = 0; i < 6; i += 1) {
    queries.push({ kind: 'prefix', text: (corpus.titleWords[Math.floor(random() * 40)] ?? 'spa').slice(0, 3 + (i % 3)), about: null });
  }
  for (let i = 0; i < 8; i += 1) {
    const index = somePaper();
    const author = corpus.paper(index).authors[0] ?? 'Wei Chen';
    queries.push({ kind: 'author', text: `${author.split(' ').at(-1)} ${distinctive(index)[0] ?? ''}`.trim(), about: index });
  }
  for (let i = 0; i < 6; i += 1) {
    const index = somePaper();
    const words = corpus.paper(index).title.split(' ').filter((word) => !word.endsWith(':'));
    const at = Math.floor(random() * Math.max(1, words.length - 2));
    queries.push({ kind: 'phrase', text: `"${words.slice(at, at + 3).join(' ')}"`, about: index });
  }
  for (let i = 0; i < 4; i += 1) {
    const index = somePaper();
    queries.push({ kind: 'title', text: corpus.paper(index).title.slice(0, 70), about: index });
  }
  const common = () => corpus.titleWords[Math.floor(random() * 30)] ?? 'sparse';
  const tag = () => BENCH_TAGS[Math.floor(random() * BENCH_TAGS.length)] ?? 'survey';
  const filters = [
    () => `is:starred ${common()}`,
    () => `in:to-read ${common()} ${common()}`,
    () => `tag:${tag()} ${common()}`,
    () => `year:2024 ${common()}`,
    () => `digest:2025-06 ${common()}`,
    () => `tag:${tag()} is:starred`,
    () => `in:read year:2023`,
    () => `${common()} in:inbox -is:starred`,
  ];
  for (const make of filters) queries.push({ kind: 'filter', text: make(), about: null });
  queries.push({ kind: 'negated', text: `${common()} -${common()}`, about: null });
  queries.push({ kind: 'negated', text: `${common()} -tag:${tag()} -in:skipped`, about: null });
  return queries;
}

/** Every prefix of the query, as the search box sees it while the reader types. */
export function keystrokes(text: string): string[] {
  return Array.from({ length: text.length }, (_, index) => text.slice(0, index + 1));
}
