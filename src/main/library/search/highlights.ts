// Where the query's words are in a title or abstract, as [start, end) offsets into the returned text.
import type { HighlightRange } from '../../../shared/contract/search-contract.ts';
import type { HighlightTerms } from './plan-query.ts';
import { termMatcher } from './term-matcher.ts';
import type { TermMatcher } from './term-matcher.ts';

const SNIPPET_LENGTH = 220;
/** Room left before the first match, so the window reads as a sentence rather than starting on the word. */
const LEAD = 50;

/** One matcher per search: each keystroke highlights a page of titles and abstracts with the same terms. */
const matchers = new WeakMap<HighlightTerms, TermMatcher>();

function matcherFor(terms: HighlightTerms): TermMatcher {
  let matcher = matchers.get(terms);
  if (!matcher) {
    matcher = termMatcher(terms.exact, terms.prefixes);
    matchers.set(terms, matcher);
  }
  return matcher;
}

export function highlightRanges(text: string, terms: HighlightTerms): HighlightRange[] {
  return matcherFor(terms)
    .find(text)
    .map((token): HighlightRange => [token.start, token.end]);
}

/** The window of the abstract holding the most distinct query words; null when none of them is in it. */
export function abstractSnippet(abstract: string, terms: HighlightTerms): { text: string; highlights: HighlightRange[] } | null {
  const hits = matcherFor(terms).find(abstract);
  if (hits.length === 0) return null;
  let bestStart = 0;
  let bestScore = -1;
  for (let first = 0; first < hits.length; first += 1) {
    const anchor = hits[first]?.start ?? 0;
    const distinct = new Set<string>();
    let count = 0;
    for (let index = first; index < hits.length && (hits[index]?.end ?? 0) <= anchor + SNIPPET_LENGTH - LEAD; index += 1) {
      distinct.add(hits[index]?.term ?? '');
      count += 1;
    }
    const score = distinct.size * 100 + count;
    if (score > bestScore) {
      bestScore = score;
      bestStart = anchor;
    }
  }
  let start = Math.max(0, bestStart - LEAD);
  // Start and end on word boundaries.
  if (start > 0) {
    const space = abstract.indexOf(' ', start);
    start = space !== -1 && space < bestStart ? space + 1 : start;
  }
  let end = Math.min(abstract.length, start + SNIPPET_LENGTH);
  if (end < abstract.length) {
    const space = abstract.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < abstract.length ? '…' : '';
  const highlights = hits
    .filter((hit) => hit.start >= start && hit.end <= end)
    .map((hit): HighlightRange => [hit.start - start + prefix.length, hit.end - start + prefix.length]);
  return { text: `${prefix}${abstract.slice(start, end)}${suffix}`, highlights };
}
