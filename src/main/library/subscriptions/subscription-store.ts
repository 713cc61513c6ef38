import type { Database } from 'better-sqlite3';
import { SiftError } from '../../../shared/api-errors.ts';
import { targetProblem } from '../../../shared/contract/subscriptions-contract.ts';
import type { NewSubscription, SubscriptionKind, SubscriptionView } from '../../../shared/contract/subscriptions-contract.ts';
import { isoNow } from '../db/clock.ts';
import type { Clock } from '../db/clock.ts';
import { prepared } from '../db/prepared.ts';

interface SubscriptionRow {
  id: number;
  kind: SubscriptionKind;
  target: string;
  include_cross_lists: 0 | 1;
  include_replacements: 0 | 1;
  destination: 'inbox' | 'to-read';
  tag: string | null;
  enabled: 0 | 1;
  last_attempt_at: string | null;
  last_success_at: string | null;
  papers_brought: number | null;
  last_problem: string | null;
  failures: number | null;
  next_attempt_at: string | null;
  server_asked_to_wait: 0 | 1 | null;
  validator_url: string | null;
  etag: string | null;
  last_modified: string | null;
  last_hf_day: string | null;
}

/** A subscription as the fetcher needs it: the reader's choices plus what it remembers between fetches. */
export interface StoredSubscription extends SubscriptionView {
  failures: number;
  validatorUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  lastHfDay: string | null;
}

const SELECT = `
  SELECT s.*, st.last_attempt_at, st.last_success_at, st.papers_brought, st.last_problem, st.failures,
         st.next_attempt_at, st.server_asked_to_wait, st.validator_url, st.etag, st.last_modified, st.last_hf_day
  FROM subscriptions s LEFT JOIN subscription_state st ON st.subscription_id = s.id`;

export function subscriptionLabel(kind: SubscriptionKind, target: string): string {
  if (kind === 'hf-daily') return 'Hugging Face daily papers';
  if (kind === 'arxiv-category') return `arXiv ${target}`;
  if (kind === 'arxiv-search') return `arXiv search “${target}”`;
  return target;
}

function rowToSubscription(row: SubscriptionRow): StoredSubscription {
  return {
    id: row.id,
    kind: row.kind,
    target: row.target,
    includeCrossLists: row.include_cross_lists === 1,
    includeReplacements: row.include_replacements === 1,
    into: row.destination,
    tag: row.tag,
    enabled: row.enabled === 1,
    label: subscriptionLabel(row.kind, row.target),
    lastAttemptAt: row.last_attempt_at,
    lastSuccessAt: row.last_success_at,
    papersBrought: row.papers_brought ?? 0,
    lastProblem: row.last_problem,
    nextAttemptAt: row.next_attempt_at,
    serverAskedToWait: row.server_asked_to_wait === 1,
    failures: row.failures ?? 0,
    validatorUrl: row.validator_url,
    etag: row.etag,
    lastModified: row.last_modified,
    lastHfDay: row.last_hf_day,
  };
}

/** The reader-facing part: what the UI and `sift subscriptions` show. */
export function toView(subscription: StoredSubscription): SubscriptionView {
  const { failures: _failures, validatorUrl: _url, etag: _etag, lastModified: _modified, lastHfDay: _day, ...view } = subscription;
  return view;
}

export function listSubscriptions(db: Database): StoredSubscription[] {
  return prepared<[], SubscriptionRow>(db, `${SELECT} ORDER BY s.id`).all().map(rowToSubscription);
}

export function getSubscription(db: Database, id: number): StoredSubscription {
  const row = prepared<[number], SubscriptionRow>(db, `${SELECT} WHERE s.id = ?`).get(id);
  if (!row) throw new SiftError('not-found', `There is no subscription ${id}.`);
  return rowToSubscription(row);
}

/** Adds a subscription; the same kind and target twice is refused rather than fetched twice. */
export function addSubscription(db: Database, input: NewSubscription, clock: Clock): StoredSubscription {
  const target = input.kind === 'hf-daily' ? '' : input.target.trim();
  const problem = targetProblem(input.kind, target);
  if (problem) throw new SiftError('invalid-arguments', `Cannot subscribe: ${problem}.`);
  const duplicate = prepared<[string, string], number>(db, `SELECT id FROM subscriptions WHERE kind = ? AND target = ?`)
    .pluck()
    .get(input.kind, target);
  if (duplicate !== undefined) {
    throw new SiftError('conflict', `You are already subscribed to ${subscriptionLabel(input.kind, target)} (subscription ${duplicate}).`);
  }
  const id = db
    .transaction(() => {
      const inserted = prepared(
        db,
        `INSERT INTO subscriptions (kind, target, include_cross_lists, include_replacements, destination, tag, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(input.kind, target, input.includeCrossLists ? 1 : 0, input.includeReplacements ? 1 : 0, input.into, input.tag ?? null, isoNow(clock));
      prepared(db, `INSERT INTO subscription_state (subscription_id) VALUES (?)`).run(inserted.lastInsertRowid);
      return Number(inserted.lastInsertRowid);
    })
    .immediate();
  return getSubscription(db, id);
}

/** Removes the subscription only: the papers it brought stay in the library with their state. */
export function removeSubscription(db: Database, id: number): { removed: boolean } {
  return { removed: prepared(db, `DELETE FROM subscriptions WHERE id = ?`).run(id).changes > 0 };
}

export function setSubscriptionEnabled(db: Database, id: number, enabled: boolean): StoredSubscription {
  if (prepared(db, `UPDATE subscriptions SET enabled = ? WHERE id = ?`).run(enabled ? 1 : 0, id).changes === 0) {
    throw new SiftError('not-found', `There is no subscription ${id}.`);
  }
  return getSubscription(db, id);
}
