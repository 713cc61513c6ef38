// Figures for `npm run bench`: what a subscription fetch costs the reader's library, measured against a
// local server answering with the recorded real responses (no internet). run-bench.ts calls
// measureSubscriptionFigures(library) on its 100k-paper library; standalone, on a fresh library:
//   node bench/subscriptions-bench.ts
import path from 'node:path';
import { openSiftLibrary } from '../src/main/library/sift-library.ts';
import type { SiftLibrary } from '../src/main/library/sift-library.ts';
import { SubscriptionService } from '../src/main/library/subscriptions/subscription-service.ts';
import { addSubscription } from '../src/main/library/subscriptions/subscription-store.ts';
import { startRecordedServices } from '../tests/support/recorded-services.ts';
import { makeTempDir } from '../tests/support/temp-library.ts';
import { realFixture } from '../tests/support/recorded-services.ts';

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Times, through a real HTTP exchange on 127.0.0.1 (gzip, ETag): the first fetch of today's Hugging
 * Face list (30 real papers) into the library, the next fetch of the same day (a 304), and an arXiv
 * listing RSS fetch. The subscriptions are removed again; the 30 papers stay, like any import.
 */
export async function measureSubscriptionFigures(library: SiftLibrary, suffix: string): Promise<Record<string, number>> {
  const services = await startRecordedServices();
  try {
    services.hfDays.set(library.clock.now().toISOString().slice(0, 10), realFixture('hf-daily-papers-30.json'));
    const env = { SIFT_HF_BASE_URL: services.baseUrl, SIFT_ARXIV_RSS_BASE_URL: services.baseUrl };
    const service = new SubscriptionService(library, { fetcher: fetch, env });
    const base = { target: '', includeCrossLists: false, includeReplacements: false, into: 'inbox' as const };
    const hf = addSubscription(library.db, { ...base, kind: 'hf-daily' }, library.clock);
    let start = performance.now();
    const first = await service.fetchNow(hf.id);
    const firstMs = performance.now() - start;
    start = performance.now();
    const again = await service.fetchNow(hf.id);
    const notModifiedMs = performance.now() - start;
    const rss = addSubscription(library.db, { ...base, kind: 'arxiv-category', target: 'cs.LG+cs.AI+cs.CL+stat.ML' }, library.clock);
    start = performance.now();
    await service.fetchNow(rss.id);
    const rssMs = performance.now() - start;
    if (first.results[0]?.problem || again.results[0]?.reports.length) throw new Error('the subscription fetch did not behave as measured');
    library.db.prepare('DELETE FROM subscriptions WHERE id IN (?, ?)').run(hf.id, rss.id);
    return {
      [`fetch_hf_day_30_into_${suffix}_ms`]: round(firstMs),
      [`fetch_hf_day_not_modified_${suffix}_ms`]: round(notModifiedMs),
      [`fetch_arxiv_rss_${suffix}_ms`]: round(rssMs),
    };
  } finally {
    await services.close();
  }
}

if (import.meta.main) {
  const temp = makeTempDir('sift-bench-subscriptions-');
  const library = openSiftLibrary(path.join(temp.dir, 'library.db'));
  try {
    console.log(JSON.stringify(await measureSubscriptionFigures(library, 'empty')));
  } finally {
    library.close();
    temp.cleanup();
  }
}
