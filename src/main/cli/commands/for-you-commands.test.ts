import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HF_PAPERS_PAGE, makeTempDir } from '../../../../tests/support/temp-library.ts';
import { siftOn } from '../../../../tests/support/cli-harness.ts';

describe('sift list --order for-you and sift similar', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const sift = siftOn(() => `${temp.dir}/library.db`);
  const papers = async () => JSON.parse((await sift('list', '--limit', '100', '--json')).out[0] ?? '[]') as { id: number; title: string }[];
  beforeEach(async () => {
    temp = makeTempDir();
    await sift('import', HF_PAPERS_PAGE);
  });
  afterEach(() => temp.cleanup());

  it('keeps digest order and says what it needs while the reader has made too few choices', async () => {
    const digest = await sift('list', '--limit', '5');
    const forYou = await sift('list', '--order', 'for-you', '--limit', '5');
    expect(forYou.code).toBe(0);
    expect(forYou.out.slice(0, 5).map((line) => line.slice(4))).toEqual(digest.out.slice(0, 5));
    expect(forYou.err.join('\n')).toContain('For you needs 10 more kept (to read, read or starred) and 10 more skipped');
  });

  it('once the reader has made enough choices, lists the inbox best first with scores', async () => {
    const all = await papers();
    const isImage = (title: string) => /diffusion|text-to-image|image|3d|video|visual/i.test(title);
    const images = all.filter((paper) => isImage(paper.title));
    const others = all.filter((paper) => !isImage(paper.title));
    expect(images.length).toBe(11);
    // Eight image papers kept and two other papers (a reader is not perfectly consistent); twenty others skipped.
    await sift('mark', ...images.slice(0, 8).map((paper) => String(paper.id)), '--status', 'to-read');
    await sift('mark', ...others.slice(0, 2).map((paper) => String(paper.id)), '--status', 'read');
    await sift('mark', ...others.slice(2, 22).map((paper) => String(paper.id)), '--status', 'skipped');
    const result = await sift('list', '--order', 'for-you', '--json', '--limit', '100');
    expect(result.err).toEqual([]);
    const ranked = JSON.parse(result.out[0] ?? '[]') as { title: string; score: number; status: string }[];
    expect(ranked).toHaveLength(all.length - 30);
    expect(ranked.every((paper) => paper.status === 'inbox' && typeof paper.score === 'number')).toBe(true);
    const scores = ranked.map((paper) => paper.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Of the three image papers still in the inbox, at least two are among its first six of 28 (digest order: one on average).
    expect(ranked.slice(0, 6).filter((paper) => isImage(paper.title)).length).toBeGreaterThanOrEqual(2);
  });

  it('search --order for-you ranks every match by the reader\'s choices, and refuses an unknown order', async () => {
    const all = await papers();
    const isImage = (title: string) => /diffusion|text-to-image|image|3d|video|visual/i.test(title);
    const images = all.filter((paper) => isImage(paper.title));
    const others = all.filter((paper) => !isImage(paper.title));
    await sift('mark', ...images.slice(0, 8).map((paper) => String(paper.id)), '--status', 'to-read');
    await sift('mark', ...others.slice(0, 2).map((paper) => String(paper.id)), '--status', 'read');
    await sift('mark', ...others.slice(2, 22).map((paper) => String(paper.id)), '--status', 'skipped');
    type Results = { total: number; order: string; results: { id: number; title: string; score: number | null }[] };
    const relevance = JSON.parse((await sift('search', 'model', '--json', '--limit', '100')).out[0] ?? '{}') as Results;
    const result = await sift('search', 'model', '--order', 'for-you', '--json', '--limit', '100');
    expect(result.err).toEqual([]);
    const forYou = JSON.parse(result.out[0] ?? '{}') as Results;
    expect(forYou.order).toBe('for-you');
    expect(forYou.total).toBe(relevance.total);
    expect(new Set(forYou.results.map((row) => row.id))).toEqual(new Set(relevance.results.map((row) => row.id)));
    const scores = forYou.results.map((row) => row.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const imagesFirst = (rows: Results['results']) => rows.slice(0, 5).filter((row) => isImage(row.title)).length;
    expect(imagesFirst(forYou.results)).toBeGreaterThan(imagesFirst(relevance.results));
    const text = await sift('search', 'model', '--order', 'for-you', '--limit', '3');
    expect(text.out.at(-1)).toBe(`3 of ${relevance.total} matches, for you (score: where the paper stands in your library, 0–99)`);
    expect((await sift('search', 'model', '--order', 'upvotes')).code).not.toBe(0);
  });

  it('similar lists the nearest papers, and refuses an unknown id', async () => {
    const all = await papers();
    const compass = all.find((paper) => paper.title.startsWith('CoMPaSS'));
    const similar = await sift('similar', String(compass?.id), '--limit', '3', '--json');
    expect(similar.code).toBe(0);
    const hits = JSON.parse(similar.out[0] ?? '[]') as { title: string; similarity: number }[];
    expect(hits).toHaveLength(3);
    expect(hits.every((hit) => hit.similarity > 0 && hit.title !== compass?.title)).toBe(true);
    // CoMPaSS is about spatial understanding in text-to-image models: so is the nearest paper.
    expect(hits[0]?.title).toBe('Getting it Right: Improving Spatial Consistency in Text-to-Image Models');
    expect(hits[1]?.title).toMatch(/text-to-image/i);
    const missing = await sift('similar', '999999');
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toBe('sift: no paper with id 999999');
  });
});
