import type { Database } from 'better-sqlite3';
import type { PaperPage } from '../../../shared/contract/papers-contract.ts';
import type { Queue, QueueCounts } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { rowToPaperSummary, SUMMARY_COLUMNS } from './paper-rows.ts';
import type { PaperSummaryRow } from './paper-rows.ts';

export interface ListPapersQuery {
  queue: Queue;
  tag?: string | undefined;
  digestId?: number | undefined;
  offset?: number;
  limit?: number;
}

/** Each queue's own order, each backed by an index (see migrations 001 and 007). */
export const QUEUE_ORDER: Record<Queue, { where: string; orderBy: string }> = {
  inbox: { where: `p.status = 'inbox'`, orderBy: `p.inbox_day DESC, p.added_at DESC, p.digest_position, p.id` },
  'to-read': { where: `p.status = 'to-read'`, orderBy: `p.position, p.id` },
  read: { where: `p.status = 'read'`, orderBy: `p.read_at DESC, p.id DESC` },
  skipped: { where: `p.status = 'skipped'`, orderBy: `p.status_changed_at DESC, p.id DESC` },
  starred: { where: `p.starred = 1`, orderBy: `p.starred_at DESC, p.id DESC` },
  all: { where: `1`, orderBy: `p.added_at DESC, p.id DESC` },
};

export function listPapers(db: Database, query: ListPapersQuery): PaperPage {
  const { where, orderBy } = QUEUE_ORDER[query.queue];
  const filters = [where];
  const params: Record<string, string | number> = { limit: query.limit ?? 200, offset: query.offset ?? 0 };
  if (query.tag !== undefined) {
    filters.push(`p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = @tag)`);
    params.tag = query.tag;
  }
  let order = orderBy;
  if (query.digestId !== undefined) {
    filters.push(`p.id IN (SELECT paper_id FROM paper_digests WHERE digest_id = @digestId)`);
    params.digestId = query.digestId;
    // Within one digest, the digest's own order is what the reader expects.
    order = `(SELECT position FROM paper_digests WHERE digest_id = @digestId AND paper_id = p.id), p.id`;
  }
  const whereSql = filters.join(' AND ');
  const rows = prepared<[Record<string, string | number>], PaperSummaryRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM papers p WHERE ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
  ).all(params);
  const { limit: _limit, offset: _offset, ...countParams } = params;
  const total = prepared(db, `SELECT count(*) FROM papers p WHERE ${whereSql}`).pluck().get(countParams) as number;
  return { papers: rows.map(rowToPaperSummary), total };
}

export function countQueues(db: Database): QueueCounts {
  const row = prepared<[], QueueCounts>(
    db,
    `SELECT
       (SELECT count(*) FROM papers WHERE status = 'inbox') AS inbox,
       (SELECT count(*) FROM papers WHERE status = 'to-read') AS "to-read",
       (SELECT count(*) FROM papers WHERE status = 'read') AS read,
       (SELECT count(*) FROM papers WHERE status = 'skipped') AS skipped,
       (SELECT count(*) FROM papers WHERE starred = 1) AS starred,
       (SELECT count(*) FROM papers) AS "all"`,
  ).get();
  if (!row) throw new Error('count query returned nothing');
  return row;
}
