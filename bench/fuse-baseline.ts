// The naive design the issue compares against: fuse.js with default options over every paper and every
// searchable field, held in memory. Each keystroke scans the whole library.
import Fuse from 'fuse.js';
import type { Database } from 'better-sqlite3';
import { percentile, round, timeIt } from './stats.ts';

interface BaselineRow {
  title: string;
  authors: string;
  abstract: string;
  tags: string;
  note: string;
}

export function fuseBaseline(db: Database, keystrokes: readonly string[]): { p50: number; p95: number; buildMs: number; samples: number } {
  const rows = db
    .prepare(
      `SELECT p.title, p.authors, p.abstract, p.note,
         coalesce((SELECT group_concat(t.name, ' ') FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = p.id), '') AS tags
       FROM papers p`,
    )
    .all() as BaselineRow[];
  const built = timeIt(() => new Fuse(rows, { keys: ['title', 'authors', 'abstract', 'tags', 'note'] }));
  const times = keystrokes.map((query) => timeIt(() => built.value.search(query, { limit: 50 })).ms);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), buildMs: round(built.ms), samples: times.length };
}
