// Title length per paper, in memory: the static rank of a match group too large for bm25. Filled for the
// whole library in the background when search starts, and for any paper not seen yet on demand.
// A title edited later keeps its old length here until the next start: it only nudges an order.
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';

const tables = new WeakMap<Database, { lengths: Uint16Array }>();
const UNKNOWN = 0;

function table(db: Database, maxId: number): { lengths: Uint16Array } {
  let entry = tables.get(db);
  if (!entry) {
    entry = { lengths: new Uint16Array(Math.max(1024, maxId + 1)) };
    tables.set(db, entry);
  }
  if (entry.lengths.length <= maxId) {
    const grown = new Uint16Array(Math.max(maxId + 1, entry.lengths.length * 2));
    grown.set(entry.lengths);
    entry.lengths = grown;
  }
  return entry;
}

// Stored as length + 1 so 0 can mean "not read yet".
const store = (lengths: Uint16Array, id: number, length: number) => {
  lengths[id] = Math.min(65_534, length) + 1;
};

/** A lookup of title lengths for these ids, reading the ones not in memory yet in one query. */
export function titleLengthsOf(db: Database, ids: readonly number[]): (id: number) => number {
  let maxId = 0;
  for (const id of ids) if (id > maxId) maxId = id;
  const { lengths } = table(db, maxId);
  const missing = ids.filter((id) => lengths[id] === UNKNOWN);
  if (missing.length) {
    const rows = prepared<[string], [number, number]>(db, `SELECT id, length(title) FROM papers WHERE id IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(JSON.stringify(missing));
    for (const [id, length] of rows) store(lengths, id, length);
  }
  return (id) => (lengths[id] ?? 1) - 1;
}

/** Reads every title length, a chunk per call; returns false when done. */
export function* loadTitleLengths(db: Database, chunk = 20_000): Generator<void> {
  const maxId = (prepared(db, `SELECT coalesce(max(id), 0) FROM papers`).pluck().get() as number) ?? 0;
  let { lengths } = table(db, maxId);
  const select = prepared<[number, number], [number, number]>(db, `SELECT id, length(title) FROM papers WHERE id > ? ORDER BY id LIMIT ?`).raw();
  let after = 0;
  for (;;) {
    const rows = select.all(after, chunk);
    const last = rows.at(-1);
    if (!last) return;
    ({ lengths } = table(db, last[0]));
    for (const [id, length] of rows) store(lengths, id, length);
    after = last[0];
    if (rows.length < chunk) return;
    yield;
  }
}
