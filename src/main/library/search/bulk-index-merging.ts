// FTS5 keeps its index as segments and merges them as it writes ("automerge"): each flush of new text
// also rewrites nLevel × its size of older segments. On a 100k library that merge work was three
// quarters of the time of indexing a 10k-paper file (measured 8.3 s with it, 2.4 s without). A bulk
// import therefore writes its new segments without merging, and leaves the merging to the writes after
// it (ordinary automerge) and to FTS5's crisis merge, which still folds any level that reaches 16
// segments, so searches never face an unbounded number of segments. Only the segment layout differs:
// the terms, documents and positions indexed are the same.
import type { Database } from 'better-sqlite3';

const TABLES = ['papers_fts', 'papers_names_fts'] as const;
const FTS5_DEFAULT_AUTOMERGE = 4;

/** Runs `write` (inside the caller's transaction) with automerge off on both search tables, then restores it. */
export function withoutSearchIndexMerging<T>(db: Database, write: () => T): T {
  const previous = TABLES.map((table) => {
    // Table names come from the fixed list above, never from input.
    const stored = db.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).pluck().get() as number | undefined;
    db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', 0)`).run();
    return { table, automerge: stored ?? FTS5_DEFAULT_AUTOMERGE };
  });
  try {
    return write();
  } finally {
    for (const { table, automerge } of previous) {
      // Bound as a BigInt: FTS5 refuses a configuration value that arrives as a floating-point number.
      db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', ?)`).run(BigInt(automerge));
    }
  }
}
