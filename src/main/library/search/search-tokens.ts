// Words as the index sees them. Mirrors FTS5's `unicode61 remove_diacritics 2` tokenizer closely enough that
// a word found here is the term FTS5 stored: letters and digits form tokens, everything else separates,
// case and diacritics are folded.

export interface Token {
  term: string;
  /** [start, end) offsets into the original text. */
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

/** Folds case and diacritics ("Schölkopf" → "scholkopf"), like the index does. */
export function foldTerm(word: string): string {
  const lower = word.toLowerCase();
  // Only pay for normalisation when there is something beyond ASCII.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}+/gu, '');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    tokens.push({ term: foldTerm(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}

/** Distinct folded terms of a text, for the in-memory vocabulary. */
export function termsOf(text: string, into: Set<string>): void {
  for (const match of text.matchAll(TOKEN)) into.add(foldTerm(match[0]));
}

export { STOPWORDS } from '../../../shared/search-stopwords.ts';
