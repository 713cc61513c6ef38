// How closely a title reads like the words typed, from 0 to 1: each typed word found in the title as
// itself, as the start of a title word (still being typed), or within a typo of one; and how much of
// the title those words cover, so the short title that is nearly the query beats a long one that also
// holds the words. This replaced fuse.js's Bitap score over the same titles: that scanned each title
// with up to 60% errors allowed and cost 1–4 ms per keystroke over 60 titles (25 ms at worst), for
// an order the same relevance queries judge at least as good (bench/RESULTS.md).
import { boundedEditDistance } from './edit-distance.ts';
import { STOPWORDS, foldTerm, tokenize } from './search-tokens.ts';

const EXACT = 1;
const PREFIX = 0.9;
const ONE_EDIT = 0.75;
const TWO_EDITS = 0.55;
/** Shares of the closeness: the typed words found, found in the order typed, and the title covered. */
const FOUND_SHARE = 0.6;
const ORDER_SHARE = 0.2;
const COVER_SHARE = 0.2;
/** Title words two typed words may be apart and still read as typed ("mixture experts": "Mixture of Experts"). */
const MAX_GAP = 3;

const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

/** How well `word` matches each title word (0 where it does not). */
function wordScores(word: string, titleWords: readonly string[]): number[] {
  return titleWords.map((term) => {
    if (term === word) return EXACT;
    if (word.length >= 2 && term.startsWith(word)) return PREFIX;
    if (word.length < 4) return 0;
    const distance = boundedEditDistance(word, term, word.length >= 6 ? 2 : 1);
    return distance === 1 ? ONE_EDIT : distance === 2 ? TWO_EDITS : 0;
  });
}

/** `next` is found after `previous` in the title, with only stop words between. */
function followsInTitle(previous: readonly number[], next: readonly number[], titleWords: readonly string[]): boolean {
  for (let from = 0; from < previous.length; from += 1) {
    if (!previous[from]) continue;
    for (let to = from + 1; to < next.length && to - from <= MAX_GAP; to += 1) {
      if (next[to]) return true;
      if (!STOPWORDS.has(titleWords[to] ?? '')) break;
    }
  }
  return false;
}

/** Scores titles against `words` (the typed words, as one string). */
export function titleCloseness(words: string): (title: string) => number {
  const typed = (words.match(WORD) ?? []).map(foldTerm);
  const meaningful = typed.filter((word) => !STOPWORDS.has(word));
  const query = meaningful.length ? meaningful : typed;
  if (query.length === 0) return () => 0;
  return (title) => {
    const titleWords = tokenize(title).map((token) => token.term);
    if (titleWords.length === 0) return 0;
    const scores = query.map((word) => wordScores(word, titleWords));
    const covered = new Set<number>();
    let found = 0;
    for (const perTitleWord of scores) {
      found += Math.max(...perTitleWord);
      perTitleWord.forEach((score, at) => {
        if (score > 0) covered.add(at);
      });
    }
    let inOrder = 0;
    for (let index = 1; index < scores.length; index += 1) if (followsInTitle(scores[index - 1] ?? [], scores[index] ?? [], titleWords)) inOrder += 1;
    const order = query.length > 1 ? inOrder / (query.length - 1) : Math.min(1, found);
    const titleMeaningful = titleWords.filter((word) => !STOPWORDS.has(word)).length || titleWords.length;
    return FOUND_SHARE * (found / query.length) + ORDER_SHARE * order + COVER_SHARE * Math.min(1, covered.size / titleMeaningful);
  };
}
