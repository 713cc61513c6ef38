import type { HighlightRange } from '../../shared/contract/search-contract.ts';
import { STOPWORDS } from '../../shared/search-stopwords.ts';

/**
 * The words of a query worth marking in a paper: no filters (`tag:x`), no negated words, no 1-letter
 * words, no stop words; a hyphenated name marks each of its parts ("olaf-world" marks "Olaf" and "World").
 */
export function queryTerms(query: string): string[] {
  return query
    .replace(/["“”]/g, ' ')
    .split(/\s+/)
    .filter((word) => !word.includes(':') && !word.startsWith('-'))
    .flatMap((word) => word.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((word) => word.length > 1 && !STOPWORDS.has(word));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Ranges of words in `text` that start with one of the terms (so "splat" marks "Splatting"). */
export function termHighlights(text: string, terms: readonly string[]): HighlightRange[] {
  if (terms.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join('|')})[\\p{L}\\p{N}]*`, 'giu');
  return [...text.matchAll(pattern)].map((match): HighlightRange => [match.index, match.index + match[0].length]);
}
