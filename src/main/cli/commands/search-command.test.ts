import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HF_PAPERS_PAGE, makeTempDir } from '../../../../tests/support/temp-library.ts';
import { siftOn } from '../../../../tests/support/cli-harness.ts';

describe('sift search', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const sift = siftOn(() => `${temp.dir}/library.db`);
  beforeEach(async () => {
    temp = makeTempDir();
    await sift('import', HF_PAPERS_PAGE);
  });
  afterEach(() => temp.cleanup());

  it('--json lists results in rank order with id, title, status and score', async () => {
    const result = await sift('search', 'mixtrue', 'of', 'experts', '--json', '--limit', '3');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.out[0] ?? '{}');
    expect(body.correctedQuery.trim()).toBe('mixture of experts');
    expect(body.results[0]).toMatchObject({ title: expect.stringMatching(/^COMET/), status: 'inbox' });
    expect(Object.keys(body.results[0])).toEqual(['id', 'title', 'status', 'score']);
    const scores = body.results.map((row: { score: number }) => row.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('takes filters and --queue, and prints one line per paper', async () => {
    const all = await sift('search', 'digest:2026-03-11', '--limit', '100');
    expect(all.out.at(-1)).toBe('58 of 58 matches');
    const none = await sift('search', 'sparse', '--queue', 'read');
    expect(none.out.at(-1)).toBe('0 of 0 matches');
  });

  it('a negated filter on the command line is part of the query, not an unknown option', async () => {
    const all = await sift('search', 'sparse', '--limit', '100');
    const result = await sift('search', 'sparse', '-in:inbox', '--limit', '100');
    expect(all.out.at(-1)).toMatch(/^\d+ of [1-9]\d* matches$/);
    expect(result.code).toBe(0);
    expect(result.out.at(-1)).toBe('0 of 0 matches');
  });

  it('an empty query or a bad --limit is a usage error', async () => {
    expect((await sift('search')).code).toBe(2);
    expect((await sift('search', 'x', '--limit', '0')).code).toBe(2);
  });
});
