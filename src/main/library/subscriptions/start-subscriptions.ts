import type { SiftLibrary } from '../sift-library.ts';
import { startFetchScheduler } from './fetch-scheduler.ts';
import type { FetchScheduler } from './fetch-scheduler.ts';
import type { Fetcher } from './polite-fetch.ts';
import { SubscriptionService } from './subscription-service.ts';

export interface RunningSubscriptions {
  service: SubscriptionService;
  scheduler: FetchScheduler;
}

/**
 * What the desktop app and `sift serve` do at start: one service for every fetch of the process, and
 * the schedule (a fetch now, then whenever a subscription falls due). With no subscription, or the
 * switch off, the schedule finds nothing to do and requests nothing.
 */
export function startSubscriptions(library: SiftLibrary, fetcher: Fetcher, env: NodeJS.ProcessEnv, log: (line: string) => void): RunningSubscriptions {
  const service = new SubscriptionService(library, { fetcher, env });
  const scheduler = startFetchScheduler({
    fetchDue: () => service.fetchDue(),
    // Problems of a fetch are recorded on the subscription; only the unexpected reaches the log.
    onError: (error) => log(`[sift] scheduled fetch failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  return { service, scheduler };
}
