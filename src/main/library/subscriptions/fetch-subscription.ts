import type { Database } from 'better-sqlite3';
import { SiftError } from '../../../shared/api-errors.ts';
import type { SubscriptionFetchResult } from '../../../shared/contract/subscriptions-contract.ts';
import type { ImportReport } from '../../../shared/domain.ts';
import type { Clock } from '../db/clock.ts';
import { prepared } from '../db/prepared.ts';
import { importDigest } from '../import/import-digest.ts';
import { checkFeedAnswer, checkHfAnswer } from './check-answer.ts';
import type { CheckedAnswer } from './check-answer.ts';
import { FetchProblem } from './fetch-problem.ts';
import type { HostGate } from './host-gate.ts';
import { planRequests } from './plan-requests.ts';
import type { PlannedRequest } from './plan-requests.ts';
import { politeFetch } from './polite-fetch.ts';
import type { PoliteFetchDeps } from './polite-fetch.ts';
import { isArxivApiHost } from './service-endpoints.ts';
import type { ServiceEndpoints } from './service-endpoints.ts';
import { recordProblem, recordRequest, recordSuccess } from './subscription-state.ts';
import type { StoredSubscription } from './subscription-store.ts';

export interface FetchContext {
  db: Database;
  clock: Clock;
  endpoints: ServiceEndpoints;
  gate: HostGate;
  http: PoliteFetchDeps;
  /** How long after a fetch that worked the next one is due. */
  periodMs: number;
}

const MINUTE = 60_000;
const FIRST_BACKOFF_MS = 10 * MINUTE;
const MAX_BACKOFF_MS = 6 * 60 * MINUTE;
const MAX_SERVER_WAIT_MS = 24 * 60 * MINUTE;

/** 10 min, 20, 40, … up to 6 h: a failing service is asked less and less often. */
export function backoffMs(failuresSoFar: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.min(failuresSoFar, 10), MAX_BACKOFF_MS);
}

/**
 * Fetches one subscription's requests in order and imports each answer that has papers. Each digest's
 * import, its tag and the subscription's memory of it are one transaction. The first problem stops
 * the run; what came before it stays.
 */
export async function fetchSubscription(context: FetchContext, subscription: StoredSubscription): Promise<SubscriptionFetchResult> {
  const result: SubscriptionFetchResult = {
    subscriptionId: subscription.id,
    label: subscription.label,
    reports: [],
    unchanged: 0,
    problem: null,
    nextAttemptAt: null,
  };
  const validators = { url: subscription.validatorUrl, etag: subscription.etag, lastModified: subscription.lastModified };
  try {
    for (const request of planRequests(subscription, context.endpoints, context.clock.now())) {
      const sameUrl = validators.url === request.url;
      const host = new URL(request.url).host;
      const interval = isArxivApiHost(context.endpoints, request.url) ? context.endpoints.arxivApiIntervalMs : 0;
      const answer = await context.gate.run(host, interval, () =>
        politeFetch(
          { url: request.url, accept: request.accept, etag: sameUrl ? validators.etag : null, lastModified: sameUrl ? validators.lastModified : null },
          context.http,
        ),
      );
      if (answer.kind === 'not-modified') {
        result.unchanged += 1;
        if (request.completedDay) rememberRequest(context, subscription, request, validators, null);
        continue;
      }
      Object.assign(validators, { url: request.url, etag: answer.etag, lastModified: answer.lastModified });
      const checked = subscription.kind === 'hf-daily' ? checkHfAnswer(answer.bytes) : checkFeedAnswer(answer.bytes, subscription.kind === 'arxiv-category' ? subscription : null);
      const report = rememberRequest(context, subscription, request, validators, checked);
      if (report && !report.alreadyImported) result.reports.push(report);
      else result.unchanged += 1;
    }
  } catch (error) {
    result.problem = problemWords(error);
    const now = context.clock.now();
    const retryAt = error instanceof FetchProblem ? error.retryAt : null;
    const next = retryAt
      ? new Date(Math.min(retryAt.getTime(), now.getTime() + MAX_SERVER_WAIT_MS))
      : new Date(now.getTime() + backoffMs(subscription.failures));
    result.nextAttemptAt = next.toISOString();
    recordProblem(context.db, subscription.id, { at: now.toISOString(), problem: result.problem, nextAttemptAt: result.nextAttemptAt, serverAskedToWait: retryAt !== null });
    return result;
  }
  const now = context.clock.now();
  result.nextAttemptAt = new Date(now.getTime() + context.periodMs).toISOString();
  recordSuccess(context.db, subscription.id, now.toISOString(), result.nextAttemptAt);
  return result;
}

/** Imports the answer (when it has papers) and records the request, in one transaction. */
function rememberRequest(
  context: FetchContext,
  subscription: StoredSubscription,
  request: PlannedRequest,
  validators: { url: string | null; etag: string | null; lastModified: string | null },
  checked: CheckedAnswer | null,
): ImportReport | null {
  const { db } = context;
  return db
    .transaction(() => {
      const report =
        checked && !checked.empty
          ? importDigest(db, { fileName: request.digestName, bytes: Buffer.from(checked.text, 'utf8'), format: checked.format, into: subscription.into }, context.clock)
          : null;
      if (report && subscription.tag) tagNewPapers(db, report.addedIds, subscription.tag);
      recordRequest(db, subscription.id, {
        validatorUrl: validators.url ?? request.url,
        etag: validators.etag,
        lastModified: validators.lastModified,
        papersAdded: report?.added ?? 0,
        ...(request.completedDay ? { hfDayDone: request.completedDay } : {}),
      });
      return report;
    })
    .immediate();
}

/** The subscription's tag goes on the papers it brought, never on papers the reader already had. */
function tagNewPapers(db: Database, paperIds: readonly number[], tag: string): void {
  if (paperIds.length === 0) return;
  prepared(db, `INSERT OR IGNORE INTO tags (name) VALUES (?)`).run(tag);
  const link = prepared(db, `INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) SELECT ?, id FROM tags WHERE name = ?`);
  for (const id of paperIds) link.run(id, tag);
}

function problemWords(error: unknown): string {
  if (error instanceof FetchProblem) return error.message;
  if (error instanceof SiftError && error.type === 'invalid-digest') return `the answer could not be read: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  if (/SQLITE_BUSY|database is locked/i.test(message)) return 'the library was busy in another Sift process';
  return `Sift hit an unexpected error: ${message.slice(0, 200)}`;
}
