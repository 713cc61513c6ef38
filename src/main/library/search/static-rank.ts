// papers_names_fts's rowid carries a static rank: shorter titles first, then the paper id. FTS5 returns matches
// in rowid order and stops when the caller stops reading, so "ORDER BY rowid LIMIT k" yields the best k
// of a common word's matches by static rank without visiting the rest: impact-ordered postings, with
// title length as the impact. Among papers that all carry the searched words in the title, bm25 differs
// mostly by title length, so this order approximates it where scoring every match would cost too much.
const ID_BITS = 2 ** 32;
/** Titles longer than this rank together (≈ 40 words). */
const LONGEST_RANKED = 300;

export function indexRowid(paperId: number, title: string | null): number {
  const length = Math.min(LONGEST_RANKED, (title ?? '').trim().length);
  return length * ID_BITS + paperId;
}

export function paperIdOf(rowid: number): number {
  return rowid % ID_BITS;
}
