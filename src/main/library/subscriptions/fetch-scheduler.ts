import type { FetchRunReport } from '../../../shared/contract/subscriptions-contract.ts';

/** Timers, injectable so tests drive the schedule without waiting. */
export interface SchedulerTimers {
  setInterval: (callback: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
}

export interface FetchSchedulerOptions {
  /** Runs the subscriptions that are due; each knows its own next attempt (every few hours, or a backoff). */
  fetchDue: () => Promise<FetchRunReport>;
  /** How often to look for due subscriptions; the period itself lives in each subscription's state. */
  checkEveryMs?: number;
  timers?: SchedulerTimers;
  onError?: (error: unknown) => void;
}

export interface FetchScheduler {
  /** Resolves when the check in progress (if any) has finished; no check starts after it. */
  stop(): Promise<void>;
  /** Runs one check now (what a timer tick does); a tick during a running check is skipped. */
  tick(): Promise<void>;
}

const nodeTimers: SchedulerTimers = {
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    // A scheduled fetch must never keep a finished CLI process alive.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/** Fetches at start and then whenever a subscription falls due, while the app or `sift serve` runs. */
export function startFetchScheduler(options: FetchSchedulerOptions): FetchScheduler {
  const timers = options.timers ?? nodeTimers;
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (current) return current;
    current = options
      .fetchDue()
      .then(() => undefined)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        current = null;
      });
    return current;
  };
  const handle = timers.setInterval(() => void tick(), options.checkEveryMs ?? 5 * 60 * 1000);
  void tick();
  return {
    tick,
    stop: async () => {
      stopped = true;
      timers.clearInterval(handle);
      await current;
    },
  };
}
