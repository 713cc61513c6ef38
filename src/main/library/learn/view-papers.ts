// The papers of a view (queue, tag, digest) as ids in the view's own order, and list rows by id:
// what a For you ranking is made of and served from.
import type { Database } from 'better-sqlite3';
import type { PaperSummary, Queue } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { QUEUE_ORDER } from '../papers/list-papers.ts';
import { rowToPaperSummary, SUMMARY_COLUMNS } from '../papers/paper-rows.ts';
import type { PaperSummaryRow } from '../papers/paper-rows.ts';

export interface ViewQuery {
  queue: Queue;
  tag?: string | undefined;
  digestId?: number | undefined;
}

export function viewPaperIds(db: Database, view: ViewQuery): number[] {
  const { where, orderBy } = QUEUE_ORDER[view.queue];
  const filters = [where];
  const params: Record<string, string | number> = {};
  let order = orderBy;
  if (view.tag !== undefined) {
    filters.push(`p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = @tag)`);
    params.tag = view.tag;
  }
  if (view.digestId !== undefined) {
    filters.push(`p.id IN (SELECT paper_id FROM paper_digests WHERE digest_id = @digestId)`);
    params.digestId = view.digestId;
    order = `(SELECT position FROM paper_digests WHERE digest_id = @digestId AND paper_id = p.id), p.id`;
  }
  return prepared<[Record<string, string | number>], number>(db, `SELECT p.id FROM papers p WHERE ${filters.join(' AND ')} ORDER BY ${order}`)
    .pluck()
    .all(params);
}

/** List rows for the given ids, in the given order. */
export function summariesByIds(db: Database, ids: readonly number[]): PaperSummary[] {
  if (ids.length === 0) return [];
  const rows = prepared<[string], PaperSummaryRow>(db, `SELECT ${SUMMARY_COLUMNS} FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  const byId = new Map(rows.map((row) => [row.id, rowToPaperSummary(row)]));
  return ids.flatMap((id) => {
    const paper = byId.get(id);
    return paper ? [paper] : [];
  });
}
