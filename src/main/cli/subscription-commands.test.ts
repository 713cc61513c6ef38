import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRecordedServices } from '../../../tests/support/recorded-services.ts';
import type { RecordedServices } from '../../../tests/support/recorded-services.ts';
import { makeTempDir } from '../../../tests/support/temp-library.ts';
import type { CliIo } from './cli-io.ts';
import { runCli } from './sift.ts';

let temp: { dir: string; cleanup: () => void };
let dbPath: string;
let services: RecordedServices;
beforeEach(async () => {
  temp = makeTempDir();
  dbPath = path.join(temp.dir, 'library.db');
  services = await startRecordedServices();
});
afterEach(async () => {
  temp.cleanup();
  await services.close();
});

function fakeIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (line) => out.push(line), stderr: (line) => err.push(line), readStdin: async () => Buffer.alloc(0) };
}

const run = async (...argv: string[]) => {
  const io = fakeIo();
  const env = { SIFT_ARXIV_RSS_BASE_URL: services.baseUrl, SIFT_ARXIV_API_BASE_URL: services.baseUrl, SIFT_ARXIV_API_INTERVAL_MS: '0' };
  const code = await runCli([...argv, '--db', dbPath], io, env);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
};

describe('sift subscribe, subscriptions, fetch, unsubscribe', () => {
  it('fetch with no subscription requests nothing and says so', async () => {
    expect(await run('fetch')).toMatchObject({ code: 0, err: expect.stringMatching(/no subscriptions, so nothing was requested/) });
    expect(services.requests).toEqual([]);
  });

  it('subscribes, fetches with --json (one import report per digest), and lists what it brought', async () => {
    expect((await run('subscribe', 'arxiv', 'cs.LG+cs.AI+cs.CL+stat.ML', '--cross-lists', '--tag', 'ml')).out).toMatch(
      /^Subscribed \(1\): arXiv cs\.LG\+cs\.AI\+cs\.CL\+stat\.ML → inbox, tagged ml/,
    );
    expect((await run('subscribe', 'arxiv-search', 'all:transformer', 'AND', 'cat:cs.LG', '--into', 'to-read')).code).toBe(0);
    const fetched = await run('fetch', '--json');
    expect(fetched.code).toBe(0);
    const lines = fetched.out.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ subscription: 1, format: 'arxiv-rss', papers: 3, added: 3 }),
      expect.objectContaining({ subscription: 2, format: 'arxiv-atom', papers: 5, added: 5 }),
    ]);
    const listed = JSON.parse((await run('subscriptions', '--json')).out) as { subscriptions: { papersBrought: number; lastProblem: string | null }[] };
    expect(listed.subscriptions.map((subscription) => subscription.papersBrought)).toEqual([3, 5]);
    expect((await run('list', '--queue', 'to-read', '--json')).out).toContain('2606.13677');
    // Fetched again: the server answers 304, nothing new.
    expect((await run('fetch')).out).toBe('arXiv cs.LG+cs.AI+cs.CL+stat.ML: nothing new\narXiv search “all:transformer AND cat:cs.LG”: nothing new');
  });

  it('a subscription with a problem makes fetch exit 1 with the reason, and the next attempt time', async () => {
    services.route('/rss/cs.CL', (_request, response) => response.writeHead(503, { 'Retry-After': '120' }).end());
    await run('subscribe', 'arxiv', 'cs.CL');
    const fetched = await run('fetch');
    expect(fetched.code).toBe(1);
    expect(fetched.err).toMatch(/^sift: arXiv cs\.CL: the server answered 503, retrying at \d\d:\d\d$/);
    expect((await run('subscriptions')).out).toMatch(/1 {2}arXiv cs\.CL → inbox · never fetched · 0 papers brought · the server answered 503, retrying at/);
  });

  it('refuses a bad subscription with a reason, and unsubscribes keeping the papers', async () => {
    expect(await run('subscribe', 'feed', 'ftp://example.org/feed')).toMatchObject({ code: 1, err: expect.stringMatching(/http/) });
    expect(await run('subscribe', 'weather')).toMatchObject({ code: 2 });
    await run('subscribe', 'arxiv', 'cs.LG+cs.AI+cs.CL+stat.ML');
    await run('fetch');
    expect((await run('unsubscribe', '1')).out).toMatch(/Unsubscribed 1; the papers it brought stay/);
    expect(JSON.parse((await run('list', '--json')).out)).toHaveLength(2);
    expect(await run('unsubscribe', '1')).toMatchObject({ code: 1 });
  });
});
