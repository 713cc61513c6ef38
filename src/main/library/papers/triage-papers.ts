import type { Database } from 'better-sqlite3';
import { SiftError } from '../../../shared/api-errors.ts';
import type { PaperStatus } from '../../../shared/domain.ts';
import { isoNow, systemClock } from '../db/clock.ts';
import type { Clock } from '../db/clock.ts';
import { prepared } from '../db/prepared.ts';
import { planMove } from './queue-positions.ts';
import type { MoveTarget, QueueRow } from './queue-positions.ts';
import type { UndoHistory } from './undo-history.ts';

export interface TriageContext {
  db: Database;
  history: UndoHistory;
  clock?: Clock;
}

/** Every id must exist, or nothing changes: a typo in a CLI id must not half-apply a batch. */
export function assertPapersExist(db: Database, ids: readonly number[]): void {
  const exists = prepared<[number], number>(db, `SELECT 1 FROM papers WHERE id = ?`).pluck();
  const missing = ids.filter((id) => !exists.get(id));
  if (missing.length) {
    throw new SiftError('not-found', `No paper with id ${missing.join(', ')}; nothing was changed.`);
  }
}

function inAction<T>(context: TriageContext, label: string, ids: readonly number[], write: (now: string) => T): T {
  const { db, history } = context;
  return db
    .transaction(() => {
      assertPapersExist(db, ids);
      history.record(db, label, ids);
      return write(isoNow(context.clock ?? systemClock));
    })
    .immediate();
}

export function setStatus(context: TriageContext, ids: readonly number[], status: PaperStatus): { changed: number } {
  return inAction(context, `mark ${status}`, ids, (now) => {
    const nextPosition = prepared(context.db, `SELECT coalesce(max(position), 0) + 1 FROM papers WHERE status = 'to-read'`).pluck();
    const update = prepared(
      context.db,
      `UPDATE papers SET status = @status, status_changed_at = @now,
         read_at = CASE WHEN @status = 'read' THEN @now ELSE read_at END,
         position = CASE WHEN @status = 'to-read' THEN @position ELSE position END
       WHERE id = @id AND status <> @status`,
    );
    let changed = 0;
    for (const id of ids) {
      // New arrivals in to-read go to the end of the reader's order.
      const position = status === 'to-read' ? (nextPosition.get() as number) : null;
      changed += update.run({ id, status, now, position }).changes;
    }
    return { changed };
  });
}

export function setStarred(context: TriageContext, ids: readonly number[], starred: boolean): { changed: number } {
  return inAction(context, starred ? 'star' : 'unstar', ids, (now) => {
    const update = prepared(
      context.db,
      `UPDATE papers SET starred = @starred, starred_at = CASE WHEN @starred = 1 THEN @now ELSE NULL END
       WHERE id = @id AND starred <> @starred`,
    );
    let changed = 0;
    for (const id of ids) changed += update.run({ id, starred: starred ? 1 : 0, now }).changes;
    return { changed };
  });
}

/** Skips every paper of a digest still in the inbox: "I kept what I wanted, drop the rest". */
export function skipRestOfDigest(context: TriageContext, digestId: number): { changed: number } {
  const ids = prepared<[number], number>(
    context.db,
    `SELECT p.id FROM paper_digests pd JOIN papers p ON p.id = pd.paper_id WHERE pd.digest_id = ? AND p.status = 'inbox'`,
  )
    .pluck()
    .all(digestId);
  if (ids.length === 0) return { changed: 0 };
  return setStatus(context, ids, 'skipped');
}

export type { MoveTarget } from './queue-positions.ts';

/**
 * Reorders papers in the to-read queue; the selection keeps its own relative order. Usually only the
 * moved rows are written; when the gap is used up the whole queue is renumbered (see planMove), and
 * undo then records every paper whose position changed.
 */
export function moveInQueue(context: TriageContext, ids: readonly number[], to: MoveTarget): { changed: number } {
  const { db, history } = context;
  return db
    .transaction(() => {
      assertPapersExist(db, ids);
      const order = prepared<[], QueueRow>(db, `SELECT id, position FROM papers WHERE status = 'to-read' ORDER BY position, id`).all();
      const plan = planMove(order, ids, to);
      if (plan.moved.length === 0) return { changed: 0 };
      history.record(db, 'reorder', plan.renumbered ? plan.updates.map((update) => update.id) : plan.moved);
      const update = prepared(db, `UPDATE papers SET position = ? WHERE id = ?`);
      for (const row of plan.updates) update.run(row.position, row.id);
      return { changed: plan.moved.length };
    })
    .immediate();
}
