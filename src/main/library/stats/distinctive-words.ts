import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { STOPWORDS, tokenize } from '../search/search-tokens.ts';

/** Recent enough to say what the reader wants now, small enough to count in a few milliseconds. */
const SAMPLE = 1500;
const MIN_COUNT = 3;

function countWords(titles: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const title of titles) {
    for (const word of new Set(tokenize(title).map((token) => token.term))) {
      if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Title words more frequent in what the reader kept (to read, read) than in what they skipped, and the
 * reverse: a smoothed ratio of the two shares, so a word common to both (e.g. "learning") is not listed.
 */
export function distinctiveWords(db: Database, limit = 12) {
  // Each sample walks a status-first index, newest arrivals first.
  const recent = (status: string) =>
    prepared<[string, number], string>(db, `SELECT title FROM papers WHERE status = ? AND title_is_placeholder = 0 ORDER BY inbox_day DESC LIMIT ?`)
      .pluck()
      .all(status, SAMPLE);
  const keptTitles = [...recent('to-read'), ...recent('read')];
  const skippedTitles = recent('skipped');
  const kept = countWords(keptTitles);
  const skipped = countWords(skippedTitles);
  const share = (count: number, total: number) => (count + 1) / (total + 2);
  const ranked = (mine: Map<string, number>, theirs: Map<string, number>, mineTotal: number, theirsTotal: number) =>
    [...mine.entries()]
      .filter(([, count]) => count >= MIN_COUNT)
      .map(([word, count]) => ({ word, count, lift: share(count, mineTotal) / share(theirs.get(word) ?? 0, theirsTotal) }))
      .filter((entry) => entry.lift > 1.5)
      .sort((a, b) => b.lift * Math.log(b.count + 1) - a.lift * Math.log(a.count + 1) || a.word.localeCompare(b.word))
      .slice(0, limit)
      .map(({ word, count }) => ({ word, count }));
  return {
    kept: ranked(kept, skipped, keptTitles.length, skippedTitles.length),
    skipped: ranked(skipped, kept, skippedTitles.length, keptTitles.length),
  };
}
