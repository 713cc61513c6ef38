import type { Database } from 'better-sqlite3';
import type { LearnProgress } from '../../../shared/contract/learn-contract.ts';
import { prepared } from '../db/prepared.ts';
import { COLD_START } from './reader-model.ts';

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

/** What the inbox says while Sift is still learning. */
export function coldStartMessage(progress: LearnProgress): string {
  const wants = [
    progress.needKept > 0 ? `${progress.needKept} more kept (to read, read or starred)` : '',
    progress.needSkipped > 0 ? `${progress.needSkipped} more skipped` : '',
  ].filter(Boolean);
  return `For you needs ${wants.join(' and ')} to learn what you want; until then papers stay in digest order.`;
}
