// Brings the FTS5 index up to date with the papers queued by the triggers of migration 002, in one
// batch per call: batch inserts are ~3× faster than writing from the triggers (see the migration).
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { facetsOf } from './facets.ts';
import { namePartsText } from './name-parts.ts';
import { indexRowid } from './static-rank.ts';
import type { FacetSource } from './facets.ts';

interface IndexRow extends FacetSource {
  id: number;
  indexed: number;
  present: number;
  title: string | null;
  authors: string | null;
  abstract: string | null;
  note: string | null;
  tags: string | null;
}

const ROW_COLUMNS = `p.id IS NOT NULL AS present, p.title, p.authors, p.abstract, p.note, p.status, p.starred,
  p.published_at, p.digest_date,
  (SELECT group_concat(t.name, ' ') FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = q.paper_id) AS tags,
  (SELECT group_concat(pt.tag_id) FROM paper_tags pt WHERE pt.paper_id = q.paper_id) AS tag_ids,
  (SELECT group_concat(d.digest_date) FROM paper_digests pd JOIN digests d ON d.id = pd.digest_id WHERE pd.paper_id = q.paper_id) AS digest_dates`;

/** Everything a paper contributes to the vocabulary, as one string. */
export type PaperTextSink = (text: string) => void;

const namesOf = (row: IndexRow) => namePartsText(`${row.title ?? ''} ${row.authors ?? ''}`);

function indexedText(row: IndexRow): string {
  return `${row.title ?? ''} ${namesOf(row)} ${row.authors ?? ''} ${row.abstract ?? ''} ${row.tags ?? ''} ${row.note ?? ''}`;
}

/** `search_log` entries kept: an engine further behind than this reloads its vocabulary. */
const LOG_KEEP = 8192;

export function hasPendingPapers(db: Database): boolean {
  return prepared(db, `SELECT EXISTS (SELECT 1 FROM search_queue)`).pluck().get() === 1;
}

export function pendingPaperCount(db: Database): number {
  return prepared(db, `SELECT count(*) FROM search_queue`).pluck().get() as number;
}

/**
 * Indexes up to `limit` queued papers (all when omitted) in one write transaction and logs them in
 * `search_log` (by the trigger on the queue). `onText` receives each indexed paper's text, so the caller's vocabulary can follow.
 * Returns how many queue entries were handled.
 */
export function indexPendingPapers(db: Database, options: { limit?: number; onText?: PaperTextSink } = {}): number {
  const limit = options.limit ?? -1;
  const select = prepared<[number], IndexRow>(
    db,
    `SELECT q.paper_id AS id, q.indexed, ${ROW_COLUMNS}
     FROM search_queue q LEFT JOIN papers p ON p.id = q.paper_id ORDER BY q.paper_id LIMIT ?`,
  );
  const remove = prepared(db, `DELETE FROM papers_fts WHERE rowid = ?`);
  const insert = prepared(
    db,
    `INSERT INTO papers_fts (rowid, title, names, authors, abstract, tags, note, facets) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const namesRowid = prepared<[number], number>(db, `SELECT names_rowid FROM search_rowids WHERE paper_id = ?`).pluck();
  const removeNames = prepared(db, `DELETE FROM papers_names_fts WHERE rowid = ?`);
  const insertNames = prepared(db, `INSERT INTO papers_names_fts (rowid, title, names, authors, facets) VALUES (?, ?, ?, ?, ?)`);
  const forget = prepared(db, `DELETE FROM search_rowids WHERE paper_id = ?`);
  const remember = prepared(db, `INSERT INTO search_rowids (paper_id, names_rowid) VALUES (?, ?)`);
  const dequeue = prepared(db, `DELETE FROM search_queue WHERE paper_id <= ?`);
  const trimLog = prepared(db, `DELETE FROM search_log WHERE seq <= (SELECT max(seq) FROM search_log) - ?`);
  return db
    .transaction(() => {
      const rows = select.all(limit);
      // FTS5 writes its pending terms out as a new segment whenever a rowid is lower than the one
      // before. papers_fts is written in paper id order; papers_names_fts's rowids are in rank order,
      // so its deletes and inserts are collected and written sorted: in paper id order they flushed a
      // segment per paper (measured: indexing 10,000 papers into 100,000 several times slower).
      const namesRemoved: number[] = [];
      const namesAdded: { rowid: number; title: string | null; names: string; authors: string | null; facets: string }[] = [];
      for (const row of rows) {
        if (row.indexed === 1) remove.run(row.id);
        // Looked up whatever the flag says: a names row left behind would be found twice.
        const previous = namesRowid.get(row.id);
        if (previous !== undefined) {
          namesRemoved.push(previous);
          forget.run(row.id);
        }
        if (row.present !== 1) continue;
        const names = namesOf(row);
        const facets = facetsOf(row);
        insert.run(row.id, row.title, names, row.authors, row.abstract, row.tags ?? '', row.note, facets);
        const rowid = indexRowid(row.id, row.title);
        remember.run(row.id, rowid);
        namesAdded.push({ rowid, title: row.title, names, authors: row.authors, facets });
        options.onText?.(`${indexedText(row)} ${facets}`);
      }
      for (const rowid of namesRemoved.sort((a, b) => a - b)) removeNames.run(rowid);
      for (const added of namesAdded.sort((a, b) => a.rowid - b.rowid)) insertNames.run(added.rowid, added.title, added.names, added.authors, added.facets);
      const last = rows.at(-1);
      if (last) {
        dequeue.run(last.id);
        trimLog.run(LOG_KEEP);
      }
      return rows.length;
    })
    .immediate();
}

/** The text and facets of papers another connection indexed, for the vocabulary of this one. */
export function readPaperTexts(db: Database, ids: readonly number[], onText: PaperTextSink): void {
  const select = prepared<[number], IndexRow>(
    db,
    `SELECT q.paper_id AS id, 0 AS indexed, ${ROW_COLUMNS} FROM (SELECT ? AS paper_id) q JOIN papers p ON p.id = q.paper_id`,
  );
  for (const id of ids) {
    const row = select.get(id);
    if (row) onText(`${indexedText(row)} ${facetsOf(row)}`);
  }
}
