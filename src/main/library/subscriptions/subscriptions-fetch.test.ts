import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, corpusDays, REAL_HF_DAY, realFixture, startRecordedServices } from '../../../../tests/support/recorded-services.ts';
import type { RecordedServices } from '../../../../tests/support/recorded-services.ts';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { importDigest } from '../import/import-digest.ts';
import { setStatus } from '../papers/triage-papers.ts';
import { SubscriptionService } from './subscription-service.ts';
import { addSubscription, getSubscription } from './subscription-store.ts';
import { setFetchingEnabled } from './subscription-state.ts';
import type { NewSubscription } from '../../../shared/contract/subscriptions-contract.ts';

let services: RecordedServices;
let library: ReturnType<typeof openTempLibrary>;
let clock: ReturnType<typeof fixedClock>;

beforeEach(async () => {
  services = await startRecordedServices();
  clock = fixedClock(`${REAL_HF_DAY}T10:00:00Z`);
  library = openTempLibrary({ clock });
});
afterEach(async () => {
  library.cleanup();
  await services.close();
});

const env = () => ({
  SIFT_HF_BASE_URL: services.baseUrl,
  SIFT_ARXIV_RSS_BASE_URL: services.baseUrl,
  SIFT_ARXIV_API_BASE_URL: services.baseUrl,
  SIFT_ARXIV_API_INTERVAL_MS: '300',
});
const service = () => new SubscriptionService(library, { fetcher: fetch, env: env() });
const subscribe = (input: Partial<NewSubscription> & Pick<NewSubscription, 'kind'>) =>
  addSubscription(library.db, { target: '', includeCrossLists: false, includeReplacements: false, into: 'inbox', ...input }, clock);
const count = (sql: string, ...params: unknown[]) => library.db.prepare(sql).pluck().get(...params) as number;
const papersIn = (status: string) => count(`SELECT count(*) FROM papers WHERE status = ?`, status);

describe('subscriptions fetch from the real services’ recorded answers', () => {
  it('with no subscription nothing is ever requested', async () => {
    const run = await service().fetchNow();
    await service().fetchDue();
    expect(run).toEqual({ fetchingEnabled: true, results: [] });
    expect(services.requests).toEqual([]);
  });

  it('Hugging Face daily papers: yesterday and today arrive in the inbox, politely asked for', async () => {
    subscribe({ kind: 'hf-daily' });
    const run = await service().fetchNow();
    expect(services.requests.map((request) => request.path)).toEqual(['/api/daily_papers?date=2026-06-11', '/api/daily_papers?date=2026-06-12']);
    const [result] = run.results;
    expect(result?.problem).toBeNull();
    // Yesterday's empty list is a normal day, not an error.
    expect(result?.unchanged).toBe(1);
    expect(result?.reports.map((report) => [report.file, report.added])).toEqual([['Hugging Face daily papers 2026-06-12', 30]]);
    expect(papersIn('inbox')).toBe(30);
    const headers = services.requests[1]?.headers;
    expect(headers?.['user-agent']).toMatch(/^Sift\/\d+\.\d+\.\d+ /);
    expect(headers?.['accept-encoding']).toMatch(/gzip/);
    expect(headers?.accept).toMatch(/application\/json/);
    expect(getSubscription(library.db, 1)).toMatchObject({ papersBrought: 30, lastProblem: null, lastHfDay: '2026-06-11', lastSuccessAt: `${REAL_HF_DAY}T10:00:00.000Z` });
  });

  it('a second fetch of an unchanged day is a conditional request answered 304, and adds nothing', async () => {
    subscribe({ kind: 'hf-daily' });
    await service().fetchNow();
    const paperId = count(`SELECT id FROM papers ORDER BY id LIMIT 1`);
    setStatus({ db: library.db, history: library.history, clock }, [paperId], 'read');
    clock.advance(3 * 60 * 60 * 1000);
    const run = await service().fetchNow();
    const last = services.requests.at(-1);
    expect(last?.path).toBe('/api/daily_papers?date=2026-06-12');
    expect(last?.headers['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
    expect(last?.headers['if-modified-since']).toBe('Fri, 12 Jun 2026 08:00:00 GMT');
    expect(run.results[0]).toMatchObject({ reports: [], unchanged: 1, problem: null });
    expect(count(`SELECT count(*) FROM digests`)).toBe(1);
    expect(count(`SELECT status = 'read' FROM papers WHERE id = ?`, paperId)).toBe(1);
  });

  it('after days away the missed days are fetched one by one, weekends being empty lists (real corpus days)', async () => {
    const days = corpusDays(['2025-03-05', '2025-03-06', '2025-03-07', '2025-03-10']);
    if (!days) return; // the shared corpus is not beside this clone
    for (const [day, json] of days) services.hfDays.set(day, json);
    clock.set('2025-03-06T12:00:00Z');
    subscribe({ kind: 'hf-daily' });
    await service().fetchNow();
    const afterThursday = count(`SELECT count(*) FROM papers`);
    clock.set('2025-03-10T12:00:00Z');
    services.requests.length = 0;
    const run = await service().fetchNow();
    expect(services.requests.map((request) => request.path.slice(-10))).toEqual(['2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10']);
    expect(run.results[0]?.problem).toBeNull();
    expect(run.results[0]?.reports.map((report) => report.file)).toEqual(['Hugging Face daily papers 2025-03-07', 'Hugging Face daily papers 2025-03-10']);
    const added = run.results[0]?.reports.reduce((sum, report) => sum + report.added, 0) ?? 0;
    expect(added).toBeGreaterThan(10);
    expect(count(`SELECT count(*) FROM papers`)).toBe(afterThursday + added);
    expect(getSubscription(library.db, 1).lastHfDay).toBe('2025-03-09');
  });

  it('arXiv categories: new submissions only by default, cross-lists and replacements by choice', async () => {
    subscribe({ kind: 'arxiv-category', target: 'cs.LG+cs.AI+cs.CL+stat.ML' });
    const run = await service().fetchNow();
    expect(services.requests[0]?.path).toBe('/rss/cs.LG+cs.AI+cs.CL+stat.ML');
    expect(run.results[0]?.reports[0]).toMatchObject({ format: 'arxiv-rss', papers: 2, added: 2 });

    const other = openTempLibrary({ clock });
    try {
      addSubscription(other.db, { kind: 'arxiv-category', target: 'cs.LG+cs.AI+cs.CL+stat.ML', includeCrossLists: true, includeReplacements: true, into: 'inbox' }, clock);
      const everything = await new SubscriptionService(other, { fetcher: fetch, env: env() }).fetchNow();
      expect(everything.results[0]?.reports[0]).toMatchObject({ papers: 4, added: 4 });
    } finally {
      other.cleanup();
    }
  });

  it('arXiv searches go newest first to the API; destination and tag apply to new papers only', async () => {
    // The reader already has (and has read) one of the papers the search will bring.
    importDigest(library.db, { fileName: 'ids.txt', bytes: Buffer.from('https://arxiv.org/abs/2606.13591\n') }, clock);
    const known = count(`SELECT id FROM papers`);
    setStatus({ db: library.db, history: library.history, clock }, [known], 'read');
    subscribe({ kind: 'arxiv-search', target: 'all:transformer AND cat:cs.LG', into: 'to-read', tag: 'transformers' });
    const run = await service().fetchNow();
    const url = new URL(services.requests[0]?.path ?? '', services.baseUrl);
    expect(url.pathname).toBe('/api/query');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ search_query: 'all:transformer AND cat:cs.LG', sortBy: 'submittedDate', sortOrder: 'descending' });
    expect(run.results[0]?.reports[0]).toMatchObject({ format: 'arxiv-atom', papers: 5, added: 4, existing: 1 });
    expect(papersIn('to-read')).toBe(4);
    expect(count(`SELECT status = 'read' FROM papers WHERE id = ?`, known)).toBe(1);
    expect(count(`SELECT count(*) FROM paper_tags JOIN tags ON tags.id = tag_id WHERE tags.name = 'transformers'`)).toBe(4);
    expect(count(`SELECT count(*) FROM paper_tags WHERE paper_id = ?`, known)).toBe(0);
  });

  it('requests to the arXiv API are spaced by the configured interval, one at a time', async () => {
    services.searches.set('au:Hinton', realFixture('arxiv-api-bipv-3.atom.xml'));
    subscribe({ kind: 'arxiv-search', target: 'all:transformer AND cat:cs.LG' });
    subscribe({ kind: 'arxiv-search', target: 'au:Hinton' });
    const one = service();
    await Promise.all([one.fetchNow(1), one.fetchNow(2)]);
    const [first, second] = services.requests;
    expect(services.requests).toHaveLength(2);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(300);
  });

  it('one request at a time per host, even when two fetches run at once', async () => {
    let active = 0;
    let most = 0;
    const slowFeed: Parameters<RecordedServices['route']>[1] = (request, response) => {
      active += 1;
      most = Math.max(most, active);
      setTimeout(() => {
        active -= 1;
        answer(request, response, realFixture('arxiv-rss-4.xml'), 'application/rss+xml');
      }, 150);
    };
    services.route('/a.xml', slowFeed);
    services.route('/b.xml', slowFeed);
    subscribe({ kind: 'feed', target: `${services.baseUrl}/a.xml` });
    subscribe({ kind: 'feed', target: `${services.baseUrl}/b.xml` });
    const one = service();
    const [first, second] = await Promise.all([one.fetchNow(1), one.fetchNow(2)]);
    expect(services.requests).toHaveLength(2);
    expect(most).toBe(1);
    expect([first.results[0]?.problem, second.results[0]?.problem]).toEqual([null, null]);
  });

  it('a Brotli-compressed answer is read like any other', async () => {
    services.route('/br.xml', (request, response) => {
      expect(request.headers['accept-encoding']).toMatch(/\bbr\b/);
      response.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'br' }).end(zlib.brotliCompressSync(realFixture('arxiv-rss-4.xml')));
    });
    subscribe({ kind: 'feed', target: `${services.baseUrl}/br.xml` });
    expect((await service().fetchNow()).results[0]?.reports[0]).toMatchObject({ papers: 4, added: 4 });
  });

  it('a feed that grows between two fetches brings only the new papers and keeps what the reader did', async () => {
    const full = realFixture('arxiv-rss-4.xml');
    const items = full.match(/<item>[\s\S]*?<\/item>\s*/g) ?? [];
    services.route('/journal.xml', (request, response) => answer(request, response, full.replace(items[2] ?? '', '').replace(items[3] ?? '', ''), 'application/rss+xml'));
    subscribe({ kind: 'feed', target: `${services.baseUrl}/journal.xml` });
    expect((await service().fetchNow()).results[0]?.reports[0]).toMatchObject({ papers: 2, added: 2 });
    const first = count(`SELECT id FROM papers ORDER BY id LIMIT 1`);
    setStatus({ db: library.db, history: library.history, clock }, [first], 'skipped');
    services.route('/journal.xml', (request, response) => answer(request, response, full, 'application/rss+xml'));
    const grown = await service().fetchNow();
    expect(grown.results[0]?.reports[0]).toMatchObject({ papers: 4, added: 2, existing: 2 });
    expect(count(`SELECT status FROM papers WHERE id = ?`, first) as unknown).toBe('skipped');
    expect(getSubscription(library.db, 1).papersBrought).toBe(4);
  });

  it('the global switch off means nothing is requested, by the schedule or by hand', async () => {
    subscribe({ kind: 'hf-daily' });
    setFetchingEnabled(library.db, false);
    expect(await service().fetchNow()).toEqual({ fetchingEnabled: false, results: [] });
    expect(await service().fetchDue()).toEqual({ fetchingEnabled: false, results: [] });
    expect(services.requests).toEqual([]);
  });
});
