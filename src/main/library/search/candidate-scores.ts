// Ranks a search's few candidates (a group of at most RANK_LIMIT matches) by BM25F over their own text,
// here rather than with FTS5's bm25(). That function starts every query by counting the papers that
// hold each searched term, a walk of each term's whole posting list: for a query of common words with
// an unfinished last one (six or more terms) at 100k papers, 5–15 ms per keystroke, the largest part of
// the slowest keystrokes. The in-memory vocabulary already holds those counts, and reading the
// candidates' text and finding the terms in it costs well under a millisecond for a hundred papers.
import { namePartsText } from './name-parts.ts';
import type { SearchRow, SearchRows } from './search-rows.ts';
import type { TermMatcher } from './term-matcher.ts';

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/**
 * Field weights, as the index's bm25 weighted its columns: a word in the title says most, then the
 * name parts, authors, tags, the reader's note, and last the abstract.
 */
const WEIGHTS = { title: 10, names: 8, authors: 5, abstract: 1, tags: 4, note: 3 } as const;
type Field = keyof typeof WEIGHTS;

export type CandidateFields = 'names' | 'all';

function fieldTexts(row: SearchRow, fields: CandidateFields): [Field, string][] {
  const title = row.title ?? '';
  const authors = row.authors ?? '';
  const texts: [Field, string][] = [
    ['title', title],
    ['names', namePartsText(`${title} ${authors}`)],
    ['authors', authors],
  ];
  if (fields === 'all') texts.push(['abstract', row.abstract ?? ''], ['tags', row.tags ?? ''], ['note', row.note ?? '']);
  return texts;
}

/** Which searched term a found word counts as, and how much: another form of a typed word counts for it, a little less. */
export type TermGroup = (term: string) => { key: string; weight: number };

const asItself: TermGroup = (term) => ({ key: term, weight: 1 });

/**
 * The candidates with a relevance each (positive, larger is better), best first; ties keep the order
 * given. `idf` is the inverse document frequency of a searched term (of a group's key).
 */
export function scoreCandidates(
  rows: SearchRows,
  ids: readonly number[],
  fields: CandidateFields,
  matcher: TermMatcher,
  idf: (term: string) => number,
  groupOf: TermGroup = asItself,
): { id: number; relevance: number }[] {
  if (ids.length === 0) return [];
  const byId = rows.get(ids);
  const texts = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ id, texts: fieldTexts(row, fields) }] : [];
  });
  // Length normalisation against the candidates' own average: only the ratio matters.
  const averages = new Map<Field, number>();
  for (const row of texts) for (const [field, text] of row.texts) averages.set(field, (averages.get(field) ?? 0) + text.length / texts.length);
  const scored = texts.map((row, order) => {
    const weighted = new Map<string, number>();
    for (const [field, text] of row.texts) {
      if (!text) continue;
      const norm = 1 - B + (B * text.length) / Math.max(1, averages.get(field) ?? 1);
      for (const token of matcher.find(text)) {
        const { key, weight } = groupOf(token.term);
        weighted.set(key, (weighted.get(key) ?? 0) + (weight * WEIGHTS[field]) / norm);
      }
    }
    let relevance = 0;
    for (const [term, frequency] of weighted) relevance += (idf(term) * frequency * (K1 + 1)) / (frequency + K1);
    return { id: row.id, relevance, order };
  });
  return scored.sort((a, b) => b.relevance - a.relevance || a.order - b.order).map(({ id, relevance }) => ({ id, relevance }));
}
