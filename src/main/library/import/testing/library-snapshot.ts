import type { Database } from 'better-sqlite3';

const TABLES = ['papers', 'paper_links', 'digests', 'paper_digests', 'tags', 'paper_tags'];

/** Every row of every library table, as text: equal snapshots mean the library did not change. */
export function librarySnapshot(db: Database): string {
  return JSON.stringify(TABLES.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
}
