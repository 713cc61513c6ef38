import type { FetchRunReport, SubscriptionFetchResult } from '../../../shared/contract/subscriptions-contract.ts';
import type { SiftLibrary } from '../sift-library.ts';
import { fetchSubscription } from './fetch-subscription.ts';
import type { FetchContext } from './fetch-subscription.ts';
import { HostGate } from './host-gate.ts';
import { DEFAULT_LIMITS } from './polite-fetch.ts';
import type { Fetcher, FetchLimits } from './polite-fetch.ts';
import { resolveEndpoints } from './service-endpoints.ts';
import { isFetchingEnabled } from './subscription-state.ts';
import { getSubscription, listSubscriptions } from './subscription-store.ts';
import type { StoredSubscription } from './subscription-store.ts';
import packageJson from '../../../../package.json' with { type: 'json' };

export const DEFAULT_FETCH_PERIOD_MS = 3 * 60 * 60 * 1000;
export const SIFT_USER_AGENT = `Sift/${packageJson.version} (reading-list app; fetches only what its user subscribed to)`;

export interface SubscriptionServiceOptions {
  /** Node's fetch, or Electron's net.fetch in the desktop app. */
  fetcher: Fetcher;
  env?: NodeJS.ProcessEnv;
  limits?: Partial<FetchLimits>;
  periodMs?: number;
  userAgent?: string;
}

/**
 * Every fetch of one process goes through one service, so the per-host gate and "one fetch of a
 * subscription at a time" hold across the schedule, Fetch now and the CLI alike.
 */
export class SubscriptionService {
  private readonly gate = new HostGate();
  private readonly running = new Map<number, Promise<SubscriptionFetchResult>>();

  private readonly library: SiftLibrary;
  private readonly options: SubscriptionServiceOptions;

  constructor(library: SiftLibrary, options: SubscriptionServiceOptions) {
    this.library = library;
    this.options = options;
  }

  /** What the schedule runs: enabled subscriptions whose next attempt has come (or that never ran). */
  async fetchDue(): Promise<FetchRunReport> {
    const now = this.library.clock.now().toISOString();
    return this.fetchWhere((subscription) => subscription.enabled && (subscription.nextAttemptAt === null || subscription.nextAttemptAt <= now));
  }

  /**
   * "Fetch now" and `sift fetch`: the given subscription, or every enabled one, whatever the schedule
   * says; only a server's own Retry-After is still respected.
   */
  async fetchNow(id?: number): Promise<FetchRunReport> {
    if (id !== undefined) getSubscription(this.library.db, id);
    const now = this.library.clock.now().toISOString();
    return this.fetchWhere(
      (subscription) =>
        (id === undefined ? subscription.enabled : subscription.id === id) &&
        !(subscription.serverAskedToWait && subscription.nextAttemptAt !== null && subscription.nextAttemptAt > now),
      id,
    );
  }

  private async fetchWhere(select: (subscription: StoredSubscription) => boolean, askedFor?: number): Promise<FetchRunReport> {
    const { db } = this.library;
    if (!isFetchingEnabled(db)) return { fetchingEnabled: false, results: [] };
    const chosen = listSubscriptions(db).filter(select);
    if (askedFor !== undefined && chosen.length === 0) return { fetchingEnabled: true, results: [this.stillWaiting(askedFor)] };
    const context = this.context();
    const results: SubscriptionFetchResult[] = [];
    // One subscription after another: the gate would serialise same-host requests anyway, and the
    // reader's machine is not a crawler.
    for (const subscription of chosen) results.push(await this.fetchOnce(context, subscription));
    return { fetchingEnabled: true, results };
  }

  private fetchOnce(context: FetchContext, subscription: StoredSubscription): Promise<SubscriptionFetchResult> {
    const already = this.running.get(subscription.id);
    if (already) return already;
    const run = fetchSubscription(context, subscription).finally(() => this.running.delete(subscription.id));
    this.running.set(subscription.id, run);
    return run;
  }

  private stillWaiting(id: number): SubscriptionFetchResult {
    const subscription = getSubscription(this.library.db, id);
    return {
      subscriptionId: id,
      label: subscription.label,
      reports: [],
      unchanged: 0,
      problem: subscription.lastProblem ?? 'the server asked Sift to wait',
      nextAttemptAt: subscription.nextAttemptAt,
    };
  }

  private context(): FetchContext {
    const { db, clock } = this.library;
    return {
      db,
      clock,
      endpoints: resolveEndpoints(db, this.options.env ?? process.env),
      gate: this.gate,
      http: {
        fetcher: this.options.fetcher,
        userAgent: this.options.userAgent ?? SIFT_USER_AGENT,
        limits: { ...DEFAULT_LIMITS, ...this.options.limits },
        now: () => clock.now(),
      },
      periodMs: this.options.periodMs ?? DEFAULT_FETCH_PERIOD_MS,
    };
  }
}
