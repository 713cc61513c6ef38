import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REAL_HF_DAY, realFixture, startRecordedServices } from '../../../../tests/support/recorded-services.ts';
import type { RecordedServices } from '../../../../tests/support/recorded-services.ts';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { importDigest } from '../import/import-digest.ts';
import { librarySnapshot } from '../import/testing/library-snapshot.ts';
import { SubscriptionService } from './subscription-service.ts';
import type { SubscriptionServiceOptions } from './subscription-service.ts';
import { addSubscription, getSubscription } from './subscription-store.ts';

let services: RecordedServices;
let library: ReturnType<typeof openTempLibrary>;
let clock: ReturnType<typeof fixedClock>;
const NOW = `${REAL_HF_DAY}T14:00:00.000Z`;

beforeEach(async () => {
  services = await startRecordedServices();
  clock = fixedClock(NOW);
  library = openTempLibrary({ clock });
  // A library with papers already in it, so "nothing changed" is checked against something.
  importDigest(library.db, { fileName: 'rss.xml', bytes: Buffer.from(realFixture('arxiv-rss-4.xml')) }, clock);
});
afterEach(async () => {
  library.cleanup();
  await services.close();
});

const minutesAfterNow = (iso: string | null) => (Date.parse(iso ?? '') - Date.parse(NOW)) / 60_000;

/** Subscribes to a feed at `path` on the local server, fetches it by hand, and returns what the reader sees. */
async function fetchFeedAt(path: string, options: Partial<SubscriptionServiceOptions> = {}) {
  const before = librarySnapshot(library.db);
  const { id } = addSubscription(library.db, { kind: 'feed', target: `${services.baseUrl}${path}`, includeCrossLists: false, includeReplacements: false, into: 'inbox' }, clock);
  const run = await new SubscriptionService(library, { fetcher: fetch, env: {}, ...options }).fetchNow();
  expect(librarySnapshot(library.db)).toBe(before);
  expect(run.results[0]?.reports).toEqual([]);
  return getSubscription(library.db, id);
}

describe('a fetch that fails changes nothing and says why in plain words', () => {
  it('a server error (500) is retried later, backing off', async () => {
    services.route('/feed', (_request, response) => response.writeHead(500).end('Internal Server Error'));
    const subscription = await fetchFeedAt('/feed');
    expect(subscription.lastProblem).toBe('the server answered 500');
    expect(minutesAfterNow(subscription.nextAttemptAt)).toBe(10);
    // A second failure waits twice as long.
    clock.advance(10 * 60_000);
    await new SubscriptionService(library, { fetcher: fetch, env: {} }).fetchDue();
    expect(minutesAfterNow(getSubscription(library.db, subscription.id).nextAttemptAt)).toBe(30);
  });

  it('429 with Retry-After: the server’s wait is honoured, even by Fetch now', async () => {
    services.route('/feed', (_request, response) => response.writeHead(429, { 'Retry-After': '600' }).end());
    const subscription = await fetchFeedAt('/feed');
    expect(subscription.lastProblem).toBe('the server answered 429 (too many requests)');
    expect(minutesAfterNow(subscription.nextAttemptAt)).toBe(10);
    expect(subscription.serverAskedToWait).toBe(true);
    const again = await new SubscriptionService(library, { fetcher: fetch, env: {} }).fetchNow(subscription.id);
    expect(services.requests).toHaveLength(1);
    expect(again.results[0]?.problem).toBe('the server answered 429 (too many requests)');
  });

  it('503 with a Retry-After date', async () => {
    services.route('/feed', (_request, response) => response.writeHead(503, { 'Retry-After': new Date(Date.parse(NOW) + 45 * 60_000).toUTCString() }).end());
    const subscription = await fetchFeedAt('/feed');
    expect(subscription.lastProblem).toBe('the server answered 503');
    expect(minutesAfterNow(subscription.nextAttemptAt)).toBe(45);
  });

  it('a redirect loop is given up after a few hops', async () => {
    services.route('/loop', (_request, response) => response.writeHead(302, { Location: '/loop' }).end());
    const subscription = await fetchFeedAt('/loop');
    expect(subscription.lastProblem).toMatch(/redirected more than 5 times/);
    expect(services.requests).toHaveLength(6);
  });

  it('a redirect to another scheme is not followed', async () => {
    services.route('/moved', (_request, response) => response.writeHead(301, { Location: 'file:///etc/passwd' }).end());
    expect((await fetchFeedAt('/moved')).lastProblem).toMatch(/redirected to a file: address, which Sift does not follow/);
  });

  it('a redirect within http(s) is followed to the feed', async () => {
    services.route('/old-address', (_request, response) => response.writeHead(301, { Location: '/rss/cs.LG+cs.AI+cs.CL+stat.ML' }).end());
    addSubscription(library.db, { kind: 'feed', target: `${services.baseUrl}/old-address`, includeCrossLists: false, includeReplacements: false, into: 'inbox' }, clock);
    const run = await new SubscriptionService(library, { fetcher: fetch, env: {} }).fetchNow();
    expect(run.results[0]).toMatchObject({ problem: null });
    expect(services.requests.map((request) => request.path)).toEqual(['/old-address', '/rss/cs.LG+cs.AI+cs.CL+stat.ML']);
  });

  it('a slow drip past the total timeout is abandoned', async () => {
    services.route('/drip', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      const timer = setInterval(() => response.write('<'), 100);
      response.on('close', () => clearInterval(timer));
    });
    const subscription = await fetchFeedAt('/drip', { limits: { totalTimeoutMs: 700 } });
    expect(subscription.lastProblem).toMatch(/took longer than 0\.7 s to answer/);
  });

  it('a server that never sends its headers hits the answer timeout', async () => {
    services.route('/silent', () => undefined);
    const subscription = await fetchFeedAt('/silent', { limits: { headersTimeoutMs: 300 } });
    expect(subscription.lastProblem).toMatch(/did not answer within 0\.3 s/);
  });

  it('a truncated gzip body is cut off, not half-imported', async () => {
    const gzipped = zlib.gzipSync(realFixture('hf-daily-papers-30.json'));
    services.route('/api/daily_papers', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      response.end(gzipped.subarray(0, Math.floor(gzipped.length / 2)));
    });
    const before = librarySnapshot(library.db);
    addSubscription(library.db, { kind: 'hf-daily', target: '', includeCrossLists: false, includeReplacements: false, into: 'inbox' }, clock);
    const run = await new SubscriptionService(library, { fetcher: fetch, env: { SIFT_HF_BASE_URL: services.baseUrl } }).fetchNow();
    expect(run.results[0]?.problem).toMatch(/cut off/);
    expect(librarySnapshot(library.db)).toBe(before);
    expect(getSubscription(library.db, 1).lastHfDay).toBeNull();
  });

  it('a web page with status 200 (a captive portal) is reported as such', async () => {
    services.route('/portal', (_request, response) =>
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!DOCTYPE html><html><body><h1>Welcome to Airport Wi-Fi</h1><form>Accept</form></body></html>'),
    );
    expect((await fetchFeedAt('/portal')).lastProblem).toBe('the answer was a web page, not a feed');
  });

  it('an answer larger than the cap (after decompression) is not read', async () => {
    const big = realFixture('arxiv-rss-4.xml').replace('</channel>', `<!-- ${'x'.repeat(200_000)} --></channel>`);
    services.route('/big', (_request, response) => response.writeHead(200, { 'Content-Encoding': 'gzip' }).end(zlib.gzipSync(big)));
    expect((await fetchFeedAt('/big', { limits: { maxBytes: 100_000 } })).lastProblem).toMatch(/larger than/);
  });

  it('offline is a quiet status and a later attempt, not an error dialog', async () => {
    const address = services.baseUrl;
    await services.close();
    addSubscription(library.db, { kind: 'feed', target: `${address}/feed`, includeCrossLists: false, includeReplacements: false, into: 'inbox' }, clock);
    const run = await new SubscriptionService(library, { fetcher: fetch, env: {} }).fetchNow();
    expect(run.results[0]?.problem).toBe('offline: 127.0.0.1 could not be reached'.replace('127.0.0.1', new URL(address).host));
    expect(minutesAfterNow(run.results[0]?.nextAttemptAt ?? null)).toBe(10);
  });
});
