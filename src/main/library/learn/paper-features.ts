// What the model sees of a paper: its words (title words count more), its authors and its tags, as
// named features with raw counts. Authors and tags get a prefix so "Diffusion" the tag never collides
// with "diffusion" the word, and so an explanation can say which kind of evidence weighed.
import { foldTerm } from '../search/search-tokens.ts';

/** The fields of a paper the model learns from. */
export interface LearnablePaper {
  id: number;
  title: string;
  abstract: string;
  authors: readonly string[];
  tags: readonly string[];
}

export const AUTHOR_PREFIX = '@';
export const TAG_PREFIX = '#';
/** Title words weigh three abstract words: a title is what the reader decides on. Chosen by the bench. */
export const TITLE_WEIGHT = 3;

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

// Function words and the boilerplate every abstract uses; they carry no interest either way.
const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above across after again against all also although am among an and any are as at be because been
  before being below between both but by can could did do does doing done during each either et etc few for
  from further had has have having here how however i if in into is it its itself just may might more most
  much must my new no nor not novel of off on once only or other our ours out over own paper per propose
  proposed proposes present presents same several should show shows shown since so some such than that the
  their them then there these they this those through thus to too under until up upon us use used uses using
  very via was we well were what when where whether which while who whom why will with within without would
  yet you your approach method methods results result existing based work works achieve achieves across
  demonstrate demonstrates introduce introduces first one two three different various significantly`.split(/\s+/),
);

/** Folds plurals so "models" and "model" are one word; deliberately light (no full stemmer). */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|ous)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The content words of a text, folded and stemmed, in order. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = foldTerm(match[0]);
    if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    words.push(stem(word));
  }
  return words;
}

/** Named features and their weighted counts. */
export function paperFeatures(paper: LearnablePaper): Map<string, number> {
  const counts = textFeatures(paper);
  for (const tag of paper.tags) {
    const feature = tagFeature(tag);
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  return counts;
}

/** The features that change only when the paper's text does (what `paper_vectors` keeps): words and authors. */
export function textFeatures(paper: Omit<LearnablePaper, 'tags' | 'id'>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string, amount: number) => counts.set(feature, (counts.get(feature) ?? 0) + amount);
  for (const word of contentWords(paper.title)) add(word, TITLE_WEIGHT);
  for (const word of contentWords(paper.abstract)) add(word, 1);
  for (const author of paper.authors) {
    const name = foldTerm(author.trim());
    if (name) add(AUTHOR_PREFIX + name, 1);
  }
  return counts;
}

export function tagFeature(tag: string): string {
  return TAG_PREFIX + tag.toLowerCase();
}
