// Each paper's term counts kept in the library (migration 009), so a rebuild of the reader model
// reads small blobs instead of re-tokenising every abstract. Only papers without a stored vector
// (new, or whose text changed: the triggers drop those) are tokenised, in batches, by whoever learns
// next (the learning process in the app): never by an import.
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { parseAuthors } from '../papers/paper-rows.ts';
import { textFeatures } from './paper-features.ts';

/** Papers tokenised and written per transaction: short enough never to hold the write lock for long. */
const BATCH = 1000;
/** Past this many papers to fill, reading every known term at once beats looking them up one by one. */
const PRELOAD_TERMS_FROM = 5000;

const MISSING_SQL = `SELECT p.id, p.title, p.abstract, p.authors FROM papers p
  WHERE p.id > ? AND p.title_is_placeholder = 0 AND NOT EXISTS (SELECT 1 FROM paper_vectors v WHERE v.paper_id = p.id)
  ORDER BY p.id LIMIT ?`;

interface MissingRow {
  id: number;
  title: string;
  abstract: string;
  authors: string;
}

/**
 * Every vector belongs to a paper that is not a placeholder (triggers drop a vector when its paper goes
 * or becomes one), so the papers lacking one are counted from three counts, each read from an index or
 * the small vectors table: the exact NOT EXISTS over 100k papers scans every abstract (250–350 ms).
 */
export function countMissingVectors(db: Database): number {
  return prepared<[], number>(
    db,
    `SELECT (SELECT count(*) FROM papers) - (SELECT count(*) FROM papers WHERE title_is_placeholder = 1) - (SELECT count(*) FROM paper_vectors)`,
  ).pluck().get() ?? 0;
}

export interface StoreOptions {
  /**
   * Called after each batch with the milliseconds it took. The learning process sleeps that long, so
   * filling a whole library (the first start after an upgrade: ~17 s of CPU at 100k papers) takes at
   * most half of a core: on two cores, keystrokes in the window slowed from 28 to 287 ms (p50) while it ran flat out.
   */
  afterBatch?: (busyMs: number) => void;
}

/** Tokenises and stores every paper that lacks a vector; answers how many it stored. */
export function storeMissingVectors(db: Database, options: StoreOptions = {}): number {
  const missing = countMissingVectors(db);
  if (missing === 0) return 0;
  const terms = termIds(db, missing >= PRELOAD_TERMS_FROM);
  // Written only if the paper still reads as it did when it was tokenised: the rows are read outside
  // the write transaction (so the lock is held for writing only), and another connection may have
  // changed or replaced the paper meanwhile.
  const insert = prepared<[{ id: number; features: Buffer; title: string; abstract: string; authors: string }]>(
    db,
    `INSERT OR REPLACE INTO paper_vectors (paper_id, features) SELECT @id, @features
     WHERE EXISTS (SELECT 1 FROM papers WHERE id = @id AND title = @title AND abstract = @abstract AND authors = @authors)`,
  );
  let stored = 0;
  let after = 0;
  for (;;) {
    const started = performance.now();
    // From where the last batch ended: each batch reads on instead of from the first paper again.
    const rows = prepared<[number, number], MissingRow>(db, MISSING_SQL).all(after, BATCH);
    if (rows.length === 0) break;
    const features = rows.map((row) => textFeatures({ title: row.title, abstract: row.abstract, authors: parseAuthors(row.authors) }));
    db.transaction(() => {
      rows.forEach((row, index) => insert.run({ ...row, features: encodeVector(features[index] ?? new Map(), terms) }));
    }).immediate();
    stored += rows.length;
    after = rows.at(-1)?.id ?? after;
    if (rows.length < BATCH) break;
    options.afterBatch?.(performance.now() - started);
  }
  return stored;
}

/** n little-endian uint32 term ids, then n uint8 counts (capped: 255 mentions say no more than 200). */
function encodeVector(features: Map<string, number>, terms: (term: string) => number): Buffer {
  const buffer = Buffer.alloc(features.size * 5);
  let k = 0;
  for (const [name, count] of features) {
    buffer.writeUInt32LE(terms(name), k * 4);
    buffer[features.size * 4 + k] = Math.min(255, Math.round(count));
    k += 1;
  }
  return buffer;
}

// Stored vectors are decoded by hand, without a DataView or a callback: at 100k papers this runs over
// 13 million entries on every rebuild.
const termIdAt = (blob: Uint8Array, byte: number) =>
  ((blob[byte] as number) | ((blob[byte + 1] as number) << 8) | ((blob[byte + 2] as number) << 16) | ((blob[byte + 3] as number) << 24)) >>> 0;

/** Adds one to the paper count of every term in a stored vector (ids below frequency.length). */
export function countStoredTerms(blob: Uint8Array, frequency: Uint32Array): void {
  const size = blob.length / 5;
  for (let k = 0; k < size; k += 1) {
    const id = termIdAt(blob, k * 4);
    if (id < frequency.length) frequency[id] = (frequency[id] as number) + 1;
  }
}

/** Decodes a stored vector into `row` (grown when too small, leaving room for `extra` more); answers its size. */
export function decodeStoredVector(blob: Uint8Array, row: { ids: Uint32Array; counts: Uint8Array }, extra: number): number {
  const size = blob.length / 5;
  if (size + extra > row.ids.length) {
    row.ids = new Uint32Array(size + extra);
    row.counts = new Uint8Array(size + extra);
  }
  for (let k = 0; k < size; k += 1) {
    row.ids[k] = termIdAt(blob, k * 4);
    row.counts[k] = blob[size * 4 + k] as number;
  }
  return size;
}

/** A term's id, given one the first time it is seen (inside the caller's write transaction). */
function termIds(db: Database, preload: boolean): (term: string) => number {
  const cache = new Map<string, number>();
  if (preload) for (const [term, id] of prepared<[], [string, number]>(db, `SELECT term, id FROM learn_terms`).raw().iterate()) cache.set(term, id);
  const find = prepared<[string], number>(db, `SELECT id FROM learn_terms WHERE term = ?`).pluck();
  const add = prepared<[string]>(db, `INSERT INTO learn_terms (term) VALUES (?)`);
  return (term) => {
    let id = cache.get(term) ?? (preload ? undefined : find.get(term));
    if (id === undefined) id = Number(add.run(term).lastInsertRowid);
    cache.set(term, id);
    return id;
  };
}

/** The names of the given term ids (the vocabulary a model keeps), in the order asked. */
export function termNames(db: Database, ids: Uint32Array): string[] {
  const names = new Map<number, string>();
  const rows = prepared<[string], [number, string]>(db, `SELECT id, term FROM learn_terms WHERE id IN (SELECT value FROM json_each(?))`).raw();
  for (const [id, term] of rows.iterate(JSON.stringify(Array.from(ids)))) names.set(id, term);
  return Array.from(ids, (id) => names.get(id) ?? '');
}
