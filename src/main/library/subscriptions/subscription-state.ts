import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';

/** What one successful request changes: the validators for the next conditional request, papers brought. */
export interface RequestOutcome {
  validatorUrl: string;
  etag: string | null;
  lastModified: string | null;
  papersAdded: number;
  /** Hugging Face: a past day now fetched whole. */
  hfDayDone?: string;
}

/**
 * Runs inside the digest's import transaction, so a crash leaves both the papers and the memory of
 * having fetched them, or neither.
 */
export function recordRequest(db: Database, subscriptionId: number, outcome: RequestOutcome): void {
  prepared(
    db,
    `UPDATE subscription_state SET validator_url = ?, etag = ?, last_modified = ?, papers_brought = papers_brought + ?,
       last_hf_day = coalesce(?, last_hf_day)
     WHERE subscription_id = ?`,
  ).run(outcome.validatorUrl, outcome.etag, outcome.lastModified, outcome.papersAdded, outcome.hfDayDone ?? null, subscriptionId);
}

export function recordSuccess(db: Database, subscriptionId: number, at: string, nextAttemptAt: string): void {
  prepared(
    db,
    `UPDATE subscription_state SET last_attempt_at = ?, last_success_at = ?, last_problem = NULL, failures = 0,
       next_attempt_at = ?, server_asked_to_wait = 0
     WHERE subscription_id = ?`,
  ).run(at, at, nextAttemptAt, subscriptionId);
}

export function recordProblem(
  db: Database,
  subscriptionId: number,
  failure: { at: string; problem: string; nextAttemptAt: string; serverAskedToWait: boolean },
): void {
  prepared(
    db,
    `UPDATE subscription_state SET last_attempt_at = ?, last_problem = ?, failures = failures + 1, next_attempt_at = ?,
       server_asked_to_wait = ?
     WHERE subscription_id = ?`,
  ).run(failure.at, failure.problem, failure.nextAttemptAt, failure.serverAskedToWait ? 1 : 0, subscriptionId);
}

const FETCHING_KEY = 'subscriptions.fetchingEnabled';

/** The global switch; on unless the reader turned it off. */
export function isFetchingEnabled(db: Database): boolean {
  return prepared<[string], string>(db, `SELECT value FROM settings WHERE key = ?`).pluck().get(FETCHING_KEY) !== '0';
}

export function setFetchingEnabled(db: Database, enabled: boolean): void {
  prepared(db, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
    FETCHING_KEY,
    enabled ? '1' : '0',
  );
}

export function readSetting(db: Database, key: string): string | undefined {
  return prepared<[string], string>(db, `SELECT value FROM settings WHERE key = ?`).pluck().get(key);
}
