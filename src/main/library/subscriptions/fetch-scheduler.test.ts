import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REAL_HF_DAY, startRecordedServices } from '../../../../tests/support/recorded-services.ts';
import type { RecordedServices } from '../../../../tests/support/recorded-services.ts';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { startFetchScheduler } from './fetch-scheduler.ts';
import type { SchedulerTimers } from './fetch-scheduler.ts';
import { SubscriptionService } from './subscription-service.ts';
import { addSubscription, getSubscription } from './subscription-store.ts';

let services: RecordedServices;
let library: ReturnType<typeof openTempLibrary>;
let clock: ReturnType<typeof fixedClock>;
const HOUR = 60 * 60 * 1000;

beforeEach(async () => {
  services = await startRecordedServices();
  clock = fixedClock(`${REAL_HF_DAY}T09:00:00Z`);
  library = openTempLibrary({ clock });
});
afterEach(async () => {
  library.cleanup();
  await services.close();
});

/** Timers the test fires by hand, with the library's clock moved alongside. */
function manualTimers(): SchedulerTimers & { intervals: number[] } {
  const intervals: number[] = [];
  return { intervals, setInterval: (_callback, ms) => intervals.push(ms), clearInterval: () => undefined };
}

describe('the fetch schedule', () => {
  it('fetches at start, then again only once the few hours have passed', async () => {
    addSubscription(library.db, { kind: 'hf-daily', target: '', includeCrossLists: false, includeReplacements: false, into: 'inbox' }, clock);
    const service = new SubscriptionService(library, { fetcher: fetch, env: { SIFT_HF_BASE_URL: services.baseUrl } });
    const timers = manualTimers();
    const scheduler = startFetchScheduler({ fetchDue: () => service.fetchDue(), timers, checkEveryMs: 5 * 60_000 });
    await scheduler.tick(); // joins the check started at start
    expect(timers.intervals).toEqual([5 * 60_000]);
    expect(services.requests).toHaveLength(2); // yesterday and today
    expect(library.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(30);

    clock.advance(HOUR);
    await scheduler.tick();
    expect(services.requests).toHaveLength(2);

    clock.advance(2 * HOUR);
    await scheduler.tick();
    expect(services.requests).toHaveLength(3);
    expect(services.requests[2]?.headers['if-none-match']).toBeTruthy();
    await scheduler.stop();
    await scheduler.tick();
    expect(services.requests).toHaveLength(3);
  });

  it('after a failure the next attempt waits for the backoff, then succeeds', async () => {
    let failing = true;
    services.route('/feed.xml', (_request, response) => {
      if (failing) response.writeHead(500).end();
      else response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(services.rss.get('cs.LG+cs.AI+cs.CL+stat.ML'));
    });
    addSubscription(library.db, { kind: 'feed', target: `${services.baseUrl}/feed.xml`, includeCrossLists: false, includeReplacements: false, into: 'inbox' }, clock);
    const service = new SubscriptionService(library, { fetcher: fetch, env: {} });
    const scheduler = startFetchScheduler({ fetchDue: () => service.fetchDue(), timers: manualTimers() });
    await scheduler.tick();
    expect(getSubscription(library.db, 1).lastProblem).toBe('the server answered 500');
    failing = false;
    clock.advance(5 * 60_000);
    await scheduler.tick();
    expect(services.requests).toHaveLength(1);
    clock.advance(5 * 60_000);
    await scheduler.tick();
    expect(services.requests).toHaveLength(2);
    expect(getSubscription(library.db, 1)).toMatchObject({ lastProblem: null, papersBrought: 4 });
    await scheduler.stop();
  });
});
