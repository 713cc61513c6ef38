import { openSiftLibrary } from '../sift-library.ts';
import type { SiftLibrary } from '../sift-library.ts';
import { startFetchScheduler } from './fetch-scheduler.ts';
import type { Fetcher } from './polite-fetch.ts';
import { SubscriptionService } from './subscription-service.ts';

export interface RunningSubscriptions {
  service: SubscriptionService;
  /**
   * Stops the schedule and closes the fetcher's connection at once, without waiting for a request in
   * flight: an import is one synchronous transaction, so closing can only fall between two of them.
   */
  stop: () => void;
}

/**
 * What the desktop app and `sift serve` do at start: one service for every fetch of the process, and
 * the schedule (a fetch now, then whenever a subscription falls due). With no subscription, or the
 * switch off, the schedule finds nothing to do and requests nothing.
 *
 * Fetched digests are written through a connection of their own: the UI notices writes by another
 * connection (SQLite's data_version), so papers fetched in the background appear without a reload.
 */
export function startSubscriptions(library: SiftLibrary, fetcher: Fetcher, env: NodeJS.ProcessEnv, log: (line: string) => void): RunningSubscriptions {
  const writer = openSiftLibrary(library.path, { clock: library.clock });
  const service = new SubscriptionService(writer, { fetcher, env });
  const scheduler = startFetchScheduler({
    fetchDue: () => service.fetchDue(),
    // Problems of a fetch are recorded on the subscription; only the unexpected reaches the log.
    onError: (error) => log(`[sift] scheduled fetch failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  return {
    service,
    stop: () => {
      void scheduler.stop();
      writer.close();
    },
  };
}
