import type { Database } from 'better-sqlite3';
import type { LearnProgress } from '../../../shared/contract/learn-contract.ts';
import { prepared } from '../db/prepared.ts';
import { COLD_START } from './reader-model.ts';

export { coldStartMessage } from '../../../shared/learn-progress-message.ts';

/** Counted in SQL, so the cold-start message is right the moment a decision is made. */
export function learnProgress(db: Database): LearnProgress {
  const counts = prepared<[], { kept: number; skipped: number }>(
    db,
    `SELECT coalesce(sum(starred = 1 OR status IN ('read', 'to-read')), 0) AS kept,
            coalesce(sum(starred = 0 AND status = 'skipped'), 0) AS skipped
     FROM papers WHERE status != 'inbox' OR starred = 1`,
  ).get() ?? { kept: 0, skipped: 0 };
  const needKept = Math.max(0, COLD_START.kept - counts.kept);
  const needSkipped = Math.max(0, COLD_START.skipped - counts.skipped);
  return { ...counts, needKept, needSkipped, ready: needKept === 0 && needSkipped === 0 };
}

