// Finds a search's words in a text (a title, an abstract) without tokenising all of it. Every keystroke
// highlights 50 titles and abstracts and scores up to 100 candidates: tokenising each abstract into
// folded terms took about a fifth of a keystroke's time at 100k papers. Where a text's words are all
// ASCII (almost every abstract), one case-insensitive regular expression of the searched terms finds
// the same words the tokenizer would (tokens there are exactly [A-Za-z0-9]+, folded by lower-casing);
// any other text goes through the tokenizer, so diacritics fold exactly as the index folds them.
import type { Token } from './search-tokens.ts';
import { tokenize } from './search-tokens.ts';

export interface TermMatcher {
  /** The tokens of `text` that are one of the exact terms or start with one of the prefixes. */
  find(text: string): Token[];
}

/** A letter or digit outside ASCII: its word may fold (case, diacritics) in ways only the tokenizer knows. */
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_WORD_CHAR = /(?![\x00-\x7f])[\p{L}\p{N}\p{Co}]/u;
const ASCII_TERM = /^[a-z0-9]+$/;

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const longestFirst = (terms: Iterable<string>) => [...terms].filter((term) => ASCII_TERM.test(term)).sort((a, b) => b.length - a.length);

export function termMatcher(exact: ReadonlySet<string>, prefixes: readonly string[]): TermMatcher {
  const isMatch = (term: string) => exact.has(term) || prefixes.some((prefix) => term.startsWith(prefix));
  const exactPattern = longestFirst(exact).map(escape).join('|');
  const prefixPattern = longestFirst(prefixes).map(escape).join('|');
  const alternatives = [
    ...(exactPattern ? [`(?:${exactPattern})(?![A-Za-z0-9])`] : []),
    ...(prefixPattern ? [`(?:${prefixPattern})[A-Za-z0-9]*`] : []),
  ];
  const ascii = alternatives.length ? new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.join('|')})`, 'gi') : null;
  const slow = (text: string) => tokenize(text).filter((token) => isMatch(token.term));
  return {
    find(text) {
      if (NON_ASCII.test(text) && NON_ASCII_WORD_CHAR.test(text)) return slow(text);
      if (!ascii) return [];
      const found: Token[] = [];
      for (const match of text.matchAll(ascii)) found.push({ term: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
      return found;
    },
  };
}
