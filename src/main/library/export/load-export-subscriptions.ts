import type { Database } from 'better-sqlite3';
import type { SubscriptionKind } from '../../../shared/contract/subscriptions-contract.ts';
import { prepared } from '../db/prepared.ts';
import type { LibraryJsonSubscription } from './library-json-format.ts';

interface SubscriptionRow {
  kind: SubscriptionKind;
  target: string;
  include_cross_lists: number;
  include_replacements: number;
  destination: 'inbox' | 'to-read';
  tag: string | null;
  enabled: number;
  created_at: string;
  last_attempt_at: string | null;
  last_success_at: string | null;
  papers_brought: number | null;
  last_hf_day: string | null;
}

/** The reader's subscriptions as the library export writes them, oldest first. */
export function loadExportSubscriptions(db: Database): LibraryJsonSubscription[] {
  return prepared<[], SubscriptionRow>(
    db,
    `SELECT s.kind, s.target, s.include_cross_lists, s.include_replacements, s.destination, s.tag, s.enabled, s.created_at,
       st.last_attempt_at, st.last_success_at, st.papers_brought, st.last_hf_day
     FROM subscriptions s LEFT JOIN subscription_state st ON st.subscription_id = s.id ORDER BY s.id`,
  )
    .all()
    .map((row) => ({
      kind: row.kind,
      target: row.target,
      includeCrossLists: row.include_cross_lists === 1,
      includeReplacements: row.include_replacements === 1,
      into: row.destination,
      tag: row.tag,
      enabled: row.enabled === 1,
      createdAt: row.created_at,
      lastAttemptAt: row.last_attempt_at,
      lastSuccessAt: row.last_success_at,
      papersBrought: row.papers_brought ?? 0,
      lastHfDay: row.last_hf_day,
    }));
}
