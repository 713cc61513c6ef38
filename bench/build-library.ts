// Builds a synthetic library through the import core (the same merge + insert + digest link that
// importDigest runs per paper, minus parsing: the bench's own text needs none), then gives it reader
// state (statuses, stars, tags) so filters have something to find, then catches the search index up.
import fs from 'node:fs';
import path from 'node:path';
import { findExistingPaper, insertPaper, toIncomingPaper } from '../src/main/library/import/merge-paper.ts';
import { indexPendingPapers } from '../src/main/library/search/index-sync.ts';
import { openSiftLibrary } from '../src/main/library/sift-library.ts';
import type { SiftLibrary } from '../src/main/library/sift-library.ts';
import type { SyntheticCorpus } from './synthetic-papers.ts';

export interface BuiltLibrary {
  library: SiftLibrary;
  file: string;
  /** Papers per second through the import core (the index is filled afterwards, see below). */
  importPapersPerSecond: number;
  /** Papers per second indexed by the search index catch-up. */
  indexPapersPerSecond: number;
  /** Import and indexing together. */
  endToEndPapersPerSecond: number;
}

/** Papers per synthetic digest: one transaction each, as a large import file would be. */
const DIGEST_SIZE = 5000;
export const BENCH_TAGS = ['diffusion', 'agents', 'reading-group', 'survey', 'rl', 'vision', 'llm', 'theory', 'to-cite', 'robotics', 'audio', 'later'];

export function buildLibrary(dir: string, count: number, corpus: SyntheticCorpus): BuiltLibrary {
  const file = path.join(dir, `library-${count}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const library = openSiftLibrary(file);
  const { db } = library;
  const now = '2026-03-12T09:00:00.000Z';
  let importMs = 0;
  for (let start = 0; start < count; start += DIGEST_SIZE) {
    const papers = Array.from({ length: Math.min(DIGEST_SIZE, count - start) }, (_, offset) => corpus.paper(start + offset));
    const began = performance.now();
    db.transaction(() => {
      const digestId = Number(
        db
          .prepare(`INSERT INTO digests (source_name, format, digest_date, imported_at, content_hash, paper_count) VALUES (?, 'hf-daily-json', ?, ?, ?, ?)`)
          .run(`synthetic-${start}.json`, papers[0]?.sectionDate ?? null, now, `synthetic-${count}-${start}`, papers.length).lastInsertRowid,
      );
      const link = db.prepare(`INSERT OR IGNORE INTO paper_digests (paper_id, digest_id, position) VALUES (?, ?, ?)`);
      papers.forEach((parsed, index) => {
        const paper = toIncomingPaper(parsed);
        const existing = findExistingPaper(db, paper);
        const id = existing
          ? existing.id
          : insertPaper(db, paper, { status: 'inbox', digestDate: parsed.sectionDate, digestPosition: index, now });
        link.run(id, digestId, index);
      });
    })();
    importMs += performance.now() - began;
  }
  giveReaderState(library);
  const began = performance.now();
  indexPendingPapers(db);
  const indexMs = performance.now() - began;
  db.pragma('wal_checkpoint(TRUNCATE)');
  return {
    library,
    file,
    importPapersPerSecond: Math.round((count / importMs) * 1000),
    indexPapersPerSecond: Math.round((count / indexMs) * 1000),
    endToEndPapersPerSecond: Math.round((count / (importMs + indexMs)) * 1000),
  };
}

/** A reading list in use: most papers untriaged, some queued, read, skipped, starred and tagged. */
function giveReaderState(library: SiftLibrary): void {
  const { db } = library;
  db.transaction(() => {
    db.exec(`
      UPDATE papers SET status = 'to-read', position = id WHERE id % 20 = 1;
      UPDATE papers SET status = 'read', read_at = added_at WHERE id % 10 = 2;
      UPDATE papers SET status = 'skipped' WHERE id % 5 = 3;
      UPDATE papers SET starred = 1, starred_at = added_at WHERE id % 50 = 4;
    `);
    const addTag = db.prepare(`INSERT OR IGNORE INTO tags (name) VALUES (?)`);
    for (const tag of BENCH_TAGS) addTag.run(tag);
    db.exec(`INSERT OR IGNORE INTO paper_tags (paper_id, tag_id)
      SELECT p.id, t.id FROM papers p JOIN tags t ON t.id = 1 + (p.id % ${BENCH_TAGS.length}) WHERE p.id % 33 = 0`);
    db.exec(`UPDATE papers SET note = 'Discussed in reading group; compare with the baseline ablations.' WHERE id % 97 = 0`);
  })();
}
