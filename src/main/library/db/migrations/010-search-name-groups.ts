import type { Database } from 'better-sqlite3';

/**
 * The names column gains the case-boundary parts of a name with digits in it ("I2VEdit" → "i2v",
 * "GPT4Vision" → "gpt4"; search/name-parts.ts), so "i2v edit first frame" finds I2VEdit. Only a title
 * or author list with a digit can gain a part, so only those papers are queued again; the engine
 * re-indexes the queue in the background when the library opens, as after any change.
 */
export function migration010SearchNameGroups(db: Database): void {
  db.exec(`
    INSERT OR IGNORE INTO search_queue (paper_id, indexed)
      SELECT id, 1 FROM papers WHERE title GLOB '*[0-9]*' OR authors GLOB '*[0-9]*';
  `);
}
