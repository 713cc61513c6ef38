// The index's vocabulary (term → number of papers containing it), held in memory so each keystroke can
// correct typos and complete prefixes without asking SQLite. Filled from fts5vocab once, then kept
// current by adding the terms of each paper as it is (re)indexed. Counts only grow between full loads
// (an edited paper counts twice): they rank candidates and estimate totals, they never decide a match.
import { boundedEditDistance } from './edit-distance.ts';
import { isFacetTerm } from './facets.ts';

export interface Vocabulary {
  docs: Map<string, number>;
  /** Terms by first character and length: the only ones a typo of that word can be corrected to. */
  buckets: Map<string, string[]>;
  /** All terms sorted, for prefix completion; terms added since live in `recent` until the next merge. */
  sorted: string[];
  recent: string[];
  /** Papers in the index (the "all" facet), for estimates. */
  paperCount: number;
}

const MERGE_RECENT_AT = 2000;

export function emptyVocabulary(): Vocabulary {
  return { docs: new Map(), buckets: new Map(), sorted: [], recent: [], paperCount: 0 };
}

const bucketKey = (term: string, length: number) => `${term[0] ?? ''}${length}`;

/** Adds a term with its document count; `sortedLater` when bulk-loading in sorted order. */
export function addTerm(vocabulary: Vocabulary, term: string, docs: number, sortedLater = false): void {
  const known = vocabulary.docs.get(term);
  if (known !== undefined) {
    vocabulary.docs.set(term, known + docs);
    return;
  }
  vocabulary.docs.set(term, docs);
  if (isFacetTerm(term)) return;
  const key = bucketKey(term, term.length);
  const bucket = vocabulary.buckets.get(key);
  if (bucket) bucket.push(term);
  else vocabulary.buckets.set(key, [term]);
  if (sortedLater) vocabulary.sorted.push(term);
  else {
    vocabulary.recent.push(term);
    if (vocabulary.recent.length >= MERGE_RECENT_AT) mergeRecent(vocabulary);
  }
}

function mergeRecent(vocabulary: Vocabulary): void {
  vocabulary.sorted = vocabulary.sorted.concat(vocabulary.recent).sort(compareTerms);
  vocabulary.recent = [];
}

// Code-unit order, the same order SQLite's fts5vocab returns terms in (BINARY collation).
const compareTerms = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function lowerBound(terms: readonly string[], value: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((terms[mid] ?? '') < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Completions of prefixes this short are kept: their ranges hold thousands of terms to sort. */
const MEMO_PREFIX_LENGTH = 3;
const completionMemo = new WeakMap<Vocabulary, { size: number; entries: Map<string, string[]> }>();

/** Terms starting with `prefix`, most frequent first. Walks at most `scanLimit` terms of the range. */
export function completions(vocabulary: Vocabulary, prefix: string, limit: number, scanLimit = 20_000): string[] {
  if (prefix.length > MEMO_PREFIX_LENGTH) return findCompletions(vocabulary, prefix, limit, scanLimit);
  let memo = completionMemo.get(vocabulary);
  // Any new term may belong to a short prefix's range: the memo lasts until the vocabulary grows.
  if (!memo || memo.size !== vocabulary.docs.size) {
    memo = { size: vocabulary.docs.size, entries: new Map() };
    completionMemo.set(vocabulary, memo);
  }
  const key = `${limit}:${prefix}`;
  let found = memo.entries.get(key);
  if (!found) {
    found = findCompletions(vocabulary, prefix, limit, scanLimit);
    memo.entries.set(key, found);
  }
  return [...found];
}

function findCompletions(vocabulary: Vocabulary, prefix: string, limit: number, scanLimit: number): string[] {
  // The most frequent `limit` terms of the range, kept in order while scanning: a one-letter prefix's
  // range holds tens of thousands of terms, and sorting all of them cost ~15 ms at 100k papers.
  const best: { term: string; docs: number }[] = [];
  const consider = (term: string) => {
    const docs = vocabulary.docs.get(term) ?? 0;
    if (best.length === limit) {
      const last = best[limit - 1];
      if (!last || docs < last.docs || (docs === last.docs && compareTerms(term, last.term) > 0)) return;
      best.pop();
    }
    let at = best.length;
    while (at > 0) {
      const before = best[at - 1];
      if (!before || before.docs > docs || (before.docs === docs && compareTerms(before.term, term) < 0)) break;
      at -= 1;
    }
    best.splice(at, 0, { term, docs });
  };
  if (limit <= 0) return [];
  const start = lowerBound(vocabulary.sorted, prefix);
  let scanned = 0;
  for (let index = start; index < vocabulary.sorted.length && scanned < scanLimit; index += 1, scanned += 1) {
    const term = vocabulary.sorted[index] ?? '';
    if (!term.startsWith(prefix)) break;
    consider(term);
  }
  for (const term of vocabulary.recent) if (term.startsWith(prefix)) consider(term);
  return best.map((entry) => entry.term);
}

/** Sum of document counts of every term starting with `prefix` (an upper bound on matches). */
export function prefixDocs(vocabulary: Vocabulary, prefix: string, scanLimit = 5000): number {
  let total = 0;
  let scanned = 0;
  const start = lowerBound(vocabulary.sorted, prefix);
  for (let index = start; index < vocabulary.sorted.length && scanned < scanLimit; index += 1, scanned += 1) {
    const term = vocabulary.sorted[index] ?? '';
    if (!term.startsWith(prefix)) break;
    total += vocabulary.docs.get(term) ?? 0;
  }
  for (const term of vocabulary.recent) if (term.startsWith(prefix)) total += vocabulary.docs.get(term) ?? 0;
  return Math.min(total, vocabulary.paperCount || total);
}

/** How far a typo may be from what was meant: short words allow less, or everything would match. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  // Three edits over a long word scans thousands of terms at a loose bound (~20 ms at 100k papers).
  return 2;
}

export interface Correction {
  term: string;
  distance: number;
  docs: number;
}

/**
 * Vocabulary terms within the allowed edit distance of `word`, nearest first, then most frequent.
 * Candidates share the first letter and have a similar length: typos rarely change the first letter,
 * and this keeps the work to a few hundred terms whatever the size of the library.
 */
export function corrections(vocabulary: Vocabulary, word: string, limit = 2): Correction[] {
  // The words before the one being typed are corrected again at every keystroke: remember them.
  let memo = correctionMemo.get(vocabulary);
  if (!memo || memo.size !== vocabulary.docs.size || memo.entries.size > 5000) {
    memo = { size: vocabulary.docs.size, entries: new Map() };
    correctionMemo.set(vocabulary, memo);
  }
  const key = `${limit}:${word}`;
  let found = memo.entries.get(key);
  if (!found) {
    found = findCorrections(vocabulary, word, limit);
    memo.entries.set(key, found);
  }
  return found.map((correction) => ({ ...correction }));
}

const correctionMemo = new WeakMap<Vocabulary, { size: number; entries: Map<string, Correction[]> }>();

function findCorrections(vocabulary: Vocabulary, word: string, limit: number): Correction[] {
  const max = allowedEdits(word.length);
  if (max === 0) return [];
  // Most typos are one edit: look for those first, where almost every term is rejected after a row or two.
  const near = candidatesWithin(vocabulary, word, 1);
  const found = near.length || max === 1 ? near : candidatesWithin(vocabulary, word, max);
  return found.sort((a, b) => a.distance - b.distance || b.docs - a.docs).slice(0, limit);
}

function candidatesWithin(vocabulary: Vocabulary, word: string, max: number): Correction[] {
  const found: Correction[] = [];
  let best = max;
  for (let length = word.length - max; length <= word.length + max; length += 1) {
    for (const term of vocabulary.buckets.get(bucketKey(word, length)) ?? []) {
      if (term === word) continue;
      const distance = boundedEditDistance(word, term, best);
      if (distance > best) continue;
      // Only the nearest distance is worth keeping: tighten the bound as soon as something closer appears.
      if (distance < best) {
        best = distance;
        for (let index = found.length - 1; index >= 0; index -= 1) if ((found[index]?.distance ?? 0) > best) found.splice(index, 1);
      }
      found.push({ term, distance, docs: vocabulary.docs.get(term) ?? 0 });
    }
  }
  return found;
}
