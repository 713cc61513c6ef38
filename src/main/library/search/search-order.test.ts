import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPaper, toIncomingPaper } from '../import/merge-paper.ts';
import { emptyPaper } from '../import/parsers/parsed-digest.ts';
import { RANK_LIMIT } from './order-matches.ts';
import { realPapersLibrary } from './real-papers-library.ts';

describe('every match is ranked and reachable, however many', () => {
  let lib: ReturnType<typeof realPapersLibrary>;
  let meant = 0;
  beforeAll(() => {
    lib = realPapersLibrary();
    const { db } = lib.library;
    // More matches than bm25 ranks per keystroke, most of them only mentioning the words in the abstract,
    // and added after the paper meant (newest-first would bury it).
    meant = lib.add({ title: 'Sparse Diffusion Transformers for Video', authors: ['Ada Lovelace'], abstract: 'We make video diffusion sparse.' });
    db.transaction(() => {
      for (let index = 0; index < RANK_LIMIT + 300; index += 1) {
        const parsed = { ...emptyPaper(`Filler study number ${index} on optimisation`), abstract: `Sparse diffusion transformers for video are one baseline among many (${index}).` };
        insertPaper(db, toIncomingPaper(parsed), { status: 'inbox', digestDate: '2026-03-12', digestPosition: index, now: '2026-03-12T10:00:00.000Z' });
      }
    })();
  });
  afterAll(() => lib.library.cleanup());

  it('the paper with the words in its title comes first among more matches than bm25 ranks at once', () => {
    const result = lib.search('sparse diffusion transformers video ');
    expect(lib.ids('sparse diffusion transformers video ').total).toBeGreaterThan(RANK_LIMIT + 300);
    expect(result.hits[0]?.paper.id).toBe(meant);
  });

  it('papers with the words in the title come before papers that only mention them in the abstract', () => {
    const result = lib.search('diffusion transformer ', { limit: 500 });
    const firstAbstractOnly = result.hits.findIndex((hit) => !/diffusion/i.test(hit.paper.title) || !/transformer/i.test(hit.paper.title));
    const lastInTitle = result.hits.findLastIndex((hit) => /diffusion/i.test(hit.paper.title) && /transformers?/i.test(hit.paper.title));
    expect(lastInTitle).toBeGreaterThanOrEqual(0);
    expect(lastInTitle).toBeLessThan(firstAbstractOnly);
  });

  it('pages follow one order to the last match, and the total counts them exactly', () => {
    const query = 'sparse ';
    // The second page completes the order: its total is exact however rough the first page's was.
    const seen = lib.search(query, { limit: 200 }).hits.map((hit) => hit.paper.id);
    const second = lib.search(query, { limit: 200, offset: 200 });
    expect(second.totalIsEstimate).toBeUndefined();
    seen.push(...second.hits.map((hit) => hit.paper.id));
    for (let offset = 400; offset < second.total; offset += 200) seen.push(...lib.search(query, { limit: 200, offset }).hits.map((hit) => hit.paper.id));
    expect(seen.length).toBe(second.total);
    expect(new Set(seen).size).toBe(second.total);
    expect(second.total).toBeGreaterThan(RANK_LIMIT + 300);
    expect(lib.ids(query)).toEqual({ ids: seen, total: second.total });
  });

  it('the order is searched again after the library changes', () => {
    const before = lib.ids('xylograph ').total;
    lib.add({ title: 'Xylograph Printing Revisited', authors: [], abstract: 'Woodblocks.' });
    expect(lib.ids('xylograph ').total).toBe(before + 1);
  });
});
