import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { subscriptionKey } from '../export/library-json-format.ts';
import type { LibraryJsonSubscription } from '../export/library-json-format.ts';

/**
 * Adds the file's subscriptions the library lacks, inside the restore's transaction; returns how many.
 * A subscription the library has already (same kind and target, a feed by its parsed address) keeps
 * the reader's current settings: a restore never subscribes twice and never re-enables one they paused.
 */
export function applySubscriptions(db: Database, subscriptions: readonly LibraryJsonSubscription[]): number {
  if (subscriptions.length === 0) return 0;
  const existing = new Set(
    prepared<[], { kind: string; target: string }>(db, `SELECT kind, target FROM subscriptions`)
      .all()
      .map((row) => subscriptionKey(row.kind, row.target)),
  );
  const insert = prepared(
    db,
    `INSERT INTO subscriptions (kind, target, include_cross_lists, include_replacements, destination, tag, enabled, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertState = prepared(db, `INSERT INTO subscription_state (subscription_id, last_attempt_at, last_success_at, papers_brought, last_hf_day)
     VALUES (?, ?, ?, ?, ?)`);
  let added = 0;
  for (const subscription of subscriptions) {
    const key = subscriptionKey(subscription.kind, subscription.target);
    if (existing.has(key)) continue;
    existing.add(key);
    const { lastInsertRowid } = insert.run(
      subscription.kind,
      subscription.target,
      subscription.includeCrossLists ? 1 : 0,
      subscription.includeReplacements ? 1 : 0,
      subscription.into,
      subscription.tag,
      subscription.enabled ? 1 : 0,
      subscription.createdAt,
    );
    insertState.run(lastInsertRowid, subscription.lastAttemptAt, subscription.lastSuccessAt, subscription.papersBrought, subscription.lastHfDay);
    added += 1;
  }
  return added;
}
